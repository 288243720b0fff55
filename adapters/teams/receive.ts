// Acknowledge first (ARCHITECTURE rule 5): a request on /api/messages is authenticated as
// CloudAdapter.process would (a bad or missing token still gets 401), answered at once, and its
// turn runs afterwards in the conversation's queue (turns.ts). Only what Teams reads from the
// HTTP answer waits for the turn: invokes (their invoke response is the body) and activities
// sent with deliveryMode 'expectReplies' (their replies are the body). Replies a turn sends go
// out through the Bot Connector, so a throttled reply no longer holds the inbound request open.
import type express from 'express';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, DeliveryModes, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../../src/core/index.ts';
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

/** The /api/messages handler: authenticate, answer, then run the turn in its conversation's queue. */
export function receiveActivities(adapter: AckFirstAdapter, turns: ConversationTurns, logic: Logic, logger: Logger): express.RequestHandler {
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
        const answer = await adapter.runTurn(authenticated, activity, logic);
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
    turns.run(groupConversationId(activity.conversation.id), () => adapter.runTurn(authenticated, activity, logic));
  };
}
