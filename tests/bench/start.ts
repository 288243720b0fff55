// Start to ready and idle RSS, BENCH_IDLE_SECONDS (30; 3 with BENCH_QUICK) after ready: the compiled
// app with Slack configured (single workspace, against the fake Slack) on PGlite's first start
// (an empty DATA_DIR), PGlite's second start and PostgreSQL, next to a bare Bolt app with the same
// Slack settings; and PGlite's own floor (support/pglite-floor.mjs: PGlite alone with the app's
// settings and WebAssembly flags). In each round the servers start one after another and idle
// side by side, so the idle wait is paid once per round; the order is the same in every round.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { BASELINE_ONLY } from '../../src/app/wasm-tiering.ts';
import { PGLITE_SETTINGS } from '../../src/store/pglite.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { startFakeSlack } from '../support/fake-slack/index.ts';
import { APP, startServer, type Server } from './support/launch.ts';
import { rssMiB } from './support/proc.ts';
import { QUICK, ROUNDS, row, type Row } from './support/stats.ts';

const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? (QUICK ? 3 : 30));
const SECRET = 'bench-signing-secret-0123456789';

type Variant = 'first' | 'bolt' | 'second' | 'postgresql' | 'floor';
const VARIANTS: readonly Variant[] = ['first', 'bolt', 'second', 'postgresql', 'floor'];

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

export async function startBench(): Promise<Row[]> {
  const fake = await startFakeSlack({ teamId: 'T0001' });
  const slack = { SLACK_BOT_TOKEN: fake.team().botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'info' };
  const url = await createScratchDatabase();
  const secondDir = temp('bench-second-');
  const floorDir = temp('bench-floor-');
  const dirs: string[] = [secondDir, floorDir];
  const floorEnv = { PGLITE_SETTINGS: JSON.stringify(PGLITE_SETTINGS) };
  const start: Record<Variant, () => Promise<Server>> = {
    first: () => {
      const dir = temp('bench-first-');
      dirs.push(dir);
      return startServer(APP, { ...slack, DATA_DIR: dir });
    },
    bolt: () => startServer(['tests/bench/support/bare-bolt.mjs'], slack, /bare bolt ready/),
    second: () => startServer(APP, { ...slack, DATA_DIR: secondDir }),
    postgresql: () => startServer(APP, { ...slack, DATABASE_URL: url }),
    // The app keeps WebAssembly on the baseline compiler (src/app/wasm-tiering.ts): so does its floor.
    floor: () => startServer([...BASELINE_ONLY, 'tests/bench/support/pglite-floor.mjs'], { ...floorEnv, DATA_DIR: floorDir }, /pglite floor ready/),
  };
  const ready = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  const rss = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  try {
    // The data directories a second start and the floor open: made by a first start, not counted.
    for (const [args, env, line] of [
      [APP, { ...slack, DATA_DIR: secondDir }, undefined],
      [['tests/bench/support/pglite-floor.mjs'], { ...floorEnv, DATA_DIR: floorDir }, /pglite floor ready/],
      // The PostgreSQL database migrated, so every counted start there is a second one too.
      [APP, { ...slack, DATABASE_URL: url }, undefined],
    ] as const) {
      const server = await startServer([...args], { ...env }, line);
      await server.stop();
    }
    for (let round = 0; round < ROUNDS; round++) {
      const servers: Array<[Variant, Server]> = [];
      const measured: Array<Promise<void>> = [];
      try {
        for (const variant of VARIANTS) {
          const server = await start[variant]();
          servers.push([variant, server]);
          ready[variant].push(server.readyMs);
          measured.push(
            sleep(Math.max(0, server.readyAt + IDLE_SECONDS * 1000 - performance.now())).then(() => {
              rss[variant].push(rssMiB(server.pid));
            }),
          );
        }
        await Promise.all(measured);
      } finally {
        for (const [, server] of servers) await server.stop();
      }
    }
  } finally {
    await fake.close();
    await dropScratchDatabase(url);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const s = (ms: number[]) => ms.map((m) => m / 1000);
  const idle = `idle RSS ${IDLE_SECONDS} s after ready`;
  return [
    row('start to ready, PGlite first start (empty DATA_DIR) vs bare Bolt', s(ready.first), s(ready.bolt), 's'),
    row('start to ready, PGlite second start vs bare Bolt', s(ready.second), s(ready.bolt), 's'),
    row('start to ready, PostgreSQL vs bare Bolt', s(ready.postgresql), s(ready.bolt), 's'),
    row(`${idle}, PGlite first start vs bare Bolt`, rss.first, rss.bolt, 'MiB'),
    row(`${idle}, PGlite second start vs bare Bolt`, rss.second, rss.bolt, 'MiB'),
    row(`${idle}, PostgreSQL vs bare Bolt`, rss.postgresql, rss.bolt, 'MiB'),
    row(`${idle}, PGlite second start vs PGlite's own floor (PGlite alone, same settings)`, rss.second, rss.floor, 'MiB'),
    row(`${idle}, PGlite first start vs PGlite's own floor`, rss.first, rss.floor, 'MiB'),
  ];
}
