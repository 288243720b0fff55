// Starts the whole of Lederrum in-process, as `npm start` does, on a free loopback port with
// an in-memory PGlite database.
import { loadConfig } from '../../src/app/config.ts';
import { startApp, type AppOptions, type RunningApp } from '../../src/app/app.ts';
import type { Clock } from '../../src/core/index.ts';
import type { DatabaseTarget } from '../../src/store/index.ts';
import { MemoryLogger } from './fakes.ts';
import { inMemory } from './memory-database.ts';

export async function startTestApp(
  options: { clock?: Clock; env?: Record<string, string>; database?: DatabaseTarget; slackTuning?: AppOptions['slackTuning']; teamsTuning?: AppOptions['teamsTuning']; manualTicks?: boolean } = {},
): Promise<RunningApp & { logger: MemoryLogger }> {
  const logger = new MemoryLogger();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...options.env });
  const app = await startApp({
    config,
    logger,
    database: options.database ?? inMemory(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.slackTuning ? { slackTuning: options.slackTuning } : {}),
    ...(options.teamsTuning ? { teamsTuning: options.teamsTuning } : {}),
    // Tests tick the scheduler themselves, against their own clock.
    manualTicks: options.manualTicks ?? true,
  });
  return Object.assign(app, { logger });
}
