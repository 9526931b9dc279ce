// The article's layers over its text: spans from the document JSON (character
// offsets, compact [start, end] or {start, end}), cut into segments so that
// overlapping items of different layers can be shown together. Segments only
// paint (background, lines under and over), so the letters of a word cut
// between two segments stay joined.
import { h } from './dom.js';
import { ENTITY_KINDS, TECHNIQUE_CLASSES, eventType, quad, technique } from './labels.js';

/** [start, end] of a span in either profile. */
export function span(x) {
  if (!x) return null;
  if (Array.isArray(x)) return [x[0], x[1]];
  if (typeof x.start === 'number') return [x.start, x.end];
  return null;
}

const pct = (c) => (c === undefined ? '' : ` — ${Math.round(c * 100)}%`);
const origin = (o) => (o ? ` — ${o.rule}${pct(o.confidence)}` : '');

/** The switchable layers: name, label, on at first, and the items of a document. */
export const LAYERS = [
  {
    name: 'mentions', label: 'الكيانات', on: true,
    items: (d) => (d.mentions || []).map((m) => ({
      span: span(m.span), cls: `ent ent-${m.kind}`, tip: `كيان: ${ENTITY_KINDS[m.kind] || m.kind}${origin(m.origin)}`,
    })),
  },
  {
    name: 'events', label: 'الأحداث', on: true,
    items: (d) => (d.events || []).map((e) => ({
      span: span(e.trigger && e.trigger.span), cls: `event quad-${e.quad_class}`,
      tip: `حدث: ${eventType(e.event_type)} · ${quad(e.quad_class)} · غولدشتاين ${e.goldstein}${origin(e.origin)}`,
    })),
  },
  {
    name: 'claims', label: 'الادعاءات', on: true,
    items: (d) => (d.claims || []).map((c) => ({
      span: span(c.span), cls: c.rank && c.rank <= 3 ? 'claim claim-top' : 'claim',
      tip: `ادعاء رتبته ${c.rank ?? '—'}، جدارة التحقق ${Math.round((c.checkworthiness ?? 0) * 100)}%${origin(c.origin)}`,
    })),
  },
  {
    name: 'techniques', label: 'أساليب الإقناع', on: true,
    items: (d) => ((d.techniques && d.techniques.spans) || []).map((t) => ({
      span: span(t.span), cls: `tech tech-${t.class}`,
      tip: `أسلوب: ${technique(t.technique)} (${TECHNIQUE_CLASSES[t.class] || t.class})${origin(t.origin)}`,
    })),
  },
  {
    name: 'times', label: 'الأزمنة', on: false,
    items: (d) => (d.times || []).map((t) => ({
      span: span(t.span), cls: 'time', tip: `زمن: ${t.kind}${t.value ? ' ' + t.value : ''}${origin(t.origin)}`,
    })),
  },
  {
    name: 'quantities', label: 'الكميات', on: false,
    items: (d) => (d.quantities || []).map((q) => ({
      span: span(q.span), cls: 'qty', tip: `كمية: ${q.kind}${q.value !== undefined ? ' ' + q.value : ''}${q.unit ? ' ' + q.unit : ''}${origin(q.origin)}`,
    })),
  },
];

/** The text with every layer's items as classed segments (`data-layers` lists the layers covering each). */
export function highlightedText(doc) {
  const chars = Array.from(doc.text || '');
  const items = [];
  for (const layer of LAYERS) {
    for (const it of layer.items(doc)) {
      if (!it.span) continue;
      const [s, e] = it.span;
      if (!(s >= 0 && e > s && e <= chars.length)) continue;
      items.push({ ...it, layer: layer.name, s, e });
    }
  }
  const cuts = new Set([0, chars.length]);
  for (const it of items) cuts.add(it.s).add(it.e);
  const points = [...cuts].sort((a, b) => a - b);
  items.sort((a, b) => a.s - b.s);
  const article = h('article', { class: 'text', lang: 'ar', dir: 'rtl', id: 'article-text' });
  let next = 0;
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    active = active.filter((it) => it.e > a);
    while (next < items.length && items[next].s <= a) {
      if (items[next].e > a) active.push(items[next]);
      next++;
    }
    const text = chars.slice(a, b).join('');
    if (!active.length) {
      article.append(document.createTextNode(text));
      continue;
    }
    const el = h('span', {
      class: [...new Set(active.flatMap((it) => [`L-${it.layer}`, ...it.cls.split(' ')]))].join(' '),
      'data-start': a, 'data-end': b,
      'data-layers': [...new Set(active.map((it) => it.layer))].join(' '),
    }, text);
    el.title = active.map((it) => it.tip).join('\n');
    article.append(el);
  }
  return article;
}
