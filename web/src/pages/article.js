// The article view (/article/{id}): its text with the report's layers
// switchable, its persuasion profile and tone, its claims ranked by
// check-worthiness, its events, and links to its story and its copies.
import { externalLink, h, message, num, replace, table } from '../dom.js';
import { get } from '../api.js';
import { LAYERS, highlightedText, span } from '../layers.js';
import { TECHNIQUE_CLASSES, eventType, quad, technique } from '../labels.js';

export async function articlePage(app, id) {
  replace(app, message('جارٍ تحميل المقالة…'));
  let a;
  try {
    a = await get(`articles/${encodeURIComponent(id)}`);
  } catch (e) {
    replace(app, message(`تعذّر تحميل المقالة ${id}: ${e.message}`, true));
    return;
  }
  const doc = a.document || {};
  const chars = Array.from(doc.text || '');
  const slice = (sp) => (sp ? chars.slice(sp[0], sp[1]).join('') : '');
  const entities = doc.entities || [];
  const entity = (key) => entities.find((e) => e.id === key);
  document.title = `${a.title || 'مقالة'} — مرصد`;

  const text = highlightedText(doc);
  for (const l of LAYERS) if (l.on) text.classList.add(`show-${l.name}`);
  const switches = h('div', { class: 'switches', role: 'group', 'aria-label': 'طبقات التحليل' },
    LAYERS.map((l) => h('button', {
      type: 'button', class: 'switch', 'aria-pressed': String(l.on), 'aria-controls': 'article-text', 'data-layer': l.name,
      on: { click: (ev) => {
        const on = text.classList.toggle(`show-${l.name}`);
        ev.currentTarget.setAttribute('aria-pressed', String(on));
      } },
    }, l.label)));

  replace(app,
    h('header', { class: 'article-head' },
      h('h1', { dir: 'auto' }, a.title || 'بلا عنوان'),
      h('dl', { class: 'meta' },
        h('dt', {}, 'المنبر'), h('dd', {}, h('bdi', {}, a.outlet || '—')),
        h('dt', {}, 'النشر'), h('dd', {}, h('bdi', { dir: 'ltr' }, a.published || '—')),
        a.author ? [h('dt', {}, 'الكاتب'), h('dd', {}, h('bdi', {}, a.author))] : null,
        a.url ? [h('dt', {}, 'الرابط'), h('dd', {}, externalLink(a.url))] : null,
        a.story_id !== null && a.story_id !== undefined
          ? [h('dt', {}, 'القصة'), h('dd', {}, h('a', { href: `/outlets?story=${encodeURIComponent(a.story_id)}` }, 'قارن تغطية المنابر لهذه القصة'))]
          : null,
        a.copy_of ? [h('dt', {}, 'نسخة من'), h('dd', {}, h('a', { href: `/article/${encodeURIComponent(a.copy_of.id)}` }, h('bdi', {}, a.copy_of.outlet || `المقالة ${a.copy_of.id}`)))] : null),
      copies(a.copies || [])),
    switches,
    text,
    h('section', { class: 'panel' },
      claimsTable(doc, slice),
      eventsTable(doc, slice, entity),
      profile(doc),
      toneTable(doc, entities)));
}

function copies(list) {
  if (!list.length) return null;
  return h('details', { class: 'copies' },
    h('summary', {}, `نسخ هذه المقالة في منابر أخرى (${list.length})`),
    h('ul', {}, list.map((c) => h('li', {},
      h('a', { href: `/article/${encodeURIComponent(c.id)}` }, h('bdi', {}, c.title || `المقالة ${c.id}`)),
      ' — ', h('bdi', {}, c.outlet || '—'), ` (${c.kind === 'copy' ? 'نسخة مطابقة' : 'نسخة قريبة'}، تشابه ${num((c.similarity ?? 0) * 100)}%)`))));
}

function claimsTable(doc, slice) {
  const claims = [...(doc.claims || [])].sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  return [
    h('h2', {}, 'الادعاءات مرتبة حسب جدارة التحقق'),
    claims.length
      ? table(null, ['الرتبة', 'الادعاء', 'الجدارة', 'المصدر', 'الموقف', 'ملاحظات'], claims.map((c) => [
        num(c.rank), { node: h('bdi', {}, slice(span(c.span))), class: 'ar' },
        `${num((c.checkworthiness ?? 0) * 100)}%`,
        c.source ? { node: h('bdi', {}, slice(span(c.source.span)) || c.source.kind), class: 'ar' } : '—',
        c.stance || '—',
        [c.hedged ? 'متحفظ' : null, c.vague ? 'مبهم' : null].filter(Boolean).join('، ') || '—',
      ]), 'claims')
      : message('لا ادعاءات في هذه المقالة.'),
  ];
}

function eventsTable(doc, slice, entity) {
  const events = doc.events || [];
  const who = (x) => (x ? slice(span(x.span)) || (entity(x.entity) || {}).name || '—' : '—');
  return [
    h('h2', {}, 'الأحداث'),
    events.length
      ? table(null, ['النوع', 'CAMEO', 'الفئة', 'غولدشتاين', 'الفعل', 'الفاعل', 'المفعول به', 'الصيغة', 'المكان', 'الثقة'], events.map((e) => [
        eventType(e.event_type), h('code', {}, e.cameo || '—'), quad(e.quad_class), num(e.goldstein, 1),
        { node: h('bdi', {}, slice(span(e.trigger && e.trigger.span))), class: 'ar' },
        { node: h('bdi', {}, who(e.actor)), class: 'ar' },
        { node: h('bdi', {}, who(e.recipient)), class: 'ar' },
        e.modality || '—',
        e.location ? { node: h('bdi', {}, (entity(e.location) || {}).name || e.location), class: 'ar' } : '—',
        `${num(((e.origin || {}).confidence ?? 0) * 100)}%`,
      ]), 'events')
      : message('لا أحداث في هذه المقالة.'),
  ];
}

function profile(doc) {
  const sum = (doc.techniques && doc.techniques.summary) || null;
  if (!sum) return [h('h2', {}, 'ملف الإقناع'), message('لا ملف إقناع لهذه المقالة.')];
  const techniques = sum.techniques || [];
  const max = Math.max(1, ...techniques.map((t) => t.density || 0));
  return [
    h('h2', {}, 'ملف الإقناع'),
    h('p', {}, sum.propagandistic ? 'المقالة دعائية في تقدير النموذج. ' : 'المقالة ليست دعائية في تقدير النموذج. ',
      `كثافة الأساليب ${num(sum.density, 2)} لكل مئة كلمة، المئين ${num(sum.percentile)}، نسبة الفقرات الموسومة ${num((sum.paragraph_share ?? 0) * 100)}%.`),
    techniques.length
      ? table('الأساليب وكثافتها (لكل مئة كلمة)', ['الأسلوب', 'الصنف', 'المقاطع', 'الكثافة', 'المئين'], techniques.map((t) => {
        const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.width = `${Math.round((100 * (t.density || 0)) / max)}%`;
        return [technique(t.technique), TECHNIQUE_CLASSES[t.class] || t.class, num(t.spans),
          { node: h('span', { class: 'barcell' }, bar, h('span', {}, num(t.density, 2))) }, num(t.percentile)];
      }), 'profile')
      : null,
  ];
}

function toneTable(doc, entities) {
  const tone = doc.tone || {};
  const art = tone.article || {};
  const actors = tone.actors || [];
  return [
    h('h2', {}, 'النبرة'),
    h('p', {}, `نبرة المقالة ${num(art.tone, 2)} (إيجابي ${num(art.positive, 2)}، سلبي ${num(art.negative, 2)}) على ${num(art.words)} كلمة.`),
    actors.length
      ? table('النبرة تجاه الفاعلين', ['الفاعل', 'النبرة', 'الكلمات'], actors.map((x) => [
        { node: h('bdi', {}, (entities[x.entity] || {}).name || `#${x.entity}`), class: 'ar' },
        num((x.scores || {}).tone, 2), num((x.scores || {}).words),
      ]), 'tone')
      : null,
  ];
}

