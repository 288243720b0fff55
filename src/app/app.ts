// The composition root (ARCHITECTURE rule 4): opens the database, builds the core with its
// ports, mounts the adapters whose configuration is present and starts the HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLederrum, RETENTION_SCHEDULE, type Clock, type Deliverer, type Lederrum, type Logger, type Person, type Platform, type Store } from '../core/index.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../store/index.ts';
import { storesOf } from '../store/stores.ts';
import type { AdapterMetrics, PlatformAdapter, PlatformEntry } from '../../adapters/platform.ts';
import { playgroundPlatform } from '../../adapters/playground/index.ts';
import { slackPlatform } from '../../adapters/slack/index.ts';
import { teamsPlatform } from '../../adapters/teams/index.ts';
import type { Config } from './config.ts';
import { WorkQueue } from '../../adapters/work-queue.ts';
import { routeByPlatform } from './deliverers.ts';
import type { SlackMountOptions } from '../../adapters/slack/mount.ts';
import type { TeamsMountOptions } from '../../adapters/teams/mount.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { processOwner } from '../scheduler/schedules.ts';
import { ensureSystemSchedule, nextOf, schedulePlanner } from '../scheduler/planner.ts';
import { loadContent } from '../content-loader/load.ts';
import { loadInstruments } from '../content-loader/instruments.ts';
import { linkSigner } from './links.ts';
import { mountDownloads } from './downloads.ts';
import { mountPollReport } from './poll-report.ts';
import { mountGroupReport } from './group-report.ts';
import { mountMyWellbeing } from './my-wellbeing.ts';
import { mountMyDataDownloads } from './my-data-downloads.ts';
import { mountChartImages } from './chart-images.ts';
import { mountLegalPages } from './legal.ts';
import type { CoreDeps } from '../core/context.ts';
import { DEMO_MEMBERS } from './demo.ts';
import { OutboxWorker, type WorkerOptions } from '../delivery/worker.ts';
import { databaseOutbox, databaseUnitOfWork } from '../delivery/outbox.ts';
import { PLATFORM_PACING } from '../delivery/pacing.ts';
import { databaseCheck, migrationsCheck, mountHealth, outboxCheck, schedulerCheck, type ReadinessCheck } from './health.ts';
import { createMetrics, mountMetrics, type Metrics } from './metrics.ts';
import { deadline, requestGate, within } from './shutdown.ts';

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Tests pass an in-memory PGlite ({ kind: 'pglite', dataDir: null }). */
  database?: DatabaseTarget;
  /** Tests shorten Slack's waits (retry backoff, the submission budget). */
  slackTuning?: SlackMountOptions['tuning'];
  /** Tests point Teams' Bot Framework endpoints at local fakes. */
  teamsTuning?: TeamsMountOptions['tuning'];
  /** Tests drive the scheduler's tick themselves (with a manual clock) instead of node-cron. */
  manualTicks?: boolean;
  /**
   * How the outbox delivers: its worker loop (default), or inline, before recording returns
   * (the default with manualTicks, so a test sees a message once its tick or turn is done).
   */
  outbox?: 'worker' | 'inline';
  /** Tests shorten the outbox's waits (poll, lease, backoff) and its pacing. */
  outboxTuning?: Partial<Pick<WorkerOptions, 'pacing' | 'pollMs' | 'leaseMs' | 'sendTimeoutMs' | 'backoff' | 'concurrency' | 'horizonMs'>>;
}

export interface RunningApp {
  url: string;
  core: Lederrum;
  /** The mounted platforms' deliverers behind one port, as the core uses them. */
  deliverer: Deliverer;
  scheduler: Scheduler;
  /** The outbox's worker in this process (drain() delivers everything due, for tests). */
  outbox: OutboxWorker;
  database: Database;
  /** The bounded work after answering Slack and Teams requests (its depth is a gauge on /metrics). */
  work: WorkQueue;
  /** This app's Prometheus registry and series, as /metrics serves them. */
  metrics: Metrics;
  /** Resolves once the work taken on after answering a request is done. */
  settled(): Promise<void>;
  /**
   * Stops, finishing what was taken on within `graceMs` (default SHUTDOWN_GRACE_MS): no new
   * requests, those being answered are, the adapters' work after the ack runs out, the outbox
   * delivers what is due and in flight, the scheduler's tick ends; then the database closes.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/** The playground has no accounts; say so loudly whenever more than this machine may reach it. */
export function exposureWarning(config: Config): string | null {
  if (!config.playground.exposedToNetwork) return null;
  return [
    `PLAYGROUND EXPOSED TO THE NETWORK (PLAYGROUND_EXPOSE_TO_NETWORK=on, HOST=${config.host}): anyone who reaches it can act as anyone,`,
    "read their private replies and change their data. Use it only on a network you trust, never with real people's data.",
    // Other machines name this one in their Host header; only loopback names and PUBLIC_URL's host are answered.
    config.publicUrl ? `Other machines reach it at ${config.publicUrl}.` : 'Other machines are answered only once PUBLIC_URL is set to the address they use.',
  ].join(' ');
}

function warnIfReachable(config: Config, logger: Logger): void {
  const warning = exposureWarning(config);
  if (warning) logger.warn(warning, { host: config.host, publicUrl: config.publicUrl });
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(options.database ?? config.database);
  logger.info('database ready', { database: database.location });

  const stores = storesOf(database);
  const { store, schedules } = stores;
  const deliverers: Partial<Record<Platform, Deliverer>> = {};
  const http = express();
  http.disable('x-powered-by');
  const gate = requestGate(http);
  const metrics = createMetrics();
  mountMetrics(http, metrics, config.metricsToken);
  // Liveness and readiness; a check added to `readiness` shows in /readyz.
  const readiness: ReadinessCheck[] = [databaseCheck(stores.probe), migrationsCheck(stores.probe)];
  mountHealth(http, readiness);

  const owner = processOwner();
  const deliverer = routeByPlatform(deliverers);
  // The outbox's own: the same adapters, except that Slack hands a 429 back for the outbox to pace.
  const outboxDeliverers: Partial<Record<Platform, Deliverer>> = {};
  const outboxRows = stores.outbox;
  const outbox = new OutboxWorker({
    outbox: outboxRows,
    people: store,
    deliverer: routeByPlatform(outboxDeliverers),
    clock,
    logger,
    owner,
    pacing: PLATFORM_PACING,
    defaultLanguage: config.defaultLanguage,
    outcome: (outcome) => metrics.delivered(outcome),
    ...options.outboxTuning,
  });
  metrics.trackOutboxLag(() => outbox.oldestPendingAgeMs());
  metrics.trackSchedulerLag(() => schedules.oldestDueAgeMs(clock.now()));
  const outboxMode = options.outbox ?? (options.manualTicks ? 'inline' : 'worker');
  const deps: CoreDeps = {
    store,
    clock,
    planner: schedulePlanner(schedules, clock),
    content: loadContent(),
    instruments: loadInstruments(),
    admins: config.admins,
    sign: linkSigner(config.linkSecret),
    deliverer,
    outbox: databaseOutbox(outboxRows, outbox, clock, outboxMode),
    unitOfWork: databaseUnitOfWork(stores.transact, outbox, clock, outboxMode),
    logger,
    defaultLanguage: config.defaultLanguage,
    defaultTimeZone: config.defaultTimeZone,
    retention: config.retention,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  };
  const core = createLederrum(deps);
  mountDownloads(http, deps);
  mountPollReport(http, deps);
  mountGroupReport(http, deps);
  // Before the data downloads: their /me/<grant>/<file> would match /me/wellbeing/<grant> too.
  mountMyWellbeing(http, deps);
  mountMyDataDownloads(http, deps);
  mountChartImages(http, deps);
  // The privacy and terms pages an app listing points at (the Teams manifest: PUBLIC_URL/privacy, /terms).
  mountLegalPages(http, { defaultLanguage: config.defaultLanguage, facts: { retentionDays: config.retention.days, uninstallGraceDays: config.retention.uninstallGraceDays } });

  // The configured platforms, each with its own configuration and ports: a new platform is one
  // entry here. The playground comes last: its /api router answers every /api path it does not know.
  const { slackTuning, teamsTuning } = options;
  const platforms: PlatformEntry[] = [];
  if (config.slack)
    platforms.push(slackPlatform({ config: config.slack, installations: stores.slackInstallations, deliveries: stores.inboundDeliveries, ...(slackTuning ? { tuning: slackTuning } : {}) }));
  if (config.teams)
    platforms.push(
      teamsPlatform({
        config: config.teams,
        conversations: stores.teamsConversations,
        deliveries: stores.inboundDeliveries,
        sharedWith: teamsChats(store),
        ...(teamsTuning ? { tuning: teamsTuning } : {}),
      }),
    );
  if (config.playground.enabled)
    platforms.push(playgroundPlatform({ workspace: stores.playgroundWorkspace, roles: store, demoMembers: config.playground.demoMembers ? DEMO_MEMBERS : [], publicUrl: config.publicUrl }));
  if (config.playground.enabled) warnIfReachable(config, logger);
  // What the adapters report goes to /metrics, and at LOG_LEVEL=debug also to the log, one line per request.
  const adapterMetrics: AdapterMetrics = {
    observe(platform, kind, seconds) {
      metrics.observe(platform, kind, seconds);
      logger.debug('request answered', { adapter: platform, kind, ms: Math.round(seconds * 1000) });
    },
    trackQueue: (name, depth) => metrics.trackQueue(name, depth),
  };
  const work = new WorkQueue(config.work);
  metrics.trackQueue('work', () => work.depth);
  const adapters: PlatformAdapter[] = [];
  for (const platform of platforms) adapters.push(await platform.mount({ http, core, clock, logger, defaultLanguage: config.defaultLanguage, metrics: adapterMetrics, work }));
  for (const adapter of adapters) {
    deliverers[adapter.platform] = adapter.deliverer;
    outboxDeliverers[adapter.platform] = adapter.outboxDeliverer ?? adapter.deliverer;
  }

  const scheduler = new Scheduler({
    schedules,
    run: (job) => core.runJob(job),
    nextOf,
    clock,
    logger,
    owner,
    graceMs: config.scheduler.graceMinutes * 60_000,
  });

  const ticking = config.scheduler.enabled && !options.manualTicks;
  readiness.push(schedulerCheck(scheduler, { enabled: ticking, tickSeconds: config.scheduler.tickSeconds, now: () => clock.now() }));

  // Planned even where SCHEDULER=off: the replicas that run one pick it up from the database.
  await ensureSystemSchedule(schedules, clock, { ...RETENTION_SCHEDULE, timeZone: config.defaultTimeZone });

  const server: Server = createServer(http);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}/`;
  // Without PUBLIC_URL, links point where the playground is served.
  if (!deps.publicUrl && config.playground.enabled) deps.publicUrl = url;
  const delivering = config.outboxWorker && outboxMode === 'worker';
  readiness.push(outboxCheck(outbox, { running: delivering }));
  if (delivering) {
    outbox.start();
    logger.info('outbox worker running', {});
  }
  if (ticking) {
    scheduler.start(`*/${config.scheduler.tickSeconds} * * * * *`);
    logger.info('scheduler running', { tickSeconds: config.scheduler.tickSeconds, graceMinutes: config.scheduler.graceMinutes });
  }
  for (const adapter of adapters) await adapter.start(url);

  return {
    url,
    core,
    deliverer: deps.deliverer,
    scheduler,
    outbox,
    database,
    work,
    metrics,
    settled: async () => {
      await Promise.all(adapters.map((adapter) => adapter.settled()));
    },
    async close(closing = {}) {
      const left = deadline(closing.graceMs ?? config.shutdownGraceMs);
      // No new connections, no new requests on kept-alive ones; Socket Mode disconnects.
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      gate.close();
      server.closeIdleConnections();
      for (const adapter of adapters) await adapter.stop();
      // The tick under way ends (it records its messages) while requests being answered are.
      const [answered] = await Promise.all([gate.idle(left()), scheduler.stop()]);
      if (!answered) logger.warn('requests still being answered at shutdown, cut off', { graceMs: closing.graceMs ?? config.shutdownGraceMs });
      server.closeAllConnections();
      await serverClosed;
      // Work taken on after the ack finishes, then the outbox sends what it recorded, before the database goes.
      for (const adapter of adapters) await within(left(), adapter.drain(left()), undefined);
      if (!(await outbox.finish(left()))) logger.warn('outbox messages still in flight at shutdown, left to another replica or the next start', {});
      await database.close();
    },
  };
}

/** A member's personal Teams chat can be opened from the conversations of their groups. */
function teamsChats(store: Pick<Store, 'groupsOf'>) {
  return async (person: Person) => (await store.groupsOf(person.id)).filter((g) => g.platform === 'teams').map((g) => g.conversationId);
}
