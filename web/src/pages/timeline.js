// The timeline (/timeline): events per day by type or quad class as stacked
// bars; brushing a range (d3-brush) sets from/to in the address and in the links
// to the other views, and lists the range's events.
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { h, message, num, replace, s, table } from '../dom.js';
import { get, here, range, setParams } from '../api.js';
import { QUAD_COLOURS, eventType, quad } from '../labels.js';
import { eventsTable, filterForm, rangeLinks } from './common.js';

const M = { top: 12, right: 16, bottom: 28, left: 40 };
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#ad494a', '#637939', '#ce6dbd', '#6b6ecf', '#e7969c'];
const DAY = 86400000;

const iso = (t) => new Date(t).toISOString().slice(0, 10);
const day = (d) => Date.parse(d + 'T00:00:00Z');

export async function timelinePage(app) {
  document.title = 'مرصد — الخط الزمني';
  const params = here();
  const by = params.by === 'quad' ? 'quad' : 'type';
  const chart = h('div', { class: 'timeline' });
  const chosen = h('section', { class: 'range-events', 'aria-live': 'polite' });
  const form = filterForm([
    ['by', 'حسب', 'select', [['type', 'نوع الحدث'], ['quad', 'الفئة']]],
    ['from', 'من', 'date'], ['to', 'إلى', 'date'], ['country', 'البلد (ISO)', 'text'],
  ], { ...params, by }, (values) => {
    setParams(values);
    timelinePage(app);
  }, 'الفترة والتقسيم');
  replace(app, h('h1', {}, 'الأحداث يومًا بيوم'),
    h('p', { class: 'note' }, 'اسحب فوق الرسم لاختيار فترة: تنتقل الفترة إلى الخريطة والشبكة والبحث.'),
    form, chart, chosen);
  let data;
  try {
    // the whole span, so that the brush can widen the range as well as narrow it
    data = await get('timeline', { by, country: params.country, type: params.type });
  } catch (e) {
    replace(chart, message('تعذّر تحميل الخط الزمني: ' + e.message, true));
    return;
  }
  const days = data.days || [];
  // drawn at the width it is shown, so that its text stays readable on a phone
  const W = Math.round(Math.min(960, Math.max(340, chart.clientWidth || 960)));
  const H = W < 600 ? 240 : 320;
  if (!days.length) {
    replace(chart, message('لا أحداث مؤرخة.'));
    return;
  }
  const series = data.series || [];
  const colour = (name, i) => (by === 'quad' ? QUAD_COLOURS[name] : PALETTE[i % PALETTE.length]) || '#777';
  const label = (name) => (by === 'quad' ? quad(name) : eventType(name));
  const t0 = day(days[0].date);
  const t1 = day(days[days.length - 1].date) + DAY;
  const x = scaleUtc().domain([t0, t1]).range([M.left, W - M.right]);
  const totals = days.map((d) => series.reduce((a, n) => a + (d.counts[n] || 0), 0));
  const y = scaleLinear().domain([0, Math.max(1, ...totals)]).nice().range([H - M.bottom, M.top]);
  const bw = Math.max(1, x(t0 + DAY) - x(t0) - 1);
  const bars = [];
  days.forEach((d) => {
    let acc = 0;
    series.forEach((n, i) => {
      const c = d.counts[n] || 0;
      if (!c) return;
      const r = s('rect', { x: x(day(d.date)).toFixed(1), y: y(acc + c).toFixed(1), width: bw.toFixed(1),
        height: Math.max(0.5, y(acc) - y(acc + c)).toFixed(1), fill: colour(n, i) });
      r.append(s('title', {}, `${d.date} — ${label(n)}: ${c}`));
      bars.push(r);
      acc += c;
    });
  });
  const xTicks = x.ticks(Math.min(8, days.length));
  const fmt = x.tickFormat(Math.min(8, days.length));
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' },
    s('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }),
    xTicks.map((t) => s('text', { x: x(t), y: H - 8, 'text-anchor': 'middle' }, fmt(t))),
    y.ticks(4).map((t) => [s('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y(t), y2: y(t) }),
      s('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(t))]));
  const brushG = s('g', { class: 'brush' });
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'group', 'aria-labelledby': 'tl-title tl-desc', dir: 'ltr' },
    s('title', { id: 'tl-title' }, 'الأحداث يومًا بيوم'),
    s('desc', { id: 'tl-desc' }, `${days.length} يومًا من ${days[0].date} إلى ${days[days.length - 1].date}، ${num(totals.reduce((a, b) => a + b, 0))} حدثًا؛ الجدول تحت الرسم يسرد الأعداد.`),
    axis, s('g', { class: 'bars' }, bars), brushG);
  const legend = h('ul', { class: 'legend' }, series.map((n, i) => {
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.background = colour(n, i);
    return h('li', {}, sw, ' ', label(n));
  }));
  replace(chart, h('figure', {}, svg, legend),
    h('details', { class: 'alt' }, h('summary', {}, 'الأعداد جدولًا'),
      table('الأحداث في كل يوم', ['اليوم', ...series.map(label), 'المجموع'],
        days.map((d, i) => [h('bdi', { dir: 'ltr' }, d.date), ...series.map((n) => num(d.counts[n] || 0)), num(totals[i])]))));

  const show = async (from, to) => {
    replace(chosen, h('h2', {}, 'الفترة ', h('bdi', { dir: 'ltr' }, from), ' — ', h('bdi', { dir: 'ltr' }, to)), rangeLinks({ from, to }), message('جارٍ تحميل الأحداث…'));
    try {
      const ev = await get('events', { from, to, country: params.country, per_page: 50 });
      chosen.lastChild.replaceWith(ev.events.length
        ? eventsTable(ev.events, ev.total > ev.events.length ? `أول ${ev.events.length} من ${num(ev.total)} حدثًا` : `${num(ev.total)} حدثًا`)
        : message('لا أحداث في هذه الفترة.'));
    } catch (e) {
      chosen.lastChild.replaceWith(message('تعذّر تحميل الأحداث: ' + e.message, true));
    }
  };
  const brush = brushX().extent([[M.left, M.top], [W - M.right, H - M.bottom]]).on('end', (ev) => {
    if (!ev.sourceEvent) return; // moved by the page itself
    const cur = here();
    if (!ev.selection) {
      delete cur.from;
      delete cur.to;
      setParams(cur);
      replace(chosen);
      for (const el of form.querySelectorAll('input[type=date]')) el.value = '';
      return;
    }
    const [a, b] = ev.selection.map((px) => x.invert(px).getTime());
    const from = iso(Math.floor(a / DAY) * DAY);
    const to = iso(Math.max(Math.floor(a / DAY), Math.ceil(b / DAY) - 1) * DAY);
    setParams({ ...cur, from, to });
    form.elements.from.value = from;
    form.elements.to.value = to;
    show(from, to);
  });
  const sel = select(brushG).call(brush);
  const { from, to } = range(params);
  if (from || to) {
    const a = from ? day(from) : t0;
    const b = to ? day(to) + DAY : t1;
    sel.call(brush.move, [Math.max(M.left, x(a)), Math.min(W - M.right, x(b))]);
    show(from || iso(t0), to || iso(t1 - DAY));
  }
}
