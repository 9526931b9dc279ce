// The outlet comparison (/outlets?story=): per outlet its techniques and tone
// toward the main actors, then its claims side by side: a row per claim matched
// across outlets, and where an outlet has no claim in a row, it is marked as
// omitted there.
import { h, message, num, replace, table } from '../dom.js';
import { get, here } from '../api.js';
import { technique } from '../labels.js';

export async function outletsPage(app) {
  const id = here().story;
  document.title = 'مرصد — مقارنة المنابر';
  if (!id) {
    replace(app, h('h1', {}, 'مقارنة المنابر'), message('لا قصة محددة: افتح مقالة واتبع رابط قصتها.'));
    return;
  }
  replace(app, message('جارٍ التحميل…'));
  let data;
  let story = null;
  try {
    [data, story] = await Promise.all([
      get('outlets', { story: id }),
      get(`stories/${encodeURIComponent(id)}`).catch(() => null),
    ]);
  } catch (e) {
    replace(app, h('h1', {}, 'مقارنة المنابر'), message(`تعذّر تحميل القصة ${id}: ${e.message}`, true));
    return;
  }
  const outlets = data.outlets || [];
  document.title = `${(data.story || {}).title || 'قصة'} — مقارنة المنابر`;
  replace(app,
    h('h1', {}, 'مقارنة المنابر: ', h('bdi', {}, (data.story || {}).title || `القصة ${id}`)),
    story ? storyArticles(story) : null,
    h('div', { class: 'outlet-cards' }, outlets.map(card)),
    h('h2', {}, 'الادعاءات جنبًا إلى جنب'),
    h('p', { class: 'note' }, 'كل صف ادعاء واحد كما رواه كل منبر؛ الخانة المعلّمة «لم يذكره» تعني أن المنبر أغفله.'),
    outlets.length ? alignment(outlets) : message('لا منابر في هذه القصة.'));
}

function storyArticles(story) {
  return h('details', { class: 'story-articles' },
    h('summary', {}, `مقالات القصة (${(story.articles || []).length})، من ${story.first_published || '—'} إلى ${story.last_published || '—'}`),
    h('ul', {}, (story.articles || []).map((a) => h('li', {},
      h('a', { href: `/article/${encodeURIComponent(a.id)}` }, h('bdi', {}, a.title || `المقالة ${a.id}`)),
      ' — ', h('bdi', {}, a.outlet || '—'), ' · ', h('bdi', { dir: 'ltr' }, a.published || '')))));
}

function card(o) {
  return h('section', { class: 'outlet-card' },
    h('h3', {}, h('bdi', {}, o.outlet || 'منبر غير معروف')),
    h('p', { class: 'meta' }, `${(o.articles || []).length} مقالة: `,
      (o.articles || []).map((id, i) => [i ? '، ' : '', h('a', { href: `/article/${encodeURIComponent(id)}` }, String(id))])),
    (o.techniques || []).length
      ? table('أساليب الإقناع', ['الأسلوب', 'العدد'], o.techniques.map((t) => [technique(t.name), num(t.count)]), 'techniques')
      : h('p', { class: 'muted' }, 'لا أساليب إقناع.'),
    (o.tone || []).length
      ? table('النبرة تجاه الفاعلين', ['الفاعل', 'النبرة'], o.tone.map((t) => [{ node: h('bdi', {}, t.target), class: 'ar' },
        { node: h('span', { class: t.score > 0 ? 'pos' : t.score < 0 ? 'neg' : '' }, num(t.score, 2)) }]), 'tone')
      : h('p', { class: 'muted' }, 'لا نبرة تجاه فاعلين.'));
}

/** Groups claims that match one another (across outlets) into rows, one column per outlet. */
function alignment(outlets) {
  const claims = new Map();
  for (const o of outlets) for (const c of o.claims || []) claims.set(c.id, { ...c, outlet: o.outlet });
  const parent = new Map([...claims.keys()].map((k) => [k, k]));
  const find = (k) => {
    while (parent.get(k) !== k) {
      parent.set(k, parent.get(parent.get(k)));
      k = parent.get(k);
    }
    return k;
  };
  for (const c of claims.values()) {
    for (const m of c.matches || []) if (parent.has(m.claim_id)) parent.set(find(m.claim_id), find(c.id));
  }
  const groups = new Map();
  for (const c of claims.values()) {
    const root = find(c.id);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(c);
  }
  const rows = [...groups.values()].map((g) => ({
    claims: g,
    outlets: new Set(g.map((c) => c.outlet)),
    score: Math.max(...g.map((c) => c.score || 0)),
  })).sort((a, b) => b.outlets.size - a.outlets.size || b.score - a.score);
  return h('div', { class: 'scroll' }, h('table', { class: 'alignment' },
    h('caption', {}, `${rows.length} ادعاءً في ${outlets.length} منابر`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'المنابر'), outlets.map((o) => h('th', { scope: 'col' }, h('bdi', {}, o.outlet))))),
    h('tbody', {}, rows.map((r) => h('tr', { class: r.outlets.size > 1 ? 'matched' : 'unmatched' },
      h('th', { scope: 'row' }, r.outlets.size > 1 ? `${r.outlets.size} منابر` : 'منبر واحد'),
      outlets.map((o) => {
        const mine = r.claims.filter((c) => c.outlet === o.outlet);
        if (!mine.length) return h('td', { class: 'omitted' }, h('span', {}, 'لم يذكره'));
        return h('td', { class: 'ar' }, mine.map((c) => h('div', { class: 'claim-cell' },
          h('a', { href: `/article/${encodeURIComponent(c.article_id)}` }, h('bdi', {}, c.text)),
          h('div', { class: 'muted' }, `جدارة ${num((c.score || 0) * 100)}%`,
            (c.matches || []).flatMap((m) => (m.shared || []).length ? [' · مشترك: ', h('bdi', {}, m.shared.join('، '))] : [])))));
      }))))));
}
