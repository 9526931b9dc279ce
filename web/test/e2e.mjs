// End-to-end check of the pages of `marsad serve` in headless Chromium, driven
// by playwright-core (no browser download: Debian's /usr/bin/chromium or
// $MARSAD_CHROMIUM). Run by crates/marsad-serve/tests/browser.rs against a real
// server; also runs against test/mock-server.mjs.
//
//   node test/e2e.mjs --base http://127.0.0.1:PORT --out DIR
//
// At 1,280 and 390 px it loads every page, searches, follows a facet, opens an
// article and switches its layers, brushes the timeline, clicks a map point and
// a network edge, opens the outlet comparison, and checks that the payloads
// planted in the corpus (<script>, <img onerror>, javascript: addresses) show as
// text and that nothing ran: window.__pwned undefined, no dialog, no page error,
// no element from the data. Prints a JSON report; exits 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const base = args.base || 'http://127.0.0.1:8765';
const out = args.out || 'shots';
mkdirSync(out, { recursive: true });
const failures = [];
const notes = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const check = (where, ok, what) => { if (!ok) fail(where, what); };

const browser = await chromium.launch({
  executablePath: process.env.MARSAD_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** The XSS payloads of the corpus: every one must be shown as text somewhere and never run. */
const PAYLOAD = '<script>window.__pwned=1</script>';

async function api(path) {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function newPage(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'ar' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.dialogs = [];
  page.errors = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push('console: ' + m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Loads a page and waits for the router to finish rendering it. */
async function load(page, path, ready) {
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForFunction((r) => document.body.dataset.ready === r, ready, { timeout: 15000 });
}

/** Nothing from the data ran or became markup; the page fits the screen. */
async function safe(page, where) {
  const r = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    scripts: document.querySelectorAll('#app script, #app img, #app iframe, #app object, #app embed').length,
    js: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    handlers: [...document.querySelectorAll('#app *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    overflow: document.documentElement.scrollWidth - innerWidth,
    csp: window.__csp,
    dir: document.documentElement.dir, lang: document.documentElement.lang,
  }));
  check(where, r.pwned === 'undefined', `window.__pwned is ${r.pwned}`);
  check(where, r.scripts === 0, `${r.scripts} script/img/frame elements in the content`);
  check(where, r.js === 0, `${r.js} javascript: links`);
  check(where, r.handlers === 0, `${r.handlers} elements with on* attributes`);
  check(where, r.overflow <= 1, `the page is ${r.overflow}px wider than the screen`);
  check(where, r.csp.length === 0, `CSP violations: ${r.csp.join('; ')}`);
  check(where, r.dir === 'rtl' && r.lang === 'ar', `dir=${r.dir} lang=${r.lang}`);
  check(where, page.dialogs.length === 0, `dialogs: ${page.dialogs.join('; ')}`);
  check(where, page.errors.length === 0, `errors: ${page.errors.join('; ')}`);
  const alerts = await page.$$eval('[role=alert]', (els) => els.map((e) => e.textContent));
  check(where, alerts.length === 0, `error shown: ${alerts.join('; ')}`);
}

/** Runs one step; an exception fails the step (with a screenshot) and the next one goes on. */
async function step(page, where, fn) {
  try {
    await fn();
  } catch (e) {
    fail(where, String(e.message || e).split('\n')[0]);
    await page.screenshot({ path: join(out, `failed-${where.replace('@', '-')}.png`), fullPage: true }).catch(() => {});
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}

async function focusable(page, where) {
  // keyboard: Tab reaches a control with a visible focus style
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const f = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return { tag: el.tagName, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 };
  });
  check(where, f.tag !== 'BODY' && f.outline, `keyboard focus: ${JSON.stringify(f)}`);
}

const t0 = Date.now();
const all = await api('/api/search?q=*&per_page=100');
const bad = all.hits.find((h) => (h.title || '').includes(PAYLOAD) || (h.outlet || '').includes('<img'));
check('corpus', !!bad, 'no article with the payload in its title or outlet');
let storyId = null;
for (const h of all.hits) {
  const a = await api(`/api/articles/${h.id}`);
  if (a.story_id !== null && a.story_id !== undefined) { storyId = a.story_id; break; }
}
notes.push(`${all.total} articles; payload article ${bad && bad.id}; story ${storyId}`);

for (const [width, height, tag] of [[1280, 900, '1280'], [390, 844, '390']]) {
  const page = await newPage(width, height);
  const W = (x) => `${x}@${tag}`;

  await step(page, W('search'), async () => {
    // search: the box, the hits, the payload as text, a facet
    await load(page, '/', 'search');
    await focusable(page, W('search-keyboard'));
    await page.fill('#q', '*');
    await Promise.all([page.waitForURL(/\/search\?/), page.click('form.search button[type=submit]')]);
    await page.waitForFunction(() => document.body.dataset.ready === 'search' && document.querySelector('.hit, .note, [role=alert]'));
    const hits = await page.$$eval('.hit h2 a', (as) => as.map((a) => a.textContent));
    check(W('search'), hits.length > 0, 'no hits for *');
    check(W('search'), hits.some((t) => t.includes(PAYLOAD)), 'the payload title is not shown as text');
    const marks = await page.$$eval('.snippet mark', (m) => m.length);
    await safe(page, W('search'));
    await shot(page, `search-${tag}`);
    await load(page, '/search?q=' + encodeURIComponent('الجامعة'), 'search');
    const marked = await page.$$eval('.snippet mark', (m) => m.map((x) => x.textContent));
    check(W('search-words'), marked.length > 0, 'no <mark> in the snippets of a word search');
    notes.push(`${tag}: ${hits.length} hits for *, ${marked.length} marks for الجامعة (${marks} for *)`);
    const facet = await page.$('.facets a');
    if (facet) {
      await Promise.all([page.waitForURL(/(outlet|from|event|country)=/), facet.click()]);
      await page.waitForFunction(() => document.body.dataset.ready === 'search');
      check(W('facet'), (await page.$$('.hit')).length > 0, 'a facet gave no hits');
      await safe(page, W('facet'));
    } else fail(W('search'), 'no facets');
  });

  await step(page, W('article'), async () => {
    // article: the payload article, its layers switched
    await load(page, `/article/${bad.id}`, 'article');
    const doc = (await api(`/api/articles/${bad.id}`)).document;
    const art = await page.evaluate((text) => {
      const chars = Array.from(text);
      const segs = [...document.querySelectorAll('#article-text [data-start]')];
      const wrong = segs.filter((el) => el.textContent !== chars.slice(+el.dataset.start, +el.dataset.end).join('')).length;
      return { text: document.getElementById('article-text').textContent === text, segs: segs.length, wrong,
        title: document.querySelector('h1').textContent, font: getComputedStyle(document.getElementById('article-text')).fontFamily };
    }, doc.text);
    check(W('article'), art.text, 'the article text differs from the document text');
    check(W('article'), art.segs > 0 && art.wrong === 0, `${art.wrong} of ${art.segs} highlighted segments hold other text`);
    check(W('article'), art.title.includes(PAYLOAD), 'the payload title is not shown as text');
    check(W('article'), /Naskh|Amiri/.test(art.font), `article font ${art.font}`);
    const sw = await page.$('button.switch[data-layer="mentions"]');
    if (sw) {
      const ent = await page.$('#article-text .ent');
      const before = ent ? await ent.evaluate((e) => getComputedStyle(e).backgroundColor) : null;
      await sw.click();
      const after = ent ? await ent.evaluate((e) => getComputedStyle(e).backgroundColor) : null;
      check(W('article-layers'), (await sw.getAttribute('aria-pressed')) === 'false', 'the entities switch did not turn off');
      check(W('article-layers'), !ent || before !== after, 'switching entities off changed nothing');
      await sw.click();
    } else fail(W('article'), 'no layer switches');
    await safe(page, W('article'));
    await shot(page, `article-${tag}`);
  });

  await step(page, W('timeline'), async () => {
    // timeline: brush the middle of the chart, then follow the range to the map
    await load(page, '/timeline', 'timeline');
    const box = await (await page.$('svg.chart .brush .overlay')).boundingBox();
    await page.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => /from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/.test(location.search));
    await page.waitForSelector('.range-events table, .range-events .note');
    const carried = await page.$eval('#nav a[data-page="map"]', (a) => a.getAttribute('href'));
    check(W('timeline'), /from=/.test(carried), `the map link does not carry the range: ${carried}`);
    await safe(page, W('timeline'));
    await shot(page, `timeline-${tag}`);
    notes.push(`${tag}: brushed ${await page.evaluate(() => location.search)}`);
  });

  await step(page, W('map'), async () => {
    // map: click the largest point (within the brushed range if it holds one)
    await page.goto(base + '/map', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.ready === 'map' && document.querySelector('svg.map, [role=alert], .note'));
    await page.waitForSelector('svg.map .point', { timeout: 15000 });
    await page.click('svg.map .point');
    await page.waitForSelector('.place-events table');
    check(W('map'), (await page.$$('.place-events tbody tr')).length > 0, 'a point listed no events');
    check(W('map'), (await page.$$('.place-events a[href^="/article/"]')).length > 0, 'a point listed no articles');
    await safe(page, W('map'));
    await shot(page, `map-${tag}`);
  });

  await step(page, W('network'), async () => {
    // network: click an edge's line
    await load(page, '/network', 'network');
    await page.waitForSelector('svg.graph .edge');
    const line = await page.$eval('svg.graph .edge .stroke', (l) => {
      const r = l.getBoundingClientRect();
      const m = l.getScreenCTM();
      const p = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      const a = p(+l.getAttribute('x1'), +l.getAttribute('y1'));
      const b = p(+l.getAttribute('x2'), +l.getAttribute('y2'));
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, w: r.width };
    });
    await page.evaluate(({ y }) => window.scrollTo(0, y - innerHeight / 2 + scrollY), line);
    const midpoint = await page.$eval('svg.graph .edge .stroke', (l) => {
      const m = l.getScreenCTM();
      const p = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      const a = p(+l.getAttribute('x1'), +l.getAttribute('y1'));
      const b = p(+l.getAttribute('x2'), +l.getAttribute('y2'));
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    });
    await page.mouse.click(midpoint.x, midpoint.y);
    await page.waitForSelector('.edge-events table, .edge-events [role=alert]');
    check(W('network'), (await page.$$('.edge-events tbody tr')).length > 0, 'an edge listed no events');
    await safe(page, W('network'));
    await shot(page, `network-${tag}`);
  });

  await step(page, W('outlets'), async () => {
    // outlets
    if (storyId !== null) {
      await load(page, `/outlets?story=${storyId}`, 'outlets');
      check(W('outlets'), (await page.$$('table.alignment tbody tr')).length > 0, 'no claims side by side');
      await safe(page, W('outlets'));
      await shot(page, `outlets-${tag}`);
    } else notes.push('no story in the corpus: the outlet comparison was not loaded');
  });

  await step(page, W('missing'), async () => {
    // an unknown page and an unknown article say so
    await load(page, '/article/99999999', 'article');
    check(W('missing'), (await page.$$('[role=alert]')).length === 1, 'a missing article shows no error');
  });
  await page.context().close();
}
await browser.close();
const report = { ok: failures.length === 0, seconds: (Date.now() - t0) / 1000, failures, notes };
console.log(JSON.stringify(report, null, 1));
process.exit(report.ok ? 0 : 1);
