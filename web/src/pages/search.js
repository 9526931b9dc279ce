// Search (/ and /search?q=): the query box with its filters, the hits with their
// highlighted snippets, facets that filter on click, and pagination.
import { externalLink, h, markedSnippet, message, num, replace } from '../dom.js';
import { get, here, path } from '../api.js';
import { eventType } from '../labels.js';

const FILTERS = [
  ['from', 'من تاريخ', 'date'],
  ['to', 'إلى تاريخ', 'date'],
  ['outlet', 'المنبر', 'text'],
  ['entity', 'الكيان', 'text'],
  ['event', 'نوع الحدث', 'text'],
  ['technique', 'أسلوب الإقناع', 'text'],
  ['country', 'البلد (ISO)', 'text'],
];
const FACETS = [
  ['outlet', 'المنابر'],
  ['month', 'الأشهر'],
  ['event', 'أنواع الأحداث'],
  ['country', 'البلدان'],
];
const PER_PAGE = 20;

export async function searchPage(app) {
  const params = here();
  const q = params.q ?? '';
  document.title = q && q !== '*' ? `${q} — بحث مرصد` : 'مرصد — البحث';
  const form = searchForm(params);
  const results = h('section', { class: 'results', 'aria-live': 'polite', 'aria-label': 'النتائج' });
  replace(app, h('h1', {}, 'البحث في المقالات'), form, results);
  // with nothing asked (the home page), every article: the corpus and its facets at a glance
  const page = Math.max(1, parseInt(params.page, 10) || 1);
  let data;
  try {
    data = await get('search', { ...params, q: q || '*', page, per_page: PER_PAGE });
  } catch (e) {
    replace(results, message('تعذّر البحث: ' + e.message, true));
    return;
  }
  replace(results,
    h('p', { class: 'count', role: 'status' }, `${num(data.total)} نتيجة`),
    h('div', { class: 'with-facets' },
      h('ol', { class: 'hits', start: (data.page - 1) * data.per_page + 1 }, data.hits.map(hit)),
      facets(data.facets || {}, params)),
    pager(data, params));
}

function searchForm(params) {
  const field = ([name, label, type]) => h('label', { class: 'field' },
    h('span', {}, label),
    h('input', { name, type, value: params[name] ?? '', dir: type === 'date' ? 'ltr' : 'auto' }));
  const form = h('form', { class: 'search', role: 'search', action: '/search', method: 'get' },
    h('div', { class: 'qrow' },
      h('label', { for: 'q', class: 'visually-hidden' }, 'كلمات البحث'),
      h('input', { id: 'q', name: 'q', type: 'search', value: params.q ?? '', placeholder: 'كلمات، "عبارة"، أو *', dir: 'auto' }),
      h('button', { type: 'submit' }, 'ابحث')),
    h('details', { class: 'filters', open: FILTERS.some(([n]) => params[n]) || null },
      h('summary', {}, 'عوامل التصفية'),
      h('div', { class: 'grid' }, FILTERS.map(field))));
  // empty fields are left out of the address
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    if (!data.q) data.q = '*';
    location.assign(path('/search', data));
  });
  return form;
}

function hit(x) {
  return h('li', { class: 'hit' },
    h('h2', {}, h('a', { href: `/article/${encodeURIComponent(x.id)}`, dir: 'auto' }, x.title || 'بلا عنوان')),
    h('p', { class: 'meta' },
      h('bdi', {}, x.outlet || 'منبر غير معروف'), ' · ', h('bdi', { dir: 'ltr' }, x.published || 'بلا تاريخ'),
      x.url ? [' · ', externalLink(x.url)] : null),
    x.snippet_html ? h('p', {}, markedSnippet(x.snippet_html)) : null);
}

/** A facet's value as the filter it sets: a month becomes a from/to range. */
function facetParams(name, value, params) {
  const next = { ...params, page: undefined };
  if (name === 'month') {
    const [y, m] = String(value).split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    next.from = `${value}-01`;
    next.to = `${value}-${String(last).padStart(2, '0')}`;
  } else next[name] = value;
  return next;
}

function facets(all, params) {
  return h('aside', { class: 'facets', 'aria-label': 'التصفية حسب' },
    FACETS.map(([name, label]) => {
      const values = all[name] || [];
      if (!values.length) return null;
      return h('section', {},
        h('h2', {}, label),
        h('ul', {}, values.map(({ value, count }) => {
          const active = name === 'month' ? params.from === `${value}-01` : params[name] === String(value);
          const text = name === 'event' ? eventType(value) : value;
          return h('li', {},
            h('a', { href: path('/search', facetParams(name, value, params)), 'aria-current': active ? 'true' : null },
              h('bdi', {}, text)),
            ' ', h('span', { class: 'n' }, num(count)));
        })));
    }));
}

function pager({ total, page, per_page: per }, params) {
  const pages = Math.max(1, Math.ceil(total / per));
  if (pages <= 1) return null;
  const link = (p, label) => h('a', { href: path('/search', { ...params, page: p }), 'aria-current': p === page ? 'page' : null }, label ?? String(p));
  const nums = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) nums.push(link(p));
  return h('nav', { class: 'pager', 'aria-label': 'صفحات النتائج' },
    page > 1 ? link(page - 1, 'السابقة') : null, nums, page < pages ? link(page + 1, 'التالية') : null,
    h('span', { class: 'n' }, `صفحة ${page} من ${pages}`));
}
