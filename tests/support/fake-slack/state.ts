// Everything the fake Slack remembers about its workspaces — teams, people, channels, messages,
// views, triggers, install codes — and the id and timestamp mints, shared by the method handlers.
import { randomBytes } from 'node:crypto';
import type { FakeSlackAuthorization, FakeSlackChannel, FakeSlackEphemeral, FakeSlackMessage, FakeSlackShown, FakeSlackTeam, FakeSlackUser, FakeSlackView, ResponseUrlOwner } from './types.ts';
import type { FakeSlackFile } from './files.ts';

/** Where a message goes: a channel, or the bot's DM with one person (by user id or IM id). */
export type Conversation = { kind: 'channel'; key: string; channel: FakeSlackChannel } | { kind: 'im'; key: string; userId: string; imId: string };

export interface Trigger {
  userId: string;
  createdAt: number;
  used: boolean;
}

export class SlackState {
  readonly teams = new Map<string, FakeSlackTeam>();
  readonly users = new Map<string, FakeSlackUser>();
  readonly channels = new Map<string, FakeSlackChannel>();
  readonly allMessages: FakeSlackMessage[] = [];
  readonly ephemerals: FakeSlackEphemeral[] = [];
  readonly responses: Array<{ id: string; body: any }> = [];
  /** Response URL ids minted by the fake, with who acted where (null when the test did not say). */
  readonly responseUrlIds = new Map<string, ResponseUrlOwner | null>();
  /** Everything shown to anyone, in order, earlier versions of updated messages and views included. */
  readonly shown: FakeSlackShown[] = [];
  readonly views = new Map<string, FakeSlackView>();
  readonly homes = new Map<string, any>();
  readonly triggers = new Map<string, Trigger>();
  readonly codes = new Map<string, FakeSlackAuthorization & { used: boolean }>();
  readonly socketTickets = new Set<string>();
  /** Files uploaded through files.uploadV2's steps, by id. */
  readonly files = new Map<string, FakeSlackFile>();
  triggerLifetimeMs = 3000;
  oauthClient = { id: '1111.2222', secret: 'fake-client-secret' };
  readonly appId = 'A0001';
  private tsMicros = 0;
  private serial = 0;

  /** Message timestamps: unique, increasing, and shaped like Slack's '1700000000.000100'. */
  nextTs(): string {
    this.tsMicros += 100;
    const seconds = 1_700_000_000 + Math.floor(this.tsMicros / 1_000_000);
    return `${seconds}.${String(this.tsMicros % 1_000_000).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.serial += 1;
    return `${prefix}${String(this.serial).padStart(8, '0')}`;
  }

  randomHex(bytes = 8): string {
    return randomBytes(bytes).toString('hex');
  }

  addTeam(team: FakeSlackTeam): void {
    this.teams.set(team.id, { ...team });
    if (!this.users.has(team.botUserId)) {
      this.users.set(team.botUserId, {
        id: team.botUserId,
        teamId: team.id,
        name: 'lederrum',
        realName: 'Lederrum',
        isBot: true,
      });
    }
  }

  teamByToken(token: string | undefined): FakeSlackTeam | undefined {
    if (!token) return undefined;
    for (const team of this.teams.values()) if (team.botToken === token) return team;
    return undefined;
  }

  addChannel(channel: { id: string; teamId: string; name: string; isPrivate?: boolean; isMpim?: boolean; members: string[] }): void {
    this.channels.set(channel.id, {
      id: channel.id,
      teamId: channel.teamId,
      name: channel.name,
      isPrivate: (channel.isPrivate ?? false) || (channel.isMpim ?? false),
      isMpim: channel.isMpim ?? false,
      members: [...channel.members],
      archived: false,
    });
  }

  channel(id: string): FakeSlackChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`fake Slack has no channel ${id}`);
    return channel;
  }

  /** The bot's IM channel id with a person, stable per person. */
  imId(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  private userOfIm(imId: string): string | undefined {
    for (const user of this.users.values()) if (this.imId(user.id) === imId) return user.id;
    return undefined;
  }

  /**
   * The conversation a channel argument names, as seen from one team's bot; undefined when Slack
   * would answer channel_not_found (unknown, another team's, or private without the bot).
   */
  resolve(team: FakeSlackTeam, id: string): Conversation | undefined {
    const direct = /^[UW]/.test(id) ? id : id.startsWith('D') ? this.userOfIm(id) : undefined;
    if (direct !== undefined) {
      const user = this.users.get(direct);
      if (!user || user.id === team.botUserId) return undefined;
      return { kind: 'im', key: user.id, userId: user.id, imId: this.imId(user.id) };
    }
    const channel = this.channels.get(id);
    if (!channel || channel.teamId !== team.id) return undefined;
    if (channel.isPrivate && !channel.members.includes(team.botUserId)) return undefined;
    return { kind: 'channel', key: channel.id, channel };
  }

  /** The key messages are filed under: the channel id, or the person's user id for a DM. */
  conversationKey(id: string): string {
    if (id.startsWith('D')) return this.userOfIm(id) ?? id;
    return id;
  }

  /** Whether a person sees what is posted in a conversation: their own DM, or a channel they are in. */
  canSee(userId: string, conversation: string): boolean {
    if (conversation === userId) return true;
    return this.channels.get(conversation)?.members.includes(userId) ?? false;
  }

  messagesIn(key: string): FakeSlackMessage[] {
    return this.allMessages.filter((m) => m.channel === key);
  }

  findMessage(key: string, ts: string): FakeSlackMessage | undefined {
    return this.allMessages.find((m) => m.channel === key && m.ts === ts);
  }

  newTrigger(userId: string, now = Date.now()): string {
    const id = `${this.serial + 1}${Math.floor(now % 1e9)}.${Math.floor(now / 1000)}.${this.randomHex(16)}`;
    this.serial += 1;
    this.triggers.set(id, { userId, createdAt: now, used: false });
    return id;
  }

  /** Checks a trigger for views.open/push; the error code Slack answers, or the trigger. */
  checkTrigger(id: unknown): { error: string } | { trigger: Trigger } {
    const trigger = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!trigger) return { error: 'invalid_trigger_id' };
    if (trigger.used) return { error: 'trigger_exchanged' };
    if (Date.now() - trigger.createdAt > this.triggerLifetimeMs) return { error: 'expired_trigger_id' };
    return { trigger };
  }
}
