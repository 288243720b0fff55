// What the fake connector remembers between requests: conversations and their rosters, whether
// the bot is still in them, the activities the bot posted, the 1:1 chats it opened, and the
// programmable failures waiting to be answered.
import { randomUUID } from 'node:crypto';
import type { ConnectorFailure, FailableOp, FakeConversation, FakeTeamsMember } from './types.ts';

export interface ConversationState {
  conversation: FakeConversation;
  botRemoved: boolean;
  /** Ids of the activities the bot posted here (not deleted). */
  activities: Set<string>;
}

interface PendingFailure {
  failure: ConnectorFailure;
  remaining: number;
}

/** A Teams thread id: '19:abc@thread.tacv2;messageid=123' belongs to conversation '19:abc@thread.tacv2'. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut === -1 ? id : id.slice(0, cut);
}

export class ConnectorState {
  readonly conversations = new Map<string, ConversationState>();
  /** Member ('29:…' and AAD object id) -> the 1:1 conversation created for them via POST /v3/conversations. */
  readonly personalChats = new Map<string, string>();
  private readonly failures = new Map<FailableOp, PendingFailure[]>();
  private sequence = 0;

  nextActivityId(): string {
    this.sequence += 1;
    return String(1_760_000_000_000 + this.sequence);
  }

  add(conversation: FakeConversation): void {
    const id = baseConversationId(conversation.id);
    this.conversations.set(id, { conversation: { ...conversation, id, members: [...conversation.members] }, botRemoved: false, activities: new Set() });
  }

  /**
   * The conversation an id from a request path addresses: by channel/chat id (a team id is its
   * General channel's), else a team id with no General channel stands for the team's channels.
   */
  resolve(id: string): ConversationState[] {
    const direct = this.conversations.get(baseConversationId(id));
    if (direct) return [direct];
    return this.channelsOfTeam(id);
  }

  channelsOfTeam(teamId: string): ConversationState[] {
    return [...this.conversations.values()].filter((c) => c.conversation.teamId === teamId);
  }

  /** Removes the bot from a conversation, or from every channel of a team. */
  removeBot(id: string): void {
    const team = this.channelsOfTeam(id);
    const found = team.length > 0 ? team : this.resolve(id);
    if (found.length === 0) throw new Error(`fake-teams: removeBot(${id}): no such conversation or team`);
    for (const c of found) c.botRemoved = true;
  }

  /** Who is in one conversation: a standard channel has its team's roster (the General channel's). */
  membersOf(c: ConversationState): FakeTeamsMember[] {
    const { type, teamId, channelType, id } = c.conversation;
    const general = teamId && id !== teamId ? this.conversations.get(teamId) : undefined;
    if (type === 'channel' && general && (channelType ?? 'standard') === 'standard') return general.conversation.members;
    return c.conversation.members;
  }

  /** The roster of what `id` addresses, deduplicated (a team without a General channel: all its channels' members). */
  roster(found: ConversationState[]): FakeTeamsMember[] {
    const seen = new Map<string, FakeTeamsMember>();
    for (const c of found) for (const m of this.membersOf(c)) if (!seen.has(m.id)) seen.set(m.id, m);
    return [...seen.values()];
  }

  /** A user the bot can reach: in the roster of a conversation the bot is still in. */
  reachableMember(idOrAad: string): FakeTeamsMember | undefined {
    for (const c of this.conversations.values()) {
      if (c.botRemoved) continue;
      const member = this.membersOf(c).find((m) => m.id === idOrAad || m.aadObjectId === idOrAad);
      if (member) return member;
    }
    return undefined;
  }

  /** Adds a member to a conversation's own roster (a team's: its General channel's). */
  addMember(conversationId: string, member: FakeTeamsMember): void {
    const c = this.conversations.get(baseConversationId(conversationId));
    if (!c) throw new Error(`fake-teams: addMember(${conversationId}): no such conversation`);
    if (!c.conversation.members.some((m) => m.id === member.id)) c.conversation.members.push(member);
  }

  /** Removes a member from a conversation; from a team's General channel also from all its channels, as Teams does. */
  removeMember(conversationId: string, memberId: string): void {
    const id = baseConversationId(conversationId);
    const c = this.conversations.get(id);
    if (!c) throw new Error(`fake-teams: removeMember(${conversationId}): no such conversation`);
    const affected = c.conversation.teamId === id ? this.channelsOfTeam(id) : [c];
    for (const each of affected) each.conversation.members = each.conversation.members.filter((m) => m.id !== memberId);
  }

  /** The personal conversation with `member`, creating it (as Teams does on first contact). */
  personalChatWith(member: FakeTeamsMember, tenantId: string): ConversationState {
    const existing = [...this.conversations.values()].find((c) => c.conversation.type === 'personal' && c.conversation.members.some((m) => m.id === member.id));
    const chat = existing ?? this.createPersonal(member, tenantId);
    this.personalChats.set(member.id, chat.conversation.id);
    this.personalChats.set(member.aadObjectId, chat.conversation.id);
    return chat;
  }

  private createPersonal(member: FakeTeamsMember, tenantId: string): ConversationState {
    const id = `a:1${randomUUID().replaceAll('-', '')}`;
    this.add({ id, type: 'personal', tenantId, members: [member] });
    const created = this.conversations.get(id);
    if (!created) throw new Error('fake-teams: personal chat vanished');
    return created;
  }

  failNext(op: FailableOp, failure: ConnectorFailure): void {
    const times = failure.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fake-teams: failNext(${op}): times must be a positive integer`);
    const list = this.failures.get(op) ?? [];
    list.push({ failure, remaining: times });
    this.failures.set(op, list);
  }

  /** The failure this call gets, if one is queued for `op` (or for 'post' when sending/replying); consumes one of its `times`. */
  takeFailure(op: Exclude<FailableOp, 'post'>): ConnectorFailure | undefined {
    const keys: FailableOp[] = op === 'send' || op === 'reply' ? [op, 'post'] : [op];
    for (const key of keys) {
      const entry = this.failures.get(key)?.[0];
      if (!entry) continue;
      entry.remaining -= 1;
      if (entry.remaining === 0) this.failures.get(key)?.shift();
      return entry.failure;
    }
    return undefined;
  }
}
