// A stand-in for `marsad serve` while developing the pages: the built assets,
// the HTML shell for every page route, and the API answered from the JSON files
// in test/mock/ (shaped as the API's contract says). `node test/mock-server.mjs [port]`
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, '../../crates/marsad-serve/assets');
const mock = join(here, 'mock');
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8' };
const API = [
  [/^\/api\/search$/, 'search.json'], [/^\/api\/articles\/[123]$/, 'article.json'], [/^\/api\/events$/, 'events.json'],
  [/^\/api\/timeline$/, 'timeline.json'], [/^\/api\/network$/, 'network.json'], [/^\/api\/network\/edge$/, 'edge.json'],
  [/^\/api\/stories\/\d+$/, 'story.json'], [/^\/api\/outlets$/, 'outlets.json'],
];
const PAGES = /^\/(search|map|timeline|network|outlets|article\/\d+)?$/;

createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (status, type, body) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };
  try {
    for (const [re, file] of API) if (re.test(url.pathname)) return send(200, TYPES['.json'], readFileSync(join(mock, file)));
    if (url.pathname.startsWith('/api/')) return send(404, TYPES['.json'], JSON.stringify({ error: `no such endpoint: ${url.pathname}` }));
    if (PAGES.test(url.pathname)) return send(200, TYPES['.html'], readFileSync(join(assets, 'index.html')));
    if (url.pathname.startsWith('/assets/')) {
      const rel = normalize(url.pathname.slice('/assets/'.length));
      if (rel.startsWith('..')) return send(404, 'text/plain', 'no');
      return send(200, TYPES[rel.slice(rel.lastIndexOf('.'))] || 'application/octet-stream', readFileSync(join(assets, rel)));
    }
  } catch {
    /* fall through */
  }
  send(404, 'text/plain', 'not found');
}).listen(+(process.argv[2] || 8765), '127.0.0.1');
