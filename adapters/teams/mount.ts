// The Teams adapter's entry, and its "verify" part: a CloudAdapter (teams-ai's TeamsAdapter)
// built from the app's credentials checks every request's Bot Framework token on
// /api/messages before anything runs; the request is then answered and its turn runs after
// (receive.ts). Without MICROSOFT_APP_ID (local development only) the endpoint runs
// unauthenticated, and says so in the log.
import express, { type Express } from 'express';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { TurnContext } from 'botbuilder';
import type { Clock, Language, Lederrum, Logger, Person } from '../../src/core/index.ts';
import type { TeamsConfig } from './config.ts';
import type { InboundDeliveries } from '../inbound-deliveries.ts';
import type { TeamsConversations } from './conversation-store.ts';
import { QuietApplication } from './application.ts';
import { routeActivities } from './bot.ts';
import { activityKind, activitySchema } from './parse.ts';
import { personalChatOpener, privateRoute } from './private.ts';
import { AckFirstAdapter, receiveActivities } from './receive.ts';
import { ConversationTurns } from './turns.ts';
import type { AdapterMetrics, PlatformAdapter } from '../platform.ts';
import type { WorkQueue } from '../work-queue.ts';
import { timeRequests } from '../request-timing.ts';
import { DEFAULT_RETRY, conversationWriter, teamsDeliverer, type Continue, type RetryPolicy } from './send.ts';

export const MESSAGES_PATH = '/api/messages';

export interface TeamsMountOptions {
  config: TeamsConfig;
  http: Express;
  core: Lederrum;
  conversations: TeamsConversations;
  deliveries: InboundDeliveries;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  work: WorkQueue;
  metrics: AdapterMetrics;
  /** The Teams conversations of a person's groups, from which their personal chat can be opened. */
  sharedWith?: (person: Person) => Promise<string[]>;
  /**
   * Tests point the Bot Framework endpoints at local fakes and shorten the backoff; `drainMs` is
   * how long drain() (at shutdown) waits for turns still running (default 10 s).
   */
  tuning?: { botFrameworkConfig?: Record<string, string>; credentialsFactory?: ServiceClientCredentialsFactory; retry?: RetryPolicy; drainMs?: number };
}

export interface TeamsAdapterHandle extends PlatformAdapter {
  readonly authenticated: boolean;
}

const DEFAULT_DRAIN_MS = 10_000;

export function mountTeams(options: TeamsMountOptions): TeamsAdapterHandle {
  const { config, logger } = options;
  const appId = config.appId ?? '';
  const authConfig = config.appId
    ? {
        MicrosoftAppId: config.appId,
        MicrosoftAppPassword: config.appPassword ?? '',
        MicrosoftAppType: config.appType,
        ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
        ...options.tuning?.botFrameworkConfig,
      }
    : { ...options.tuning?.botFrameworkConfig };
  const adapter = new AckFirstAdapter(authConfig, options.tuning?.credentialsFactory);
  const app = new QuietApplication({ adapter, botAppId: appId, startTypingTimer: false, longRunningMessages: false, removeRecipientMention: false });

  // The adapter hands errors inside a turn to its onTurnError (which teams-ai sets), so a failed
  // proactive send would look like success: the error is caught here and thrown to the caller.
  const resume: Continue = async (reference, logic) => {
    let outcome: { ok: true; value: Awaited<ReturnType<typeof logic>> } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        outcome = { ok: true, value: await logic(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error('Teams did not run the proactive turn.');
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const policy = options.tuning?.retry ?? DEFAULT_RETRY;
  const open = personalChatOpener(adapter, appId, policy, logger);
  const now = () => options.clock.now();
  const write = conversationWriter(options.conversations, resume, policy, logger, now);
  const personal = privateRoute({ conversations: options.conversations, write, open, logger, now });
  routeActivities(app, {
    core: options.core,
    conversations: options.conversations,
    deliveries: options.deliveries,
    personal,
    write,
    clock: options.clock,
    logger,
    defaultLanguage: options.defaultLanguage,
  });

  const turns = new ConversationTurns(logger);
  options.metrics.trackQueue('teams_turns', () => turns.busy);
  options.http.use(
    MESSAGES_PATH,
    timeRequests(
      (kind, seconds) => options.metrics.observe('teams', kind, seconds),
      (req) => activityKind(req.body),
    ),
  );
  const logic = (context: TurnContext) => app.run(context).then(() => undefined);
  const receive = receiveActivities(adapter, { turns, work: options.work, logic, logger, defaultLanguage: options.defaultLanguage });
  options.http.post(MESSAGES_PATH, express.json({ limit: '1mb' }), async (req, res, next) => {
    // An activity without the fields every Teams activity has is refused before the SDK sees it.
    const shape = activitySchema.safeParse(req.body);
    if (!shape.success) {
      logger.warn('teams activity malformed', { issues: shape.error.issues.length });
      res.status(400).json({ error: 'The body must be a Bot Framework activity in JSON.' });
      return;
    }
    return receive(req, res, next);
  });
  // A body that is not JSON never reaches the adapter: answer it plainly.
  options.http.use(MESSAGES_PATH, (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    logger.warn('teams request body is not JSON', {});
    res.status(400).json({ error: 'The body must be a Bot Framework activity in JSON.' });
  });

  if (!config.appId) {
    logger.warn('teams endpoint runs WITHOUT authentication: MICROSOFT_APP_ID is not set (local development only)', { path: MESSAGES_PATH });
  }
  const sharedWith = options.sharedWith ?? (async () => []);
  return {
    deliverer: teamsDeliverer({ conversations: options.conversations, write, personal, sharedWith }),
    platform: 'teams',
    authenticated: Boolean(config.appId),
    // The routes live on Lederrum's own server: nothing to connect; every request is answered first.
    start: async () => undefined,
    /** Resolves once every turn taken on (answered, running after) is done: each holds a place in the work queue. */
    settled: () => options.work.idle(),
    stop: async () => undefined,
    /** At shutdown: waits for the work taken on, at most tuning.drainMs (else what the shutdown grace leaves), and logs any left behind. */
    async drain(withinMs) {
      const waitMs = options.tuning?.drainMs ?? withinMs ?? DEFAULT_DRAIN_MS;
      if (!(await options.work.drain(waitMs))) logger.warn('teams turns still running at shutdown, left behind', { conversations: turns.busy, depth: options.work.depth, waitedMs: waitMs });
    },
  };
}
