// Start to ready, and RSS 10 s after ready: the compiled entry (node dist/src/main.js, as npm start
// runs it) beside the TypeScript one through tsx, on a PGlite data directory created by a first
// start, interleaved A B A B over 3 rounds, median with min–max. Run: npm run build && node tests/bench/start.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const variants = { compiled: ['dist/src/main.js'], tsx: ['--import', 'tsx', 'src/main.ts'] };
const dataDir = mkdtempSync(join(tmpdir(), 'measure-'));
function run(args) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let ready = null;
    child.stdout.on('data', (c) => {
      out += c;
      if (ready === null && out.includes('Lederrum is running')) {
        ready = performance.now() - started;
        setTimeout(() => {
          const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
          child.kill('SIGTERM');
          child.once('close', () => resolve({ ready, rss }));
        }, 10_000);
      }
    });
  });
}
await run(variants.compiled); // first start: initdb, not counted
const results = { compiled: [], tsx: [] };
for (let round = 0; round < 3; round++) for (const name of ['compiled', 'tsx']) results[name].push(await run(variants[name]));
const med = (xs) => [...xs].sort((a, b) => a - b)[1];
for (const [name, rs] of Object.entries(results)) {
  const r = rs.map((x) => x.ready),
    m = rs.map((x) => x.rss);
  console.log(
    `${name}: start to ready median ${(med(r) / 1000).toFixed(2)} s (${(Math.min(...r) / 1000).toFixed(2)}–${(Math.max(...r) / 1000).toFixed(2)}), RSS 10 s after ready median ${med(m).toFixed(0)} MiB (${Math.min(...m).toFixed(0)}–${Math.max(...m).toFixed(0)})`,
  );
}
console.log(
  `ratio compiled/tsx start: ${(med(results.compiled.map((x) => x.ready)) / med(results.tsx.map((x) => x.ready))).toFixed(2)}×, RSS ${(med(results.compiled.map((x) => x.rss)) / med(results.tsx.map((x) => x.rss))).toFixed(2)}×`,
);
