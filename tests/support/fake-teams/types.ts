// The shapes the fake Teams keeps and hands to tests: members, conversations, what the bot sent
// (recorded activities, including failed attempts) and programmable failures. Kept apart so the
// connector, the identity provider and the activity builders share one definition.

export interface FakeTeamsMember {
  /** Teams user id as the connector reports it: '29:…'. */
  id: string;
  /** Entra (AAD) object id of the user. */
  aadObjectId: string;
  name: string;
  userPrincipalName?: string;
  email?: string;
  tenantId?: string;
}

export type ConversationType = 'personal' | 'channel' | 'groupChat';

/** A conversation as the activity builders need it (no roster). */
export interface ConversationRef {
  /** For a channel: the channel id ('19:…@thread.tacv2'), optionally with ';messageid=…' for a thread. */
  id: string;
  type: ConversationType;
  teamId?: string;
  /** Team name (channel conversations) or chat name (group chats). */
  name?: string;
  /** Channel name for channel conversations (Teams sends none for the General channel). */
  channelName?: string;
  /**
   * For a channel: a standard one (the default) has the team's roster — the General channel's,
   * whose conversation id is the team id, when the fake has it; a private or shared one its own.
   */
  channelType?: 'standard' | 'private' | 'shared';
  tenantId?: string;
}

export interface FakeConversation extends ConversationRef {
  members: FakeTeamsMember[];
}

export type RecordedOp = 'send' | 'reply' | 'update' | 'delete' | 'create_conversation';

export interface RecordedActivity {
  op: RecordedOp;
  /** The conversation id from the request path (or the created conversation's id), URL-decoded. */
  conversationId: string;
  /** The id the connector answered with, or the id addressed ('' when the call failed before one existed). */
  activityId: string;
  /** For 'reply': the activity replied to (from the path). */
  replyToId?: string;
  /** The JSON body the bot sent (the create-conversation parameters for 'create_conversation'). */
  activity: any;
  /** The Authorization header as received, if any. */
  authorization?: string;
  at: number;
  /** The HTTP status the fake answered. */
  status: number;
}

/**
 * 'post' is either 'send' or 'reply': botbuilder posts almost everything as a reply (in a turn to
 * the incoming activity, in continueConversationAsync to its random continuation-activity id).
 */
export type FailableOp = 'send' | 'reply' | 'update' | 'create_conversation' | 'post';

export interface ConnectorFailure {
  status: 429 | 500 | 503;
  /** For 429: the Retry-After header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How many matching calls fail (default 1). */
  times?: number;
}

/** One HTTP request the fake served (connector, identity provider or anything else). */
export interface FakeRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  status: number;
  authorization?: string;
  at: number;
}

/** The app registration the fake identity provider knows (from botFrameworkConfig). */
export interface FakeApp {
  appId: string;
  password: string;
  type: 'MultiTenant' | 'SingleTenant';
  tenantId?: string;
}
