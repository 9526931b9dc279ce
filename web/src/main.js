// The pages of `marsad serve`: one shell, routed by location.pathname.
import { h, message, replace } from './dom.js';
import { carryRange, range } from './api.js';
import { searchPage } from './pages/search.js';
import { articlePage } from './pages/article.js';
import { mapPage } from './pages/map.js';
import { timelinePage } from './pages/timeline.js';
import { networkPage } from './pages/network.js';
import { outletsPage } from './pages/outlets.js';

const ROUTES = [
  [/^\/(search)?$/, 'search', searchPage],
  [/^\/article\/(\d+)$/, 'article', articlePage],
  [/^\/map$/, 'map', mapPage],
  [/^\/timeline$/, 'timeline', timelinePage],
  [/^\/network$/, 'network', networkPage],
  [/^\/outlets$/, 'outlets', outletsPage],
];

async function route() {
  const app = document.getElementById('app');
  const p = location.pathname.replace(/\/+$/, '') || '/';
  carryRange(range());
  for (const [re, name, page] of ROUTES) {
    const m = p.match(re);
    if (!m) continue;
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    }
    try {
      await page(app, m[1]);
    } catch (e) {
      replace(app, message('تعذّر عرض الصفحة: ' + e.message, true));
    }
    document.body.dataset.ready = name;
    return;
  }
  document.title = 'مرصد — صفحة غير موجودة';
  replace(app, h('h1', {}, 'صفحة غير موجودة'), h('p', {}, h('a', { href: '/' }, 'إلى البحث')));
  document.body.dataset.ready = 'none';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', route);
else route();
