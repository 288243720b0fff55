// The fake Slack a test holds: starts the HTTP/WebSocket server on a loopback port, sets up
// workspaces, programs failures, mints what a Slack user's clicks would (trigger ids, response
// urls, install codes) and lets the test look at what the app sent.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chatMethods } from './chat.ts';
import { fileMethods, type FakeSlackFile } from './files.ts';
import { FailureQueue } from './failures.ts';
import { createFakeSlackServer } from './server.ts';
import { RateLimiter, type RateLimitRules } from './rate-limits.ts';
import { FakeSocketMode } from './socket.ts';
import { SlackState } from './state.ts';
import type { Failure, FakeSlackAuthorization, FakeSlackCall, FakeSlackEphemeral, FakeSlackMessage, FakeSlackShown, FakeSlackTeam, FakeSlackUser, FakeSlackView, ResponseUrlOwner } from './types.ts';
import { applySubmissionAck, viewMethods } from './views.ts';
import { workspaceMethods } from './workspace.ts';

export class FakeSlack {
  /** 'http://127.0.0.1:PORT/api/' — give it to WebClient as slackApiUrl. */
  readonly apiUrl: string;
  readonly origin: string;
  readonly teamId: string;
  readonly calls: FakeSlackCall[];
  readonly ephemerals: FakeSlackEphemeral[];
  readonly responses: Array<{ id: string; body: any }>;
  readonly views: Map<string, FakeSlackView>;
  readonly homes: Map<string, any>;
  readonly socket: FakeSocketMode;
  private readonly limits: RateLimiter;
  private readonly latency: { ms: number };

  constructor(
    private readonly server: Server,
    private readonly state: SlackState,
    private readonly failures: FailureQueue,
    parts: { origin: string; teamId: string; calls: FakeSlackCall[]; socket: FakeSocketMode; limits: RateLimiter; latency: { ms: number } },
  ) {
    this.origin = parts.origin;
    this.apiUrl = `${parts.origin}/api/`;
    this.teamId = parts.teamId;
    this.calls = parts.calls;
    this.socket = parts.socket;
    this.limits = parts.limits;
    this.latency = parts.latency;
    this.ephemerals = state.ephemerals;
    this.responses = state.responses;
    this.views = state.views;
    this.homes = state.homes;
  }

  /** How long a trigger id from newTrigger() stays valid; Slack's is 3 s. */
  get triggerLifetimeMs(): number {
    return this.state.triggerLifetimeMs;
  }
  set triggerLifetimeMs(ms: number) {
    this.state.triggerLifetimeMs = ms;
  }

  /** The app's OAuth client credentials, checked by oauth.v2.access. */
  get oauthClient(): { id: string; secret: string } {
    return this.state.oauthClient;
  }
  set oauthClient(client: { id: string; secret: string }) {
    this.state.oauthClient = { ...client };
  }

  /** The Web API under a tag kept on every call made through it (FakeSlackCall.via): one per replica. */
  apiUrlVia(tag: string): string {
    return `${this.origin}/via/${tag}/api/`;
  }

  /** How long every Web API call waits before it is answered (0: at once). */
  get latencyMs(): number {
    return this.latency.ms;
  }
  set latencyMs(ms: number) {
    this.latency.ms = ms;
  }

  addTeam(team: FakeSlackTeam): void {
    this.state.addTeam(team);
  }

  team(id = this.teamId): FakeSlackTeam {
    const team = this.state.teams.get(id);
    if (!team) throw new Error(`fake Slack has no team ${id}`);
    return team;
  }

  addUser(user: FakeSlackUser): void {
    this.state.users.set(user.id, { ...user });
  }

  addChannel(channel: { id: string; teamId?: string; name: string; isPrivate?: boolean; isMpim?: boolean; members: string[] }): void {
    this.state.addChannel({ ...channel, teamId: channel.teamId ?? this.teamId });
  }

  removeFromChannel(channelId: string, userId: string): void {
    const channel = this.state.channel(channelId);
    channel.members = channel.members.filter((m) => m !== userId);
  }

  archiveChannel(channelId: string): void {
    this.state.channel(channelId).archived = true;
  }

  /** Files shared through files.uploadV2, completed or not, in upload order. */
  files(): FakeSlackFile[] {
    return [...this.state.files.values()];
  }

  /** The bot's IM channel id with a person ('D…'), as conversations.open answers. */
  imId(userId: string): string {
    return this.state.imId(userId);
  }

  /** A message a person wrote (not the bot), e.g. to thread under or to fail chat.update on. */
  postAsUser(channel: string, userId: string, text: string, threadTs?: string): FakeSlackMessage {
    const message: FakeSlackMessage = {
      channel: this.state.conversationKey(channel),
      ts: this.state.nextTs(),
      ...(threadTs ? { threadTs } : {}),
      text,
      user: userId,
      edited: false,
      updates: 0,
    };
    this.state.allMessages.push(message);
    return message;
  }

  /** From now on answers calls beyond Slack's limits with 429 + Retry-After (rate-limits.ts); null stops. */
  enforceRateLimits(rules: RateLimitRules | null): void {
    this.limits.enforce(rules);
  }

  failNext(method: string, failure: Failure): void {
    this.failures.add(method, failure);
  }

  /** Top-level messages and thread replies in a channel (or DM, by user or IM id), in posting order. */
  messages(channel: string): FakeSlackMessage[] {
    return this.state.messagesIn(this.state.conversationKey(channel));
  }

  thread(channel: string, ts: string): FakeSlackMessage[] {
    return this.messages(channel).filter((m) => m.threadTs === ts);
  }

  directMessages(userId: string): FakeSlackMessage[] {
    return this.state.messagesIn(userId);
  }

  newTrigger(userId: string): string {
    return this.state.newTrigger(userId);
  }

  /** A response_url for one interaction; with its owner, what is posted there counts as shown to them. */
  newResponseUrl(owner?: ResponseUrlOwner): string {
    const id = this.state.randomHex(12);
    this.state.responseUrlIds.set(id, owner ? { ...owner } : null);
    return `${this.origin}/response/${id}`;
  }

  /** Hands Slack the app's answer to a view_submission, as Slack applies it to the person's views. */
  acknowledgeSubmission(viewId: string, ack: unknown): void {
    applySubmissionAck(this.state, viewId, ack);
  }

  /**
   * Everything a person was shown, in order: posts in their DM and in every channel they are in,
   * and what was for them alone (ephemeral and response_url replies, modals, App Home).
   */
  seenBy(userId: string): FakeSlackShown[] {
    return this.state.shown.filter((s) => (s.user !== undefined ? s.user === userId : s.conversation !== undefined && this.state.canSee(userId, s.conversation)));
  }

  /** What everyone in a channel was shown there (not what one member alone saw). */
  seenIn(channelId: string): FakeSlackShown[] {
    return this.state.shown.filter((s) => s.user === undefined && s.conversation === channelId);
  }

  /** Registers an install code, as if a person approved the app; redeem it with oauth.v2.access. */
  authorizeCode(code: string, grant: FakeSlackAuthorization): void {
    this.state.codes.set(code, { ...grant, used: false });
  }

  calledTimes(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** Polls `probe` every 10 ms until it gives something other than undefined, null or false. */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = probe();
        if (value !== undefined && value !== null && value !== false) return value as T;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        const recent = this.calls
          .slice(-8)
          .map((c) => `${c.method} → ${c.status}${c.error ? ` ${c.error}` : ''}`)
          .join(', ');
        const threw = lastError ? ` The probe last threw: ${lastError instanceof Error ? lastError.message : String(lastError)}.` : '';
        throw new Error(`fake Slack: waitFor gave up after ${timeoutMs} ms.${threw} Latest calls: ${recent || 'none'}.`);
      }
      await sleep(10);
    }
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

export async function startFakeSlack(options: { teamId?: string } = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0001';
  const state = new SlackState();
  state.addTeam({ id: teamId, name: 'Lederrum Test', botToken: `xoxb-test-${teamId}`, botUserId: 'UBOT', botId: 'B0001' });
  const failures = new FailureQueue();
  const calls: FakeSlackCall[] = [];
  const handlers = { ...chatMethods, ...viewMethods, ...workspaceMethods, ...fileMethods };
  const limits = new RateLimiter();
  const latency = { ms: 0 };
  const server = createFakeSlackServer({ state, handlers, failures, calls, limits, latency });
  const socket = new FakeSocketMode(server, state);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return new FakeSlack(server, state, failures, { origin: `http://127.0.0.1:${port}`, teamId, calls, socket, limits, latency });
}
