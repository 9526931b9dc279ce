// The JSON API of `marsad serve` (docs of /api/openapi.json).

/** GETs `/api/<path>` with the non-empty `params`; throws an Error with the server's message. */
export async function get(path, params = {}) {
  const q = query(params);
  const res = await fetch('/api/' + path + (q ? '?' + q : ''), { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  if (body === null) throw new Error('the server answered without JSON');
  return body;
}

/** A query string of the params that have a value. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  return q.toString();
}

/** A page path with query parameters. */
export function path(p, params = {}) {
  const q = query(params);
  return q ? p + '?' + q : p;
}

/** The current page's query parameters as an object. */
export function here() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** The date range carried between views (from/to in the address). */
export function range(params = here()) {
  const ok = (d) => (/^\d{4}-\d{2}-\d{2}$/.test(d || '') ? d : undefined);
  return { from: ok(params.from), to: ok(params.to) };
}

/** Replaces the address's query without a reload, and points the navigation's links at the same date range. */
export function setParams(params) {
  history.replaceState(null, '', path(location.pathname, params));
  carryRange(range(params));
}

/** Makes the navigation's links carry the date range. */
export function carryRange({ from, to }) {
  for (const a of document.querySelectorAll('#nav a')) {
    const u = new URL(a.getAttribute('href'), location.origin);
    for (const [k, v] of Object.entries({ from, to })) (v ? u.searchParams.set(k, v) : u.searchParams.delete(k));
    a.setAttribute('href', u.pathname + u.search);
  }
}
