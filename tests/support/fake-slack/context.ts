// What a Web API method handler gets to work with, and the bot-token gate most methods sit behind
// (not_authed without a token, invalid_auth for one no workspace issued).
import type { SlackState } from './state.ts';
import type { Args, FakeSlackTeam, SlackReply } from './types.ts';
import { fail } from './validate.ts';

export interface CallContext {
  state: SlackState;
  args: Args;
  token: string | undefined;
  /** client_id/client_secret from an HTTP Basic Authorization header, if one was sent. */
  basicAuth: { id: string; secret: string } | undefined;
  /** 'http://127.0.0.1:PORT' */
  origin: string;
}

export interface BotContext extends CallContext {
  team: FakeSlackTeam;
}

export type Handler = (ctx: CallContext) => SlackReply;

export function asBot(handler: (ctx: BotContext) => SlackReply): Handler {
  return (ctx) => {
    if (!ctx.token) return fail('not_authed');
    const team = ctx.state.teamByToken(ctx.token);
    if (!team) return fail('invalid_auth');
    return handler({ ...ctx, team });
  };
}
