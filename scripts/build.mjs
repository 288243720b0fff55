// Compiles Lederrum's TypeScript (src/, adapters/) to JavaScript in dist/ once, so `npm start` runs
// plain node with no compiler in the serving process. Runs after `npm install` and before
// `npm start`; it compiles only when a source file (or the TypeScript configuration) is newer
// than the last build, so a start with nothing changed costs a directory walk.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.built');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return path.endsWith('.ts') || path.endsWith('.json') ? info.mtimeMs : 0;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

const sources = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => join(root, p));
const changed = Math.max(...sources.map(newest));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= changed && !process.argv.includes('--force')) process.exit(0);

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error(`Lederrum is not built yet and TypeScript is not installed. Run npm install (with its dev dependencies) in ${root}, then start again.`);
  process.exit(1);
}
const started = Date.now();
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('Lederrum could not be built: the TypeScript errors above say where.');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.error(`built ${relative(process.cwd(), join(root, 'dist')) || 'dist'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
