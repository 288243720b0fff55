// Acknowledge first (ARCHITECTURE rule 5): a request on /api/messages is authenticated as
// CloudAdapter.process would (a bad or missing token still gets 401), answered at once, and its
// turn runs afterwards in the conversation's queue (turns.ts). Only what Teams reads from the
// HTTP answer waits for the turn: invokes (their invoke response is the body) and activities
// sent with deliveryMode 'expectReplies' (their replies are the body). Replies a turn sends go
// out through the Bot Connector, so a throttled reply no longer holds the inbound request open.
// All turns run within the process's bounded work queue; beyond its limit a message gets a
// localised "busy, try again" reply (a turn of its own that does no core work) and an invoke a
// busy invoke response, while membership and installation updates, which must not be lost, are
// queued anyway.
import type express from 'express';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, DeliveryModes, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { languageOfLocale, translate, type Language, type Logger } from '../../src/core/index.ts';
import type { WorkQueue } from '../work-queue.ts';
import { groupConversationId } from './parse.ts';
import type { ConversationTurns } from './turns.ts';

type Logic = (context: TurnContext) => Promise<void>;

/** teams-ai's TeamsAdapter with CloudAdapter's two steps (authenticate, run a turn) callable apart. */
export class AckFirstAdapter extends TeamsAdapter {
  /** Checks the request's Bot Framework token (and, without an app id, lets it through as CloudAdapter does). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an activity already authenticated (CloudAdapterBase.processActivity's documented overload). */
  runTurn(authenticated: AuthenticateRequestResult, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** What CloudAdapter's validateAndFixActivity does: the timestamps as dates, their raw strings kept. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = body as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** Whether Teams reads the turn's outcome from the HTTP answer, so the answer must wait for it. */
export function answeredByTurn(activity: Pick<Activity, 'type' | 'deliveryMode'>): boolean {
  return activity.type === ActivityTypes.Invoke || activity.deliveryMode === DeliveryModes.ExpectReplies;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Activities nobody can be told "busy" about, whose loss would lose a membership or an install. */
const MUST_NOT_BE_LOST = new Set<string>([ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate]);

/** The turn of an activity that found the queue full: a message hears "busy, try again", an invoke gets it as its response. */
export function busyTurn(defaultLanguage: Language): Logic {
  return async (context) => {
    const { activity } = context;
    const text = translate(languageOfLocale(activity.locale) ?? defaultLanguage, 'platform.busy');
    if (activity.type === ActivityTypes.Invoke) {
      // The Universal Actions response Teams shows to the person who pressed.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } });
    } else if (activity.type === ActivityTypes.Message) {
      await context.sendActivity(text);
    }
  };
}

export interface Receiving {
  turns: ConversationTurns;
  work: WorkQueue;
  logic: Logic;
  logger: Logger;
  defaultLanguage: Language;
}

/** The /api/messages handler: authenticate, answer, then run the turn in its conversation's queue. */
export function receiveActivities(adapter: AckFirstAdapter, receiving: Receiving): express.RequestHandler {
  const { turns, work, logic, logger } = receiving;
  const busy = busyTurn(receiving.defaultLanguage);
  const refused = (activity: Activity) => logger.warn('teams request refused: the work queue is full', { type: activity.type, depth: work.depth, limit: work.limit });
  return async (req, res) => {
    res.header('User-Agent', adapter.userAgent);
    const activity = withDates(req.body as Record<string, unknown>);
    const header = req.headers.authorization;
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.authenticate(activity, typeof header === 'string' ? header : '');
    } catch (error) {
      if (error instanceof AuthenticationError) {
        logger.warn('teams request refused: not authenticated', { error: errorMessage(error) });
        res.status(401).json({ error: 'The request is not authenticated.' });
      } else {
        logger.error('teams request could not be authenticated', { error: errorMessage(error) });
        res.status(500).json({ error: 'The request could not be handled.' });
      }
      return;
    }

    if (answeredByTurn(activity)) {
      try {
        const taken = work.offer(() => adapter.runTurn(authenticated, activity, logic));
        if (!taken) refused(activity);
        const answer = await (taken ?? adapter.runTurn(authenticated, activity, busy));
        res.status(answer?.status ?? 200);
        if (answer?.body !== undefined) res.json(answer.body);
        else res.end();
      } catch (error) {
        logger.error('teams request failed', { error: errorMessage(error) });
        if (!res.headersSent) res.status(500).json({ error: 'The request could not be handled.' });
      }
      return;
    }

    // 200, as CloudAdapter answers a turn that returned nothing (Teams treats 200 and 202 alike).
    res.status(200).end();
    const place = MUST_NOT_BE_LOST.has(activity.type) ? work.reserveAlways() : work.reserve();
    if (place) return turns.run(groupConversationId(activity.conversation.id), place, () => adapter.runTurn(authenticated, activity, logic));
    refused(activity);
    adapter.runTurn(authenticated, activity, busy).catch((error: unknown) => logger.warn('teams busy reply not sent', { error: errorMessage(error) }));
  };
}
