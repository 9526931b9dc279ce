// The map (/map): events placed by their coordinates over Natural Earth's
// country outlines (bundled, no tile server), coloured by quad class, filtered
// by time range, type and quad class; a point lists its events and articles.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { h, message, num, replace, s, table } from '../dom.js';
import { get, here, range, setParams } from '../api.js';
import { EVENT_TYPES, QUADS, QUAD_COLOURS, quad } from '../labels.js';
import { eventsTable, filterForm, getAll, rangeLinks, swatch } from './common.js';

// the Arab world and its neighbours, when there is nothing to fit
const DEFAULT_BOX = [[-18, 8], [64, 42]];
let outlines = null;

export async function mapPage(app) {
  document.title = 'مرصد — الخريطة';
  const params = here();
  const view = h('div', { class: 'map-view' });
  const types = [['', 'كل الأنواع'], ...Object.entries(EVENT_TYPES).map(([k, v]) => [k, `${v} (${k})`])];
  const quads = [['', 'كل الفئات'], ...Object.entries(QUADS).map(([k, v]) => [k, v])];
  const form = filterForm([
    ['from', 'من', 'date'], ['to', 'إلى', 'date'], ['type', 'النوع', 'select', types], ['quad', 'الفئة', 'select', quads],
  ], params, (values) => {
    setParams(values);
    draw(view, values);
  });
  replace(app, h('h1', {}, 'خريطة الأحداث'), form, view);
  await draw(view, params);
}

async function draw(view, params) {
  replace(view, message('جارٍ تحميل الأحداث…'));
  const { from, to } = range(params);
  let events;
  let total;
  try {
    if (!outlines) {
      const res = await fetch('/assets/countries-50m.json');
      if (!res.ok) throw new Error(`حدود البلدان: ${res.status}`);
      const topo = await res.json();
      outlines = feature(topo, topo.objects.countries);
    }
    ({ items: events, total } = await getAll(get, 'events',
      { from, to, type: params.type, quad: params.quad, bbox: '-180,-90,180,90' }, 'events', 2000));
  } catch (e) {
    replace(view, message('تعذّر تحميل الخريطة: ' + e.message, true));
    return;
  }
  const W = Math.round(Math.min(960, Math.max(340, view.clientWidth || 960)));
  const H = Math.round(W < 600 ? W * 1.1 : W * 0.58);
  const places = groupByPlace(events);
  const pts = places.map((p) => [p.lon, p.lat]);
  const box = pts.length
    ? { type: 'MultiPoint', coordinates: pts.length > 1 ? pts : [[pts[0][0] - 5, pts[0][1] - 5], [pts[0][0] + 5, pts[0][1] + 5]] }
    : { type: 'MultiPoint', coordinates: DEFAULT_BOX };
  const projection = geoNaturalEarth1().fitExtent([[40, 30], [W - 40, H - 30]], box);
  const path = geoPath(projection);
  const details = h('section', { class: 'place-events', 'aria-live': 'polite' },
    message('اختر نقطة على الخريطة أو مكانًا من الجدول لعرض أحداثه.'));
  const select = (p) => {
    for (const c of view.querySelectorAll('.point[aria-pressed="true"]')) c.setAttribute('aria-pressed', 'false');
    for (const c of view.querySelectorAll(`[data-place="${p.key}"]`)) c.setAttribute('aria-pressed', 'true');
    replace(details, h('h2', {}, `أحداث ${p.place || 'المكان'} (${p.events.length})`), eventsTable(p.events));
  };
  const r = (n) => 4 + 2.2 * Math.sqrt(n);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-labelledby': 'map-title map-desc' },
    s('title', { id: 'map-title' }, 'خريطة الأحداث'),
    s('desc', { id: 'map-desc' }, `${places.length} مكانًا و${events.length} حدثًا؛ الجدول تحت الخريطة يسردها.`),
    s('rect', { class: 'sea', width: W, height: H }),
    s('g', { class: 'countries', 'aria-hidden': 'true' }, outlines.features.map((f) => s('path', { d: path(f) || '' }))),
    s('g', { class: 'points' }, [...places].sort((a, b) => b.events.length - a.events.length).map((p) => {
      const [x, y] = projection([p.lon, p.lat]);
      const c = s('circle', {
        class: 'point', cx: x.toFixed(1), cy: y.toFixed(1), r: r(p.events.length).toFixed(1), fill: QUAD_COLOURS[p.quad] || '#777',
        tabindex: 0, role: 'button', 'aria-pressed': 'false', 'data-place': p.key,
        'aria-label': `${p.place || 'مكان'}: ${p.events.length} حدثًا، أغلبها ${QUADS[p.quad] || ''}`,
        on: { click: () => select(p), keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(p); } } },
      });
      c.append(s('title', {}, `${p.place || ''} — ${p.events.length}`));
      return c;
    })));
  const legend = h('ul', { class: 'legend', 'aria-label': 'مفتاح الألوان' },
    Object.entries(QUADS).map(([k, v]) => h('li', {}, swatch(k), ' ', v)));
  replace(view,
    h('p', { class: 'count', role: 'status' }, total > events.length
      ? `${num(events.length)} من ${num(total)} حدثًا ذا إحداثيات`
      : `${num(events.length)} حدثًا ذا إحداثيات في ${num(places.length)} مكانًا`),
    h('figure', {}, svg, legend),
    details,
    h('details', { class: 'alt' }, h('summary', {}, 'الأماكن جدولًا'),
      table('الأماكن على الخريطة', ['المكان', 'البلد', 'الأحداث', 'الفئة الغالبة', ''], places.map((p) => [
        { node: h('bdi', {}, p.place || '—'), class: 'ar' }, p.country || '—', num(p.events.length), [swatch(p.quad), ' ', quad(p.quad)],
        h('button', { type: 'button', 'data-place': p.key, 'aria-pressed': 'false', on: { click: () => select(p) } }, 'اعرض'),
      ]))),
    rangeLinks({ from: params.from, to: params.to }));
}

/** One point per place (coordinates to 0.01°), coloured by its commonest quad class. */
function groupByPlace(events) {
  const by = new Map();
  for (const e of events) {
    if (typeof e.lat !== 'number' || typeof e.lon !== 'number') continue;
    const key = `${e.lat.toFixed(2)}_${e.lon.toFixed(2)}`.replaceAll('-', 'm').replaceAll('.', 'd');
    if (!by.has(key)) by.set(key, { key, lat: e.lat, lon: e.lon, place: e.place, country: e.country, events: [] });
    by.get(key).events.push(e);
  }
  for (const p of by.values()) {
    const n = {};
    for (const e of p.events) n[e.quad] = (n[e.quad] || 0) + 1;
    p.quad = +Object.entries(n).sort((a, b) => b[1] - a[1])[0][0];
  }
  return [...by.values()];
}
