// Delivery to Slack (the Deliverer port): posts, updates and private messages through the Web
// API, paced per channel (Slack allows about one message a second in a channel), with the Web
// API client's retries for 429 and 5xx underneath. Slack's error codes become LederrumErrors
// here, at the edge, so the person hears what to do instead of a platform code. A message too big
// for one Slack message goes as several in order (split.ts), under one ref (../parts.ts).
import PQueue from 'p-queue';
import { ErrorCode as SlackErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { LederrumError, type Actor, type Deliverer, type Destination, type Message, type Person } from '../../src/core/index.ts';
import { unscoped } from './ids.ts';
import { firstRef, joinRefs, refsOf, SURPLUS_PART } from '../parts.ts';
import { messageParts, type SlackMessageArgs } from './split.ts';
import type { SlackDirectory } from './directory.ts';
import type { Workspaces } from './workspaces.ts';

/** Platform errors that mean the bot cannot write there any more: the person can fix it by inviting it back. */
const GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive', 'invalid_auth', 'token_revoked', 'team_access_not_granted']);

export function slackError(error: unknown, doing: string): LederrumError {
  if (error instanceof LederrumError) return error;
  const code = platformCode(error);
  if (code && GONE.has(code)) {
    return new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation', { cause: error, detail: `Slack ${doing}: ${code}` });
  }
  // A scope added after the workspace installed Lederrum (files:write for "my data"): a reinstall grants it.
  if (code === 'missing_scope') {
    return new LederrumError('MISSING_PERMISSION', 'error.missing_permission', { cause: error, detail: `Slack ${doing}: missing_scope` });
  }
  return new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: error, detail: `Slack ${doing} failed: ${code ?? (error instanceof Error ? error.message : String(error))}` });
}

export function platformCode(error: unknown): string | undefined {
  const coded = error as Partial<WebAPIPlatformError> | undefined;
  return coded?.code === SlackErrorCode.PlatformError ? coded.data?.error : undefined;
}

export class ChannelPacer {
  private readonly queues = new Map<string, PQueue>();
  constructor(private readonly intervalMs: number) {}

  /** Runs `send` in the channel's turn: in order, at most one start per interval. */
  run<T>(channel: string, send: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(channel);
    if (!queue) {
      queue = this.intervalMs > 0 ? new PQueue({ concurrency: 1, interval: this.intervalMs, intervalCap: 1 }) : new PQueue({ concurrency: 1 });
      const created = queue;
      created.on('idle', () => {
        if (this.queues.get(channel) === created && created.size === 0 && created.pending === 0) this.queues.delete(channel);
      });
      this.queues.set(channel, queue);
    }
    return queue.add(send, { throwOnTimeout: true });
  }
}

export function slackDeliverer(workspaces: Workspaces, directory: SlackDirectory, pacer: ChannelPacer): Deliverer {
  const write = async <T>(to: Destination | Person, doing: string, call: (channel: string) => Promise<T>): Promise<T> => {
    const { teamId, slackId } = unscoped('conversationId' in to ? to.conversationId : to.externalId);
    return pacer
      .run(`${teamId}:${slackId}`, () => call(slackId))
      .catch((error: unknown) => {
        throw slackError(error, doing);
      });
  };
  const clientFor = (scopedId: string) => workspaces.client(unscoped(scopedId).teamId);

  /** Posts each part in its turn, in order; the parts' timestamps, in order. */
  const postParts = async (to: Destination | Person, doing: string, parts: SlackMessageArgs[], threadTs?: string): Promise<string[]> => {
    const client = await clientFor('conversationId' in to ? to.conversationId : to.externalId);
    const refs: string[] = [];
    for (const part of parts) {
      const result = await write(to, doing, (channel) => client.chat.postMessage({ channel, ...part, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false }));
      refs.push(result.ts!);
    }
    return refs;
  };

  return {
    async post(to: Destination, message: Message, options: { threadOf?: string } = {}): Promise<string> {
      // A thread hangs on the first part of a message that was split.
      return joinRefs(await postParts(to, 'chat.postMessage', messageParts(message), options.threadOf ? firstRef(options.threadOf) : undefined));
    },

    /**
     * Edits every part of the message in place. A longer message gets its extra parts posted after
     * the last one (in its thread, when it is a reply); a shorter one leaves its surplus parts
     * showing only a dash, so nothing stale remains. The ref the core keeps stays the same.
     */
    async update(to, ref, message) {
      const client = await clientFor(to.conversationId);
      const refs = refsOf(ref);
      const parts = messageParts(message);
      const surplus = messageParts(SURPLUS_PART)[0]!;
      let threadTs: string | undefined;
      for (const [i, ts] of refs.entries()) {
        const result = await write(to, 'chat.update', (channel) => client.chat.update({ channel, ts, ...(parts[i] ?? surplus) }));
        // A reply carries its parent's ts; a parent with replies carries its own, and is no reply.
        const parent = (result.message as { thread_ts?: string } | undefined)?.thread_ts;
        if (i === 0 && parent && parent !== ts) threadTs = parent;
      }
      await postParts(to, 'chat.postMessage', parts.slice(refs.length), threadTs);
    },

    async sendPrivate(person, message) {
      // Posting to a user id lands in the app's Messages tab: the person's private chat with Lederrum.
      await postParts(person, 'chat.postMessage (private)', messageParts(message));
    },

    // A file must be shared into a conversation by its id (D…), never a user id. Posting the file's
    // comment to the person's user id lands in their DM with Lederrum and names that DM, so no
    // conversations.open and no im:write scope are needed; files.uploadV2 then takes its three
    // steps (an upload URL, the bytes, completing the share into the DM) below the comment.
    async sendFile(person, file) {
      const client = await clientFor(person.externalId);
      await write(person, 'files.uploadV2', async (user) => {
        const { channel } = await client.chat.postMessage({ channel: user, text: file.comment });
        if (!channel) throw new LederrumError('DELIVERY_FAILED', 'error.internal', { detail: 'Slack chat.postMessage gave no DM id' });
        await client.filesUploadV2({ channel_id: channel, filename: file.name, content: file.content, title: file.title });
      });
    },

    async membersOf(to): Promise<Actor[] | null> {
      const { teamId, slackId } = unscoped(to.conversationId);
      if (slackId.startsWith('D')) return null;
      const client = await workspaces.client(teamId);
      const ids: string[] = [];
      try {
        for await (const page of client.paginate('conversations.members', { channel: slackId, limit: 200 })) {
          ids.push(...((page as { members?: string[] }).members ?? []));
        }
      } catch (error) {
        throw slackError(error, 'conversations.members');
      }
      const people = [];
      for (const id of ids) people.push(await directory.person(teamId, id));
      return people.filter((p) => !p.isBot).map((p) => p.actor);
    },
  };
}
