// The shapes the fake Slack keeps and hands to tests: workspace parts, recorded calls, messages
// and views, and the programmable failures. Kept apart so every other module can share them.

export interface FakeSlackUser {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  displayName?: string;
  tz?: string;
  locale?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** A workspace admin (users.info answers is_admin: true). */
  isAdmin?: boolean;
}

export interface FakeSlackTeam {
  id: string;
  name: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export interface FakeSlackChannel {
  id: string;
  teamId: string;
  name: string;
  isPrivate: boolean;
  /** A multi-person DM ("mpdm-…"), not a channel. */
  isMpim: boolean;
  members: string[];
  archived: boolean;
}

export interface FakeSlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
  status: number;
  at: number;
  /** The error code answered (`ok: false`), or `ratelimited`/`http_5xx` for programmed failures. */
  error?: string;
  /** The tag of the API URL it came through (FakeSlack.apiUrlVia), telling callers apart. */
  via?: string;
}

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  /** The author: the bot user id for what the app posted. */
  user: string;
  edited: boolean;
  updates: number;
}

/**
 * One thing Slack showed, and to whom: everyone in a conversation (a channel, or a DM filed under
 * the person's user id), or one person only (ephemeral, response_url reply, modal, App Home).
 */
export interface FakeSlackShown {
  kind: 'message' | 'update' | 'ephemeral' | 'response' | 'view' | 'home';
  /** Set when only this person sees it. */
  user?: string;
  /** The conversation it appeared in: channel id, or the user id for a DM. */
  conversation?: string;
  text: string;
  blocks?: unknown[];
  /** The message's ts (message, update), or the view's id (view, home). */
  ref?: string;
  /** The thread it was posted in, if any. */
  threadTs?: string;
}

/** Who a response_url belongs to: the person who acted, where they acted. */
export interface ResponseUrlOwner {
  userId: string;
  channel: string;
}

export interface FakeSlackEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown[];
  /** The thread it was shown in (chat.postEphemeral's thread_ts). */
  threadTs?: string;
}

/** A view as Slack stores it; `view` is the full object Slack answered with (id, hash, state…). */
export interface FakeSlackView {
  id: string;
  teamId: string;
  userId: string;
  // Block Kit is open-ended and tests reach deep into it.
  view: any;
  hash: string;
  opens: 'open' | 'push' | 'home';
  closed?: boolean;
}

export interface Failure {
  status?: 429 | 500 | 503;
  /**
   * Holds the answer this long first (a hung or slow Slack); alone, the call then gets its normal
   * answer, so what it does (a message posted) happens only once the answer goes.
   */
  hangMs?: number;
  retryAfterSeconds?: number;
  /** The `ok: false` error code, answered with HTTP 200 (or inside the 429 body). */
  error?: string;
  /** How many calls this failure answers; default 1. */
  times?: number;
  when?: (args: Record<string, unknown>) => boolean;
}

/** What a user approved in the OAuth install flow, redeemable once through oauth.v2.access. */
export interface FakeSlackAuthorization {
  teamId: string;
  teamName?: string;
  scopes?: string[];
  botToken?: string;
  botUserId?: string;
  botId?: string;
  userId: string;
  redirectUri?: string;
}

export type Args = Record<string, unknown>;

/** A Web API answer body: `{ ok: true, ... }` or `{ ok: false, error }`. */
export type SlackReply = { ok: boolean } & Record<string, unknown>;
