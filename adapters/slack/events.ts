// Slack's Events API: channel membership, App Home (its Home tab's view; the Messages tab's first
// opening welcomes the person there), text commands by mention or in the private
// chat, and the app's own installation. Bolt acknowledges events itself before these run. A
// retried event (same event_id; X-Slack-Retry-Num on HTTP) has no second effect: the database
// records each event id once, across replicas. The work goes through the bounded queue (a full
// queue tells the person who wrote "busy"); membership and uninstall events, which nobody can be
// told about and which must not be lost, take a place even beyond the queue's limit.
import type { App } from '@slack/bolt';
import { directPlace, placeOf, homeOpenedSchema, memberEventSchema, textEventSchema, tokensRevokedSchema } from './parse.ts';
import { sendParts } from './split.ts';
import type { CommandOrigin, ListenerDeps } from './listeners.ts';
import { busyTo, publishHome, queued, takeOn } from './listeners.ts';
import { homeView } from './render.ts';
import type { ShowMessage } from './replies.ts';
import type { WebClient } from '@slack/web-api';

type RunCommand = (deps: ListenerDeps, client: WebClient, text: string, origin: CommandOrigin) => Promise<void>;

/** The events a listener below takes; any other is acknowledged and logged at debug (unhandled.ts). */
export const HANDLED_EVENTS: ReadonlySet<string> = new Set([
  'member_joined_channel',
  'member_left_channel',
  'app_home_opened',
  'app_mention',
  'message',
  'app_uninstalled',
  'tokens_revoked',
  'channel_left',
  'group_left',
]);

/** Events taken on even beyond the limit never need a busy reply. */
const noOne = async () => undefined;

export function registerEvents(app: App, deps: ListenerDeps, runCommand: RunCommand): void {
  const firstTime = async (body: unknown, retryNum: number | undefined): Promise<boolean> => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return true;
    const first = await deps.deliveries.first('slack', eventId, deps.clock.now());
    if (!first) deps.logger.debug('slack event repeated, ignored', { eventId, retryNum });
    return first;
  };

  for (const type of ['member_joined_channel', 'member_left_channel'] as const) {
    app.event(type, async ({ event, body, context }) => {
      const parsed = memberEventSchema.safeParse(event);
      if (!parsed.success) return deps.logger.warn('slack event malformed', { type });
      const { user, channel, team } = parsed.data;
      await takeOn(
        deps,
        type,
        deps.work.reserveAlways(),
        queued(async () => {
          if (!(await firstTime(body, context.retryNum))) return;
          const teamId = context.teamId ?? team ?? '';
          if (user === context.botUserId) return deps.logger.info(`slack bot ${type === 'member_joined_channel' ? 'added to' : 'removed from'} a channel`, { teamId });
          const person = await deps.directory.person(teamId, user);
          if (person.isBot) return;
          const reply = await deps.core.handle({ type: type === 'member_joined_channel' ? 'member_joined' : 'member_left', actor: person.actor, place: placeOf(teamId, channel) });
          if (reply.kind === 'message') deps.logger.debug('slack membership change answered', { type });
        }),
        noOne,
      );
    });
  }

  app.event('app_home_opened', async ({ event, context, client }) => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success) return;
    const teamId = context.teamId ?? '';
    const { user, channel, tab } = parsed.data;
    if (tab === 'messages') {
      // The private chat opened: the first time, a welcome there. Slack sends this at every
      // opening; the core says it once (the database remembers). Busy: nobody asked for
      // anything, so nothing is said, and the next opening welcomes instead.
      if (channel)
        await takeOn(
          deps,
          'app_home_opened',
          deps.work.reserve(),
          queued(() => greetInChat(deps, client, teamId, user, channel)),
          noOne,
        );
      return;
    }
    if (tab !== undefined && tab !== 'home') return;
    // Busy: the home tab says so, and is filled the next time it is opened.
    const showHome: ShowMessage = (message) => client.views.publish({ user_id: user, view: homeView(message) });
    await takeOn(
      deps,
      'app_home_opened',
      deps.work.reserve(),
      queued(() => publishHome(deps, client, teamId, user)),
      busyTo(deps, teamId, user, showHome),
    );
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    const parsed = textEventSchema.safeParse(event);
    if (!parsed.success) return deps.logger.warn('slack event malformed', { type: 'app_mention' });
    const { user, channel, text, thread_ts: thread } = parsed.data;
    const teamId = context.teamId ?? '';
    // Asked in a thread, answered in that thread.
    const show: ShowMessage = (message) => sendParts(message, (part) => client.chat.postEphemeral({ channel, user, ...part, ...(thread ? { thread_ts: thread } : {}) }));
    const origin: CommandOrigin = { teamId, userId: user, channelId: channel, triggerId: null, ...(context.botUserId ? { botUserId: context.botUserId } : {}), show };
    // runCommand drops the bot's own mention and turns the others into the people named.
    const work = async () => (await firstTime(body, context.retryNum)) && runCommand(deps, client, text, origin);
    await takeOn(deps, 'app_mention', deps.work.reserve(), queued(work), busyTo(deps, teamId, user, show));
  });

  app.event('message', async ({ event, body, context, client }) => {
    const parsed = textEventSchema.safeParse(event);
    // Only plain messages people write to Lederrum in its private chat are commands.
    if (!parsed.success || parsed.data.channel_type !== 'im' || parsed.data.subtype || parsed.data.bot_id) return;
    const { user, channel, text, thread_ts: thread } = parsed.data;
    const teamId = context.teamId ?? '';
    const show: ShowMessage = (message) => sendParts(message, (part) => client.chat.postMessage({ channel, ...part, ...(thread ? { thread_ts: thread } : {}) }));
    const origin: CommandOrigin = { teamId, userId: user, channelId: channel, triggerId: null, ...(context.botUserId ? { botUserId: context.botUserId } : {}), show };
    const work = async () => (await firstTime(body, context.retryNum)) && runCommand(deps, client, text, origin);
    await takeOn(deps, 'message', deps.work.reserve(), queued(work), busyTo(deps, teamId, user, show));
  });

  // An org-wide install is kept under its enterprise id, a workspace install under its team id.
  const installationOf = (context: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) => (context.isEnterpriseInstall ? context.enterpriseId : context.teamId) ?? '';

  // Slack may retry either, and sends both at an uninstall: the removal is scheduled once.
  app.event('app_uninstalled', async ({ body, context }) => {
    const work = async () => (await firstTime(body, context.retryNum)) && deps.onUninstalled(installationOf(context));
    await takeOn(deps, 'app_uninstalled', deps.work.reserveAlways(), queued(work), noOne);
  });

  app.event('tokens_revoked', async ({ event, body, context }) => {
    const parsed = tokensRevokedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tokens.bot?.length ?? 0) === 0) return;
    const work = async () => (await firstTime(body, context.retryNum)) && deps.onUninstalled(installationOf(context));
    await takeOn(deps, 'tokens_revoked', deps.work.reserveAlways(), queued(work), noOne);
  });

  for (const type of ['channel_left', 'group_left'] as const) {
    app.event(type, async ({ context }) => {
      deps.logger.warn('slack bot removed from a channel: posts there are refused until it is invited back', { teamId: context.teamId });
    });
  }
}

/** The welcome in the person's private chat with Lederrum (its IM channel), if the core has one for them. */
async function greetInChat(deps: ListenerDeps, client: WebClient, teamId: string, userId: string, channel: string): Promise<void> {
  const actor = await deps.directory.actor(teamId, userId);
  const reply = await deps.core.handle({ type: 'chat_opened', actor, place: directPlace(teamId, userId) });
  if (reply.kind === 'message') await sendParts(reply.message, (part) => client.chat.postMessage({ channel, ...part }));
}
