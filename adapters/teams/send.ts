// Delivery to Teams (the Deliverer port): every message goes proactively through the
// conversation reference stored when the bot joined that conversation; a private one only to
// the person's personal chat (private.ts). Throttling (HTTP 429) is waited out as Teams asks
// (Retry-After, else exponential backoff); writes to one conversation keep their order. A
// conversation the bot was removed from becomes a LederrumError the person can act on. A message
// too big for one activity goes as several in order (split.ts), under one ref (../parts.ts).
import PQueue from 'p-queue';
import { setTimeout as sleep } from 'node:timers/promises';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { LederrumError, workspaceOf, type Actor, type Deliverer, type Destination, type Logger, type Message, type Person } from '../../src/core/index.ts';
import type { TeamsConversations } from './conversation-store.ts';
import type { PrivateRoute } from './private.ts';
import { firstRef, joinRefs, refsOf, SURPLUS_PART } from '../parts.ts';
import { activitiesOf } from './split.ts';

export { activityOf, activitiesOf, cardAttachment } from './split.ts';

/** Runs code in a conversation as the bot (CloudAdapter.continueConversationAsync). */
export type Continue = <T>(reference: Record<string, unknown>, logic: (context: TurnContext) => Promise<T>) => Promise<T>;

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}
// The SDK's pipeline already retries each call three times (honouring Retry-After); these attempts wrap it.
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 15_000 };

export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } } | undefined;
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined | null } | Record<string, string> } })?.response?.headers;
  const raw =
    headers && typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get: (n: string) => string | null | undefined }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** Teams refused the call itself (not throttling): retrying the same call cannot help. */
export function isRefused(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** The error code in Teams' answer ({error:{code}}), as the SDK hands it over. */
export function teamsErrorCode(error: unknown): string | undefined {
  return (error as { code?: string; body?: { error?: { code?: string } } })?.body?.error?.code ?? (error as { code?: string })?.code;
}

/** Teams' "the bot is not in this conversation" answers. */
export function isGone(error: unknown): boolean {
  const status = statusOf(error);
  const code = teamsErrorCode(error);
  return status === 403 || status === 404 || code === 'BotNotInConversationRoster' || code === 'ConversationNotFound';
}

export async function withThrottleRetry<T>(call: () => Promise<T>, policy: RetryPolicy, logger: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      const retriable = status === 429 || (status !== undefined && status >= 500);
      if (!retriable || attempt >= policy.attempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const wait = status === 429 ? (retryAfterMs(error) ?? backoff) : backoff;
      logger.warn('teams throttled or failing, retrying', { status, attempt, waitMs: wait });
      await sleep(wait);
    }
  }
}

/** Writes to one stored conversation: in order, through throttling, with Teams' refusals mapped. */
export type Write = <T>(conversationId: string, threadOf: string | undefined, doing: string, logic: (context: TurnContext) => Promise<T>) => Promise<T>;

export function conversationWriter(conversations: TeamsConversations, resume: Continue, policy: RetryPolicy, logger: Logger, now: () => Date): Write {
  const queues = new Map<string, PQueue>();
  const inOrder = <T>(conversationId: string, call: () => Promise<T>): Promise<T> => {
    let queue = queues.get(conversationId);
    if (!queue) {
      const created = new PQueue({ concurrency: 1 });
      created.on('idle', () => queues.get(conversationId) === created && queues.delete(conversationId));
      queues.set(conversationId, created);
      queue = created;
    }
    return queue.add(call, { throwOnTimeout: true });
  };

  return async (conversationId, threadOf, doing, logic) => {
    const record = await conversations.find(conversationId);
    if (!record?.botPresent) {
      throw new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation', { detail: `Teams ${doing}: no reference for ${conversationId}` });
    }
    const conversation = record.reference['conversation'] as Record<string, unknown>;
    // A reply in a channel thread is written to "<channel>;messageid=<root>".
    const id = threadOf && record.kind === 'channel' ? `${record.id};messageid=${threadOf}` : record.id;
    const reference = { ...record.reference, conversation: { ...conversation, id } };
    try {
      return await inOrder(record.id, () => withThrottleRetry(() => resume(reference, logic), policy, logger));
    } catch (error) {
      if (isGone(error)) {
        await conversations.botLeft(record.id, now());
        throw new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation', { cause: error, detail: `Teams ${doing}: the bot is not in ${record.id}` });
      }
      throw new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: error, detail: `Teams ${doing} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

export interface DelivererDeps {
  conversations: TeamsConversations;
  write: Write;
  personal: PrivateRoute;
  /** The Teams conversations of the person's groups: where their personal chat can be opened from. */
  sharedWith: (person: Person) => Promise<string[]>;
}

export function teamsDeliverer({ conversations, write, personal, sharedWith }: DelivererDeps): Deliverer {
  return {
    async post(to: Destination, message: Message, options: { threadOf?: string } = {}) {
      // Each part in its own write, so a retry after throttling never sends an earlier part twice.
      const threadOf = options.threadOf ? firstRef(options.threadOf) : undefined;
      const refs: string[] = [];
      for (const activity of activitiesOf(message)) {
        const sent = await write(to.conversationId, threadOf, 'send', (context) => context.sendActivity(activity));
        refs.push(sent?.id ?? '');
      }
      return joinRefs(refs);
    },
    /**
     * Edits every part in place. A longer message gets its extra parts sent after them in the
     * conversation; a shorter one leaves its surplus parts showing only a dash, so nothing stale
     * remains. The ref the core keeps stays the same.
     */
    async update(to, ref, message) {
      const refs = refsOf(ref);
      const activities = activitiesOf(message);
      const surplus = activitiesOf(SURPLUS_PART)[0]!;
      for (const [i, id] of refs.entries()) {
        await write(to.conversationId, undefined, 'update', (context) => context.updateActivity({ ...(activities[i] ?? surplus), id }));
      }
      for (const activity of activities.slice(refs.length)) await write(to.conversationId, undefined, 'send', (context) => context.sendActivity(activity));
    },
    async sendPrivate(person: Person, message: Message) {
      // Without a personal chat this throws NO_PRIVATE_ROUTE: nothing is sent anywhere else.
      const via = await sharedWith(person);
      for (const activity of activitiesOf(message)) {
        await personal.send({ id: person.externalId, name: person.displayName }, via, (context) => context.sendActivity(activity));
      }
    },
    async membersOf(to): Promise<Actor[] | null> {
      const record = await conversations.find(to.conversationId);
      if (!record || record.kind === 'personal') return null;
      const members: Actor[] = [];
      await write(record.id, undefined, 'roster', async (context) => {
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(context, 100, token);
          for (const m of page.members) {
            if (m.id.startsWith('28:')) continue; // bots
            // A shared channel's roster can hold people from other tenants: each keeps their own.
            const tenant = (m as { tenantId?: string }).tenantId ?? record.tenantId ?? undefined;
            members.push({ platform: 'teams', workspace: workspaceOf('teams', tenant), externalId: m.id, displayName: m.name ?? m.givenName ?? m.id });
          }
          token = page.continuationToken;
        } while (token);
      });
      return members;
    },
  };
}
