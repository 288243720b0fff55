// One Lederrum replica for the multi-process scheduler test: the real app (startApp) as
// `npm start` builds it, but on a fast clock that every replica shares: simulated time =
// CLOCK_START + (real now − CLOCK_T0) × CLOCK_SPEED.
import { loadConfig } from '../../src/app/config.ts';
import { jsonLogger } from '../../src/app/logger.ts';
import { startApp } from '../../src/app/app.ts';
import type { Clock } from '../../src/core/index.ts';

const start = Number(process.env['CLOCK_START']);
const t0 = Number(process.env['CLOCK_T0']);
const speed = Number(process.env['CLOCK_SPEED']);
if (!Number.isFinite(start) || !Number.isFinite(t0) || !Number.isFinite(speed)) throw new Error('CLOCK_START, CLOCK_T0 and CLOCK_SPEED are required');
const clock: Clock = { now: () => new Date(start + (Date.now() - t0) * speed) };

const config = loadConfig(process.env);
const logger = jsonLogger(config.logLevel);
const app = await startApp({ config, logger, clock });
logger.info('replica ready', { url: app.url });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
