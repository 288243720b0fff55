// The fake Teams a test starts: one loopback HTTP server that is both the Bot Connector service
// (the activities' serviceUrl) and the identity provider, plus the handles tests use to set up
// conversations, program failures and read back what the bot sent.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { FakeIdentityProvider } from './identity.ts';
import { createFakeTeamsServer, type ServerDeps } from './server.ts';
import { baseConversationId, ConnectorState } from './state.ts';
import type { ConnectorFailure, FailableOp, FakeApp, FakeConversation, FakeRequest, FakeTeamsMember, RecordedActivity } from './types.ts';

export class FakeConnector {
  /** Every activity operation the bot attempted, failed ones included (status 401/403/404/429/5xx). */
  readonly recorded: RecordedActivity[] = [];
  /** Every HTTP request the fake served: connector, OpenID metadata, keys, token endpoint. */
  readonly requests: FakeRequest[] = [];
  tenantId = 'tenant-0001';
  /**
   * Whether connector calls need a bearer token from the fake's token endpoint (401 otherwise).
   * Turned on when identity.botFrameworkConfig()/credentialsFactory() registers an app.
   */
  requireAuth = false;
  readonly serviceUrl: string;
  readonly identity: FakeIdentityProvider;
  private readonly state = new ConnectorState();
  /** What the HTTP server reads per request (built here, once the port and so the URLs are known). */
  private readonly deps: ServerDeps;
  private closed = false;

  private constructor(
    private readonly server: Server,
    port: number,
  ) {
    const origin = `http://127.0.0.1:${port}`;
    this.serviceUrl = `${origin}/`;
    this.identity = new FakeIdentityProvider(origin, () => {
      this.requireAuth = true;
    });
    this.deps = {
      connector: {
        state: this.state,
        recorded: this.recorded,
        serviceUrl: this.serviceUrl,
        tenantId: () => this.tenantId,
        rejectAuthorization: (authorization) => (this.requireAuth ? this.identity.rejectAccessToken(authorization) : undefined),
      },
      identity: this.identity,
      requests: this.requests,
    };
  }

  /** @internal use startFakeConnector() */
  static async listen(): Promise<FakeConnector> {
    let fake: FakeConnector | undefined;
    const server = createFakeTeamsServer(() => {
      if (!fake) throw new Error('fake-teams: request before the fake was ready');
      return fake.deps;
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    fake = new FakeConnector(server, (server.address() as AddressInfo).port);
    return fake;
  }

  addConversation(c: FakeConversation): void {
    this.state.add({ ...c, tenantId: c.tenantId ?? this.tenantId });
  }

  /** Afterwards the connector answers 403 {error:{code:'BotNotInConversationRoster'}} there (a team id removes it from all channels). */
  removeBot(conversationId: string): void {
    this.state.removeBot(conversationId);
  }

  /** Adds a member to a conversation's roster; to a team's (all its standard channels) when given the General channel / team id. */
  addMember(conversationId: string, member: FakeTeamsMember): void {
    this.state.addMember(conversationId, member);
  }

  /** Removes a member from a conversation's roster; given a team id, from every channel of that team. */
  removeMember(conversationId: string, memberId: string): void {
    this.state.removeMember(conversationId, memberId);
  }

  failNext(op: FailableOp, failure: ConnectorFailure): void {
    this.state.failNext(op, failure);
  }

  /** Successful sends, replies and updates in that conversation (and its threads), in order. */
  sent(conversationId: string): RecordedActivity[] {
    return this.recorded.filter(
      (r) => (r.op === 'send' || r.op === 'reply' || r.op === 'update') && r.status < 300 && (r.conversationId === conversationId || r.conversationId.startsWith(`${conversationId};messageid=`)),
    );
  }

  /**
   * Everything a member was shown: each activity the bot posted, and each version it updated one
   * to, in every conversation whose roster has the member (their personal chat, their channels).
   * A conversation opened with its first activity (POST /v3/conversations) counts with it.
   */
  seenBy(memberId: string): RecordedActivity[] {
    const inRoster = (conversationId: string) =>
      this.state.resolve(baseConversationId(conversationId)).some((c) => c.conversation.members.some((m) => m.id === memberId || m.aadObjectId === memberId));
    return this.recorded.filter((r) => shown(r) && inRoster(r.conversationId));
  }

  /** What everyone in one conversation (and its threads) was shown there. */
  seenIn(conversationId: string): RecordedActivity[] {
    const base = baseConversationId(conversationId);
    return this.recorded.filter((r) => shown(r) && baseConversationId(r.conversationId) === base);
  }

  /** The 1:1 conversation POST /v3/conversations opened for that member ('29:…' or AAD object id). */
  personalChatOf(memberId: string): string | undefined {
    return this.state.personalChats.get(memberId);
  }

  /** Shorthand for identity.credentialsFactory(app): the outbound-auth hook for app-id mode. */
  credentialsFactory(app: FakeApp): ServiceClientCredentialsFactory {
    return this.identity.credentialsFactory(app);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`fake-teams: waitFor timed out after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const server = this.server;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

/** A recorded operation that put something in front of people; its activity is `shownActivity(r)`. */
function shown(r: RecordedActivity): boolean {
  if (r.status >= 300) return false;
  if (r.op === 'create_conversation') return r.activity?.activity !== undefined;
  return r.op === 'send' || r.op === 'reply' || r.op === 'update';
}

/** The activity people saw: the body sent, or the first activity of a conversation the bot opened. */
export function shownActivity(r: RecordedActivity): any {
  return r.op === 'create_conversation' ? r.activity?.activity : r.activity;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  return FakeConnector.listen();
}
