// The Slack adapter's entry: picks how Slack reaches Lederrum and verifies it (ARCHITECTURE
// rule 2, "verify"). Over HTTP, Bolt's ExpressReceiver checks every request's v0 signature and
// refuses a timestamp older than five minutes before anything runs; in Socket Mode the
// app-level token opens the connection; with OAuth, installs go through /slack/install.
import { App, ExpressReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Express } from 'express';
import type { Clock, Deliverer, Language, Lederrum, Logger } from '../../src/core/index.ts';
import type { SlackConfig } from './config.ts';
import type { InboundDeliveries } from '../inbound-deliveries.ts';
import type { SlackInstallations } from './installation-store.ts';
import { SlackDirectory } from './directory.ts';
import { installationStore } from './installations.ts';
import { slackLifecycle } from './lifecycle.ts';
import { registerListeners } from './listeners.ts';
import { slackLogger } from './log.ts';
import { ChannelPacer, slackDeliverer } from './send.ts';
import type { AdapterMetrics, PlatformAdapter } from '../platform.ts';
import type { WorkQueue } from '../work-queue.ts';
import { timeRequests } from '../request-timing.ts';
import { requestKind } from './parse.ts';
import { DEFAULT_RETRY, installedWorkspaces, singleWorkspace, type ClientOptions } from './workspaces.ts';

/** The bot scopes the OAuth flow asks for; the same list as manifests/slack/manifest.yaml. */
export const BOT_SCOPES = ['commands', 'chat:write', 'channels:read', 'groups:read', 'mpim:read', 'im:history', 'app_mentions:read', 'users:read', 'files:write'];

export interface SlackMountOptions {
  config: SlackConfig;
  http: Express;
  core: Lederrum;
  installations: SlackInstallations;
  deliveries: InboundDeliveries;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  work: WorkQueue;
  metrics: AdapterMetrics;
  /** Tests shorten Slack's waits; production uses the defaults. `drainMs`: how long drain() waits for work taken on (default 10 s, or what the shutdown grace leaves). */
  tuning?: { submitBudgetMs?: number; retry?: ClientOptions['retry']; drainMs?: number };
}

export interface SlackAdapter extends PlatformAdapter {
  /** The same as deliverer, for the outbox's worker: a 429 comes back to the outbox with its Retry-After. */
  readonly outboxDeliverer: Deliverer;
  readonly mode: 'http' | 'socket';
}

const DEFAULT_DRAIN_MS = 10_000;

export function mountSlack(options: SlackMountOptions): SlackAdapter {
  const { config, logger, clock } = options;
  const clientOptions: ClientOptions = { apiUrl: config.apiUrl, logger, retry: options.tuning?.retry ?? DEFAULT_RETRY };
  const workspacesWith = (client: ClientOptions) => (config.mode === 'single' ? singleWorkspace(config.botToken, client) : installedWorkspaces(options.installations, client));
  const workspaces = workspacesWith(clientOptions);
  const outboxWorkspaces = workspacesWith({ ...clientOptions, rejectRateLimited: true });
  const boltClientOptions = { slackApiUrl: config.apiUrl, retryConfig: clientOptions.retry ?? DEFAULT_RETRY };
  const boltLogger = slackLogger(logger);

  const lifecycle = slackLifecycle({ core: options.core, logger, clientOptions, defaultLanguage: options.defaultLanguage, mode: config.mode });
  const forget = (teamId: string) => {
    workspaces.forget(teamId);
    outboxWorkspaces.forget(teamId);
    logger.info('slack installation removed', { teamId });
  };
  const oauth =
    config.mode === 'oauth'
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          stateSecret: config.stateSecret,
          scopes: BOT_SCOPES,
          installationStore: installationStore(options.installations, clock, forget, lifecycle.installed),
        }
      : {};
  const installerOptions = { clientOptions: boltClientOptions, directInstall: false };

  // In front of Bolt's own route, which parses the body: the kind is read once the ack is out.
  if (!config.appToken) {
    options.http.use(
      '/slack/events',
      timeRequests(
        (kind, seconds) => options.metrics.observe('slack', kind, seconds),
        (req) => requestKind(req.body),
      ),
    );
  }
  const receiver: Receiver = config.appToken
    ? new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger, installerOptions })
    : new ExpressReceiver({
        signingSecret: config.signingSecret!,
        endpoints: '/slack/events',
        app: options.http,
        logger: boltLogger,
        installerOptions,
        ...oauth,
      });

  const app = new App({
    receiver,
    logger: boltLogger,
    clientOptions: boltClientOptions,
    ...(config.mode === 'single' ? { token: config.botToken } : {}),
  });
  const directory = new SlackDirectory(workspaces, clock, logger);
  const pacer = new ChannelPacer(config.paceMs);
  registerListeners(app, {
    core: options.core,
    directory,
    deliveries: options.deliveries,
    clock,
    logger,
    defaultLanguage: options.defaultLanguage,
    submitBudgetMs: options.tuning?.submitBudgetMs ?? 2500,
    work: options.work,
    // The token goes now (Slack has revoked it anyway); the workspace's data after the grace period.
    async onUninstalled(teamId) {
      if (config.mode === 'oauth') await options.installations.remove(teamId);
      forget(teamId);
      await lifecycle.uninstalled(teamId);
    },
  });

  const mode = config.appToken ? 'socket' : 'http';
  return {
    platform: 'slack',
    deliverer: slackDeliverer(workspaces, directory, pacer),
    outboxDeliverer: slackDeliverer(outboxWorkspaces, directory, pacer),
    mode,
    // Over HTTP the routes live on Lederrum's own server; only Socket Mode has a connection to open.
    start: async (url) => {
      if (config.appToken) await app.start();
      logger.info('slack ready', {
        transport: mode === 'socket' ? 'socket mode' : `http ${url}slack/events`,
        workspaces: config.mode === 'oauth' ? `many, install at ${url}slack/install` : 'one',
      });
    },
    // Bolt answers each request before its listener's work goes on, in the shared work queue.
    settled: () => options.work.idle(),
    stop: async () => {
      if (config.appToken) await app.stop();
    },
    /** At shutdown: waits for the work taken on, at most tuning.drainMs (else what the shutdown grace leaves), and logs any left behind. */
    async drain(withinMs) {
      const drainMs = options.tuning?.drainMs ?? withinMs ?? DEFAULT_DRAIN_MS;
      if (!(await options.work.drain(drainMs))) logger.warn('slack work still running at shutdown, left behind', { depth: options.work.depth, waitedMs: drainMs });
    },
  };
}
