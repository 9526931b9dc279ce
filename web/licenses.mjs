// Writes THIRD_PARTY_LICENSES.txt: every npm package whose code is in the bundle
// (read from esbuild's metafile) or whose data is shipped (world-atlas), with its
// version, licence and licence text, and Natural Earth's public-domain notice.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const meta = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const names = new Set(['world-atlas']);
for (const input of Object.keys(meta.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) names.add(m[1]);
}
const parts = [
  'Third-party software and data in the pages of `marsad serve`',
  '',
  'The script app.js bundles the npm packages below; countries-50m.json is the',
  'world-atlas package\'s file of Natural Earth country outlines.',
  '',
  'Natural Earth (https://www.naturalearthdata.com/): "All versions of Natural',
  'Earth raster + vector map data found on this website are in the public domain.',
  'You may use the maps in any manner, including modifying the content and design,',
  'electronic dissemination, and offset printing." Made with Natural Earth.',
  'Free vector and raster map data @ naturalearthdata.com.',
  '',
];
for (const name of [...names].sort()) {
  const dir = join('node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  if (!file) throw new Error(`${name}: no licence file`);
  parts.push('='.repeat(78), `${name} ${pkg.version} — ${pkg.license}`, pkg.homepage || '', '');
  parts.push(readFileSync(join(dir, file), 'utf8').trim(), '');
}
process.stdout.write(parts.join('\n') + '\n');
