// The actor network (/network): actors as nodes, signed weighted edges between
// them laid out by d3-force; an edge's colour is its sign (cooperation green,
// conflict red), its width its weight; a click on an edge lists its events with
// their sentences.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { h, message, num, replace, s, table } from '../dom.js';
import { get, here, range, setParams } from '../api.js';
import { eventsTable, filterForm, rangeLinks } from './common.js';

const POSITIVE = '#2e7d32';
const NEGATIVE = '#c62828';
const NEUTRAL = '#90a4ae';

export async function networkPage(app) {
  document.title = 'مرصد — شبكة الفاعلين';
  const params = here();
  const view = h('div', { class: 'network' });
  const form = filterForm([
    ['from', 'من', 'date'], ['to', 'إلى', 'date'],
    ['limit', 'عدد الفاعلين', 'select', [['', '60'], ['20', '20'], ['100', '100'], ['200', '200']]],
  ], params, (values) => {
    setParams(values);
    draw(view, values);
  });
  replace(app, h('h1', {}, 'شبكة الفاعلين'), form, view);
  await draw(view, params);
}

/** A node's label: long names are cut (the full name is its tooltip and in the table). */
const short = (name) => (Array.from(String(name)).length > 24 ? Array.from(String(name)).slice(0, 23).join('') + '…' : String(name));

const colour = (w) => (w > 0 ? POSITIVE : w < 0 ? NEGATIVE : NEUTRAL);

async function draw(view, params) {
  replace(view, message('جارٍ تحميل الشبكة…'));
  const { from, to } = range(params);
  let data;
  try {
    data = await get('network', { from, to, limit: params.limit });
  } catch (e) {
    replace(view, message('تعذّر تحميل الشبكة: ' + e.message, true));
    return;
  }
  const W = Math.round(Math.min(960, Math.max(340, view.clientWidth || 960)));
  const H = W < 600 ? Math.round(W * 1.3) : 640;
  const nodes = (data.nodes || []).map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = (data.edges || []).filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => ({ ...e, a: e.source, b: e.target }));
  if (!nodes.length) {
    replace(view, message('لا فاعلين في هذه الفترة.'), rangeLinks({ from, to }));
    return;
  }
  // a fixed number of steps, laid out before drawing: the same data gives the same picture
  forceSimulation(nodes)
    .force('link', forceLink(edges).id((d) => d.id).distance(Math.max(70, W / 6)))
    .force('charge', forceManyBody().strength(-Math.max(200, W / 2)))
    .force('center', forceCenter(W / 2, H / 2))
    .force('x', forceX(W / 2).strength(0.05))
    .force('y', forceY(H / 2).strength(0.07))
    .force('collide', forceCollide(28))
    .stop()
    .tick(300);
  // the layout stretched (keeping its proportions) to fill the frame, names inside it
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((W - 160) / Math.max(1, x1 - x0), (H - 80) / Math.max(1, y1 - y0), 3);
  for (const n of nodes) {
    n.x = W / 2 + (n.x - (x0 + x1) / 2) * k;
    n.y = H / 2 + (n.y - (y0 + y1) / 2) * k;
  }
  const maxW = Math.max(1, ...edges.map((e) => Math.abs(e.weight)));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const name = (id) => (byId.get(id) || {}).name || String(id);
  const details = h('section', { class: 'edge-events', 'aria-live': 'polite' }, message('اختر صلة بين فاعلين لعرض أحداثها.'));
  const open = async (e) => {
    for (const el of view.querySelectorAll('[aria-pressed="true"]')) el.setAttribute('aria-pressed', 'false');
    for (const el of view.querySelectorAll(`[data-edge="${e.index}"]`)) el.setAttribute('aria-pressed', 'true');
    replace(details, h('h2', {}, h('bdi', {}, name(e.a)), ' ↔ ', h('bdi', {}, name(e.b))), message('جارٍ تحميل الأحداث…'));
    try {
      const res = await get('network/edge', { a: e.a, b: e.b, from, to });
      details.lastChild.replaceWith(res.events.length ? eventsTable(res.events, `${num(res.events.length)} حدثًا`) : message('لا أحداث.'));
    } catch (err) {
      details.lastChild.replaceWith(message('تعذّر تحميل الأحداث: ' + err.message, true));
    }
  };
  const describe = (e) => `${name(e.a)} و${name(e.b)}: ${e.events} حدثًا، الوزن ${num(e.weight, 1)} (تعاون ${e.cooperation}، نزاع ${e.conflict})`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'group', 'aria-labelledby': 'net-title net-desc' },
    s('title', { id: 'net-title' }, 'شبكة الفاعلين'),
    s('desc', { id: 'net-desc' }, `${nodes.length} فاعلًا و${edges.length} صلة؛ الجدول تحت الرسم يسرد الصلات.`),
    s('g', { class: 'edges' }, edges.map((e, i) => {
      e.index = i;
      const line = (cls, width, stroke) => s('line', { class: cls, x1: e.source.x, y1: e.source.y, x2: e.target.x, y2: e.target.y, 'stroke-width': width, stroke });
      const g = s('g', {
        class: 'edge', tabindex: 0, role: 'button', 'aria-pressed': 'false', 'data-edge': i, 'aria-label': describe(e),
        on: { click: () => open(e), keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(e); } } },
      }, line('hit', 14, 'transparent'), line('stroke', (1 + (6 * Math.abs(e.weight)) / maxW).toFixed(1), colour(e.weight)));
      g.append(s('title', {}, describe(e)));
      return g;
    })),
    s('g', { class: 'nodes', 'aria-hidden': 'true' }, nodes.map((n) => s('g', { transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})` },
      s('circle', { r: (4 + 10 * Math.sqrt(n.events / maxN)).toFixed(1) }),
      s('text', { y: -12, 'text-anchor': 'middle' }, short(n.name)), s('title', {}, n.name)))));
  replace(view,
    h('figure', {}, svg, h('ul', { class: 'legend' },
      h('li', {}, h('span', { class: 'swatch pos', 'aria-hidden': 'true' }), ' تعاون (وزن موجب)'),
      h('li', {}, h('span', { class: 'swatch neg', 'aria-hidden': 'true' }), ' نزاع (وزن سالب)'),
      h('li', {}, 'عرض الخط: مجموع قيم غولدشتاين'))),
    details,
    h('details', { class: 'alt' }, h('summary', {}, 'الصلات جدولًا'),
      table('الصلات بين الفاعلين', ['الفاعل', 'الفاعل', 'الأحداث', 'الوزن', 'تعاون', 'نزاع', ''],
        [...edges].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight)).map((e) => [
          { node: h('bdi', {}, name(e.a)), class: 'ar' }, { node: h('bdi', {}, name(e.b)), class: 'ar' },
          num(e.events), num(e.weight, 1), num(e.cooperation), num(e.conflict),
          h('button', { type: 'button', 'data-edge': e.index, 'aria-pressed': 'false', on: { click: () => open(e) } }, 'الأحداث'),
        ]))),
    rangeLinks({ from, to }));
}
