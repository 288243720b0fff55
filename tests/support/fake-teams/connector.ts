// The Bot Connector REST API v3 as botframework-connector's ConnectorClient and TeamsConnectorClient
// call it (paths from connectorApi/operations/conversations.js and teams/operations/teams.js),
// with the status codes and `{error:{code,message}}` bodies Teams answers with.
import { baseConversationId, type ConnectorState, type ConversationState } from './state.ts';
import type { ConnectorFailure, FakeTeamsMember, RecordedActivity, RecordedOp } from './types.ts';

export interface ConnectorRequest {
  method: string;
  /** Path segments after /v3/, URL-decoded. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  /** The request body's size in bytes, as sent. */
  bytes?: number;
  authorization?: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ConnectorDeps {
  state: ConnectorState;
  recorded: RecordedActivity[];
  serviceUrl: string;
  tenantId: () => string;
  /** Why the request's Authorization is refused (app-id mode), or undefined to let it through. */
  rejectAuthorization: (authorization: string | undefined) => string | undefined;
}

const fail = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });
/** Teams refuses an activity over about 28 KB with 413 MessageSizeTooBig. */
export const MAX_ACTIVITY_BYTES = 28 * 1024;
const notFound = () => fail(404, 'ConversationNotFound', 'Conversation not found.');
const notInRoster = () => fail(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
const isRecord = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

function failureReply(failure: ConnectorFailure): Reply {
  if (failure.status === 429) {
    return { ...fail(429, 'Throttled', 'Too many requests. Retry after the time given in Retry-After.'), headers: { 'retry-after': String(failure.retryAfterSeconds ?? 1) } };
  }
  return failure.status === 500 ? fail(500, 'ServiceError', 'An internal service error occurred.') : fail(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
}

function teamsAccount(m: FakeTeamsMember, tenantId: string) {
  const [givenName, ...rest] = m.name.split(' ');
  return {
    id: m.id,
    name: m.name,
    aadObjectId: m.aadObjectId,
    givenName,
    surname: rest.join(' ') || undefined,
    ...(m.email ? { email: m.email } : {}),
    ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
    tenantId: m.tenantId ?? tenantId,
    userRole: 'user',
  };
}

/** Which activity operation a request is, if it is one (these get recorded and can be failed). */
function activityOp(method: string, s: string[]): RecordedOp | undefined {
  if (s[0] !== 'conversations') return undefined;
  if (method === 'POST' && s.length === 1) return 'create_conversation';
  if (s[2] !== 'activities') return undefined;
  if (method === 'POST' && s.length === 3) return 'send';
  if (s.length !== 4 || s[3] === 'history') return undefined;
  return method === 'POST' ? 'reply' : method === 'PUT' ? 'update' : method === 'DELETE' ? 'delete' : undefined;
}

export function handleConnector(deps: ConnectorDeps, req: ConnectorRequest): Reply {
  const s = req.segments;
  const op = activityOp(req.method, s);
  const record = (reply: Reply, conversationId: string, activityId: string): Reply => {
    if (!op) return reply;
    deps.recorded.push({
      op,
      conversationId,
      activityId,
      ...(op === 'reply' ? { replyToId: s[3] } : {}),
      activity: req.body,
      ...(req.authorization !== undefined ? { authorization: req.authorization } : {}),
      at: Date.now(),
      status: reply.status,
    });
    return reply;
  };
  const pathConversation = s[0] === 'conversations' ? (s[1] ?? '') : '';
  const pathActivity = op && op !== 'send' && op !== 'create_conversation' ? (s[3] ?? '') : '';

  if (deps.rejectAuthorization(req.authorization) !== undefined) {
    return record({ status: 401, body: { message: 'Authorization has been denied for this request.' } }, pathConversation, pathActivity);
  }
  const failure = op && op !== 'delete' ? deps.state.takeFailure(op) : undefined;
  if (failure) return record(failureReply(failure), pathConversation, pathActivity);

  if (op === 'create_conversation') return createConversation(deps, req.body, record);
  if (s[0] === 'teams' && req.method === 'GET') return teamRoutes(deps, s);
  if (s[0] !== 'conversations' || !s[1]) return fail(404, 'NotFound', `No route for ${req.method} /v3/${s.join('/')}`);

  const found = deps.state.resolve(pathConversation);
  if (found.length === 0) return record(notFound(), pathConversation, pathActivity);
  if (found.some((c) => c.botRemoved)) return record(notInRoster(), pathConversation, pathActivity);
  const target = found[0] as ConversationState;

  if ((op === 'send' || op === 'reply' || op === 'update') && (req.bytes ?? 0) > MAX_ACTIVITY_BYTES) {
    return record(fail(413, 'MessageSizeTooBig', 'Message size too big.'), pathConversation, pathActivity);
  }
  if (op === 'send' || op === 'reply') {
    if (!isRecord(req.body) || typeof req.body['type'] !== 'string') return record(fail(400, 'BadArgument', 'Activity must be an object with a type.'), pathConversation, pathActivity);
    const id = deps.state.nextActivityId();
    target.activities.add(id);
    return record({ status: 201, body: { id } }, pathConversation, id);
  }
  if (op === 'update' || op === 'delete') {
    if (!target.activities.has(pathActivity)) {
      return record(fail(404, 'ActivityNotFoundInConversation', 'The message ID provided could not be found in the conversation.'), pathConversation, pathActivity);
    }
    if (op === 'delete') target.activities.delete(pathActivity);
    return record({ status: 200, body: op === 'update' ? { id: pathActivity } : undefined }, pathConversation, pathActivity);
  }
  if (req.method === 'GET') return memberRoutes(deps, s, req.query, found);
  return fail(405, 'MethodNotAllowed', `${req.method} /v3/${s.join('/')} is not supported by the fake`);
}

function memberRoutes(deps: ConnectorDeps, s: string[], query: URLSearchParams, found: ConversationState[]): Reply {
  const roster = deps.state.roster(found).map((m) => teamsAccount(m, deps.tenantId()));
  if (s[2] === 'members' && s.length === 3) return { status: 200, body: roster };
  if (s[2] === 'members' && s.length === 4) {
    const member = roster.find((m) => m.id === s[3] || m.aadObjectId === s[3]);
    return member ? { status: 200, body: member } : fail(404, 'MemberNotFoundInConversation', 'The member could not be found in the conversation.');
  }
  if (s[2] === 'pagedmembers' && s.length === 3) {
    const pageSize = Math.max(1, Number(query.get('pageSize') ?? 200) || 200);
    const token = query.get('continuationToken');
    const start = token
      ? Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        )
      : 0;
    if (!Number.isInteger(start) || start < 0 || start > roster.length) return fail(400, 'BadArgument', 'Invalid continuation token.');
    const end = start + pageSize;
    const continuationToken = end < roster.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined;
    return { status: 200, body: { members: roster.slice(start, end), ...(continuationToken ? { continuationToken } : {}) } };
  }
  return fail(404, 'NotFound', `No route for GET /v3/${s.join('/')}`);
}

function teamRoutes(deps: ConnectorDeps, s: string[]): Reply {
  const teamId = s[1] ?? '';
  const channels = [...deps.state.conversations.values()].filter((c) => c.conversation.teamId === teamId);
  if (channels.length === 0) return fail(404, 'NotFound', 'Team not found.');
  if (channels.some((c) => c.botRemoved)) return notInRoster();
  if (s.length === 2) {
    const name = channels.find((c) => c.conversation.name)?.conversation.name;
    return { status: 200, body: { id: teamId, name, aadGroupId: `aad-group-${teamId.replace(/\W/g, '').slice(-12)}` } };
  }
  if (s.length === 3 && s[2] === 'conversations') {
    return { status: 200, body: { conversations: channels.map((c) => ({ id: c.conversation.id, name: c.conversation.channelName ?? null })) } };
  }
  return fail(404, 'NotFound', `No route for GET /v3/${s.join('/')}`);
}

function createConversation(deps: ConnectorDeps, body: unknown, record: (r: Reply, conversationId: string, activityId: string) => Reply): Reply {
  if (!isRecord(body)) return record(fail(400, 'BadArgument', 'Conversation parameters are required.'), '', '');
  const channelId: unknown = body['channelData']?.channel?.id;
  const activity = isRecord(body['activity']) ? body['activity'] : undefined;
  if (typeof channelId === 'string') {
    // A new thread in a channel: needs the opening activity.
    const found = deps.state.resolve(channelId);
    if (found.length === 0) return record(notFound(), channelId, '');
    if (found.some((c) => c.botRemoved)) return record(notInRoster(), channelId, '');
    if (!activity) return record(fail(400, 'BadArgument', 'An activity is required to start a channel conversation.'), channelId, '');
    const activityId = deps.state.nextActivityId();
    const id = `${baseConversationId(channelId)};messageid=${activityId}`;
    found[0]?.activities.add(activityId);
    return record({ status: 201, body: { id, activityId, serviceUrl: deps.serviceUrl } }, id, activityId);
  }
  const members: unknown[] = Array.isArray(body['members']) ? body['members'] : [];
  const memberId: unknown = isRecord(members[0]) ? members[0]['id'] : undefined;
  if (members.length !== 1 || typeof memberId !== 'string') {
    return record(fail(400, 'BadArgument', 'Exactly one member is required for a personal conversation.'), '', '');
  }
  // Teams needs the tenant to find the user in (tenantId, or channelData.tenant.id).
  const tenantId: unknown = body['tenantId'] ?? body['channelData']?.tenant?.id;
  if (typeof tenantId !== 'string' || !tenantId) return record(fail(400, 'BadArgument', 'A tenant id is required to create a personal conversation.'), '', '');
  const member = deps.state.reachableMember(memberId);
  if (!member) return record(fail(403, 'Forbidden', "Bot is not installed in user's personal scope"), '', '');
  const chat = deps.state.personalChatWith(member, tenantId);
  if (chat.botRemoved) return record(fail(403, 'Forbidden', "Bot is not installed in user's personal scope"), chat.conversation.id, '');
  const activityId = activity ? deps.state.nextActivityId() : '';
  if (activityId) chat.activities.add(activityId);
  return record({ status: 201, body: { id: chat.conversation.id, ...(activityId ? { activityId } : {}), serviceUrl: deps.serviceUrl } }, chat.conversation.id, activityId);
}
