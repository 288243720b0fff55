// One Lederrum replica for the multi-process tests: the real app (startApp) as `npm start`
// builds it. With CLOCK_START and CLOCK_SPEED it runs on a fast clock that every replica shares:
// simulated time = CLOCK_START + (real now − t0) × CLOCK_SPEED. The clock stands a minute before
// CLOCK_START until the test, having seen every replica ready, sends the same t0 to all of them
// (over IPC): a slow start on a loaded machine then shortens nothing of the simulated window.
// Without them it runs on real time (the outbox tests, whose leases and pacing are wall time).
// OUTBOX_TUNING (JSON) shortens the outbox's waits as AppOptions.outboxTuning does in-process.
// REPLICA_HOLD=on: the code is loaded, but the app starts only when the test says go (over IPC),
// so a test that kills and restarts many times keeps one loaded and waiting: a restart then
// costs the app's start, not seconds of loading modules on a busy machine.
import { loadConfig } from '../../src/app/config.ts';
import { jsonLogger } from '../../src/app/logger.ts';
import { startApp, type AppOptions } from '../../src/app/app.ts';
import type { Clock } from '../../src/core/index.ts';

if (!process.send) throw new Error('a replica needs an IPC channel to its test');
const send = process.send.bind(process);
const clock = sharedClock();
const outboxTuning = process.env['OUTBOX_TUNING'] ? (JSON.parse(process.env['OUTBOX_TUNING']) as AppOptions['outboxTuning']) : undefined;

if (process.env['REPLICA_HOLD'] === 'on') {
  const go = new Promise<void>((resolve) => process.on('message', (message: { go?: unknown }) => message.go === true && resolve()));
  send({ loaded: true });
  await go;
}
const config = loadConfig(process.env);
const logger = jsonLogger(config.logLevel);
const app = await startApp({ config, logger, ...(clock ? { clock } : {}), ...(outboxTuning ? { outboxTuning } : {}) });
logger.info('replica ready', { url: app.url });
send({ ready: true, url: app.url });
const stop = async () => {
  await app.close();
  process.disconnect?.();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

function sharedClock(): Clock | null {
  if (process.env['CLOCK_START'] === undefined && process.env['CLOCK_SPEED'] === undefined) return null;
  const start = Number(process.env['CLOCK_START']);
  const speed = Number(process.env['CLOCK_SPEED']);
  if (!Number.isFinite(start) || !Number.isFinite(speed)) throw new Error('CLOCK_START and CLOCK_SPEED must both be numbers');
  let t0: number | null = null;
  process.on('message', (message: { t0?: unknown }) => {
    if (typeof message.t0 === 'number') t0 = message.t0;
  });
  return { now: () => new Date(t0 === null ? start - 60_000 : start + (Date.now() - t0) * speed) };
}
