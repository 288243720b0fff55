// The one route a message meant for one member may take on Teams: their personal chat with
// Lederrum (Teams has no ephemeral messages). Without a stored chat that works (never opened,
// the app removed from their personal scope, or a send there refused with 403/404), the chat is
// created through the Bot Connector from a conversation the bot shares with them, as Teams allows
// for members of a team or chat where the bot is installed. When Teams refuses that too, there is
// no private route: nothing is sent, and the caller gets NO_PRIVATE_ROUTE.
import { Channels, TurnContext, type ChannelAccount, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import { LederrumError, isLederrumError, type Logger } from '../../src/core/index.ts';
import type { TeamsConversationRecord, TeamsConversations } from './conversation-store.ts';
import { isRefused, statusOf, withThrottleRetry, type RetryPolicy, type Write } from './send.ts';

/** Creates (or gets back) the 1:1 conversation with a member; resolves to its conversation reference. */
export type OpenPersonalChat = (via: TeamsConversationRecord, memberId: string) => Promise<Record<string, unknown>>;

/**
 * Creates the 1:1 chat through the Bot Connector (POST /v3/conversations, CloudAdapter's
 * createConversationAsync) with the service URL, tenant and bot of a conversation the bot
 * shares with the member. Teams answers with the existing chat when there is one.
 */
export function personalChatOpener(adapter: CloudAdapter, appId: string, policy: RetryPolicy, logger: Logger): OpenPersonalChat {
  return async (via, memberId) => {
    const serviceUrl = String(via.reference['serviceUrl']);
    const bot = via.reference['bot'] as ChannelAccount;
    const tenantId = via.tenantId ?? undefined;
    const parameters: ConversationParameters = { isGroup: false, bot, members: [{ id: memberId } as ChannelAccount], tenantId, channelData: { tenant: { id: tenantId } } };
    let created: Record<string, unknown> | undefined;
    // No audience: the SDK then uses its default one, the Bot Framework channel scope.
    const audience = undefined as unknown as string;
    await withThrottleRetry(
      () =>
        adapter.createConversationAsync(appId, Channels.Msteams, serviceUrl, audience, parameters, async (context) => {
          created = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
        }),
      policy,
      logger,
    );
    if (!created) throw new Error('Teams did not run the create-conversation turn.');
    return { ...created, user: { id: memberId }, bot, activityId: undefined };
  };
}

export interface PrivateRoute {
  /**
   * Runs `logic` in the member's personal chat, opening it from one of the `via` conversations
   * when needed. Throws LederrumError NO_PRIVATE_ROUTE when Teams offers no such chat.
   */
  send<T>(member: { id: string; name: string }, via: string[], logic: (context: TurnContext) => Promise<T>): Promise<T>;
}

export interface PrivateRouteDeps {
  conversations: TeamsConversations;
  write: Write;
  open: OpenPersonalChat;
  logger: Logger;
  now: () => Date;
}

const gone = (error: unknown) => isLederrumError(error) && error.code === 'NOT_IN_CONVERSATION';

export function privateRoute(deps: PrivateRouteDeps): PrivateRoute {
  const { conversations, write, logger } = deps;

  /** Opens the chat through the first shared conversation Teams accepts; one attempt per service and tenant. */
  const openChat = async (memberId: string, via: string[]): Promise<string | null> => {
    const tried = new Set<string>();
    for (const id of via) {
      const shared = await conversations.find(id);
      if (!shared?.botPresent || shared.kind === 'personal') continue;
      const key = `${String(shared.reference['serviceUrl'])}|${shared.tenantId}`;
      if (tried.has(key)) continue;
      tried.add(key);
      let reference: Record<string, unknown>;
      try {
        reference = await deps.open(shared, memberId);
      } catch (error) {
        if (!isRefused(error)) throw new LederrumError('DELIVERY_FAILED', 'error.internal', { cause: error, detail: 'Teams: creating a personal chat failed' });
        logger.info('teams refused to open a personal chat', { via: shared.id, status: statusOf(error) });
        continue;
      }
      const chatId = (reference['conversation'] as { id?: string } | undefined)?.id;
      if (!chatId) continue;
      await conversations.remember({ id: chatId, kind: 'personal', tenantId: shared.tenantId, memberExternalId: memberId, reference }, deps.now());
      return chatId;
    }
    return null;
  };

  return {
    async send(member, via, logic) {
      const noRoute = (cause?: unknown) =>
        new LederrumError('NO_PRIVATE_ROUTE', 'platform.start_personal_chat', { params: { names: member.name }, cause, detail: `Teams: no personal chat with ${member.id}, and none could be opened` });
      const stored = await conversations.personalChatOf(member.id);
      if (stored) {
        try {
          return await write(stored.id, undefined, 'send (private)', logic);
        } catch (error) {
          // Refused there (the writer marked the chat as left): open it anew below.
          if (!gone(error)) throw error;
        }
      }
      const opened = await openChat(member.id, via);
      if (!opened) throw noRoute();
      try {
        return await write(opened, undefined, 'send (private)', logic);
      } catch (error) {
        throw gone(error) ? noRoute(error) : error;
      }
    },
  };
}
