// One Lederrum replica for the multi-process scheduler test: the real app (startApp) as
// `npm start` builds it, but on a fast clock that every replica shares: simulated time =
// CLOCK_START + (real now − t0) × CLOCK_SPEED. The clock stands a minute before CLOCK_START until
// the test, having seen every replica ready, sends the same t0 to all of them (over IPC): a slow
// start on a loaded machine then shortens nothing of the simulated window.
import { loadConfig } from '../../src/app/config.ts';
import { jsonLogger } from '../../src/app/logger.ts';
import { startApp } from '../../src/app/app.ts';
import type { Clock } from '../../src/core/index.ts';

const start = Number(process.env['CLOCK_START']);
const speed = Number(process.env['CLOCK_SPEED']);
if (!Number.isFinite(start) || !Number.isFinite(speed) || !process.send) throw new Error('CLOCK_START, CLOCK_SPEED and an IPC channel are required');
let t0: number | null = null;
process.on('message', (message: { t0?: unknown }) => {
  if (typeof message.t0 === 'number') t0 = message.t0;
});
const clock: Clock = { now: () => new Date(t0 === null ? start - 60_000 : start + (Date.now() - t0) * speed) };

const config = loadConfig(process.env);
const logger = jsonLogger(config.logLevel);
const app = await startApp({ config, logger, clock });
logger.info('replica ready', { url: app.url });
process.send({ ready: true });
const stop = async () => {
  await app.close();
  process.disconnect?.();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
