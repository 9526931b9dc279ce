// Building the page: every value from the API becomes a text node (or a
// property such as title), never markup; the one exception, the server's
// snippet_html, goes through `markedSnippet`, which keeps only <mark>.

const SVG = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children: strings and numbers as text, nodes as they are, arrays flattened. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element: h('a', {href: '/map', class: 'x'}, 'text', child). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Only the page's own paths and web addresses become links; anything else
 * (javascript:, data:, vbscript:) becomes a harmless fragment. */
export function safeHref(v) {
  const str = String(v);
  if (str.startsWith('/') && !str.startsWith('//')) return str;
  if (str.startsWith('#') || str.startsWith('?')) return str;
  try {
    const u = new URL(str);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    /* not an address */
  }
  return '#';
}

/** A link to an article's original address when it is a web address, else the address as text. */
export function externalLink(url) {
  if (!url) return null;
  const href = safeHref(url);
  const b = h('bdi', { dir: 'ltr' }, url);
  return href === '#' ? h('span', { class: 'url' }, b) : h('a', { href, rel: 'noopener noreferrer', class: 'url' }, b);
}

/** The server's snippet: its only markup is <mark>; everything else is escaped
 * text. Parsed inertly and rebuilt from text nodes, so no other element survives. */
export function markedSnippet(html) {
  const doc = new DOMParser().parseFromString('<body>' + String(html) + '</body>', 'text/html');
  const out = h('span', { class: 'snippet', dir: 'auto' });
  const walk = (node, into) => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) into.append(document.createTextNode(c.data));
      else if (c.nodeType === Node.ELEMENT_NODE) {
        if (c.localName === 'mark') walk(c, into.appendChild(document.createElement('mark')));
        else into.append(document.createTextNode(c.textContent));
      }
    }
  };
  walk(doc.body, out);
  return out;
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A table: head labels and rows of cells (a cell: text, node, or {node|text, class}). */
export function table(caption, head, rows, cls) {
  return h('div', { class: 'scroll' },
    h('table', { class: cls },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) =>
        c && typeof c === 'object' && !(c instanceof Node) && !Array.isArray(c)
          ? h('td', { class: c.class }, c.node ?? c.text)
          : h('td', {}, c)))))));
}

/** A message where the page's content goes: an error (role=alert) or a note. */
export function message(text, error) {
  return h('p', { class: error ? 'error' : 'note', role: error ? 'alert' : 'status' }, text);
}

/** Formats a number the Arabic way (Arabic-Indic digits are not used: analysts copy figures). */
export function num(x, digits = 0) {
  if (x === null || x === undefined || Number.isNaN(+x)) return '—';
  return (+x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
