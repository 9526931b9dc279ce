// Pieces several pages share: the date-range form and the table of events.
import { h, num, table } from '../dom.js';
import { eventType, quad, QUAD_COLOURS } from '../labels.js';

/** Fetches every page of a list endpoint up to `max` items. */
export async function getAll(get, endpoint, params, key, max = 1000) {
  const out = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const data = await get(endpoint, { ...params, page, per_page: 100 });
    total = data.total;
    out.push(...data[key]);
    if (!data[key].length || out.length >= Math.min(total, max)) break;
  }
  return { items: out, total };
}

/** A filter form of labelled fields; `onChange` gets the fields' values when one changes or the form is sent. */
export function filterForm(fields, values, onChange, label = 'عوامل التصفية') {
  const form = h('form', { class: 'filter-bar', 'aria-label': label },
    fields.map(([name, text, type, extra]) => h('label', { class: 'field' }, h('span', {}, text),
      type === 'select'
        ? h('select', { name }, extra.map(([v, t]) => h('option', { value: v, selected: String(values[name] ?? '') === v || null }, t)))
        : h('input', { name, type, value: values[name] ?? '', dir: type === 'date' ? 'ltr' : 'auto', list: extra || null }))),
    h('button', { type: 'submit' }, 'طبّق'));
  const read = () => Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    onChange(read());
  });
  form.addEventListener('change', () => onChange(read()));
  return form;
}

/** A coloured square for a quad class. */
export function swatch(q) {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = QUAD_COLOURS[q] || '#999';
  return el;
}

/** The events as a table, each with its sentence and a link to its article. */
export function eventsTable(events, caption) {
  return table(caption, ['التاريخ', 'النوع', 'الفئة', 'غولدشتاين', 'الفاعل', 'المفعول به', 'المكان', 'الجملة', 'المقالة'],
    events.map((e) => [
      { node: h('bdi', { dir: 'ltr' }, e.date || '—'), class: 'nw' },
      eventType(e.type), { node: h('span', {}, swatch(e.quad), ' ', quad(e.quad)), class: 'nw' }, num(e.goldstein, 1),
      { node: h('bdi', {}, e.actor || '—'), class: 'ar' },
      { node: h('bdi', {}, e.recipient || '—'), class: 'ar' },
      { node: h('bdi', {}, [e.place, e.country].filter(Boolean).join('، ') || '—'), class: 'ar' },
      { node: h('bdi', {}, e.sentence || e.trigger || ''), class: 'ar sentence' },
      h('a', { href: `/article/${encodeURIComponent(e.article_id)}` }, h('bdi', {}, e.article_title || `المقالة ${e.article_id}`),
        e.outlet ? [' — ', h('bdi', {}, e.outlet)] : null),
    ]), 'events');
}

/** Links to the other views with the same date range. */
export function rangeLinks({ from, to }) {
  const q = new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v)).toString();
  const p = (x) => (q ? `${x}${x.includes('?') ? '&' : '?'}${q}` : x);
  return h('p', { class: 'range-links' }, 'الفترة نفسها في: ',
    h('a', { href: p('/search?q=*') }, 'البحث'), ' · ',
    h('a', { href: p('/map') }, 'الخريطة'), ' · ',
    h('a', { href: p('/timeline') }, 'الخط الزمني'), ' · ',
    h('a', { href: p('/network') }, 'شبكة الفاعلين'));
}
