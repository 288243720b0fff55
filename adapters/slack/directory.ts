// People as Slack describes them: name, time zone and locale from their profile (users.info),
// and the channels commands come from (conversations.info), cached for a while so a busy channel
// does not spend Slack's rate limit on the same profiles.
import { languageOfLocale, workspaceOf, type Actor, type Clock, type Language, type Logger, type Mention } from '../../src/core/index.ts';
import { scoped } from './ids.ts';
import type { Workspaces } from './workspaces.ts';
import { TtlCache } from './ttl-cache.ts';
import { type ChannelFacts, factsFromName, factsOf } from './channels.ts';

export interface SlackPerson {
  actor: Actor;
  isBot: boolean;
}

interface UserInfo {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  deleted?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

const PROFILE_TTL_MS = 15 * 60 * 1000;

export class SlackDirectory {
  private readonly cache: TtlCache<SlackPerson>;
  private readonly channels: TtlCache<ChannelFacts>;

  constructor(
    private readonly workspaces: Workspaces,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.cache = new TtlCache(clock, PROFILE_TTL_MS);
    this.channels = new TtlCache(clock, PROFILE_TTL_MS);
  }

  /** What a command from this channel should know of it (channels.ts); `given` is the name the command carried. */
  async channel(teamId: string, channelId: string, given?: string): Promise<ChannelFacts> {
    if (channelId.startsWith('D')) return { groupDm: false };
    const key = scoped(teamId, channelId);
    const hit = this.channels.fresh(key);
    if (hit) return hit;
    try {
      const client = await this.workspaces.client(teamId);
      return this.channels.set(key, factsOf((await client.conversations.info({ channel: channelId })).channel));
    } catch (error) {
      this.logger.debug('slack channel info unavailable, the command name is used', { teamId, error: error instanceof Error ? error.message : String(error) });
      return factsFromName(given);
    }
  }

  async person(teamId: string, userId: string, fallbackName?: string): Promise<SlackPerson> {
    const key = scoped(teamId, userId);
    const hit = this.cache.fresh(key);
    if (hit) return hit;
    try {
      const client = await this.workspaces.client(teamId);
      const result = await client.users.info({ user: userId, include_locale: true });
      return this.cache.set(key, toPerson(teamId, userId, result.user as UserInfo));
    } catch (error) {
      // A profile we cannot read must not stop the person's own action; the name is all we need.
      this.logger.warn('slack profile unavailable', { teamId, error: error instanceof Error ? error.message : String(error) });
      return { actor: { platform: 'slack', workspace: workspaceOf('slack', teamId), externalId: key, displayName: fallbackName ?? userId }, isBot: false };
    }
  }

  /** The person's language if their profile is already known: for words shown before any lookup. */
  knownLanguage(teamId: string, userId: string): Language | undefined {
    return this.cache.any(scoped(teamId, userId))?.actor.locale;
  }

  async actor(teamId: string, userId: string, fallbackName?: string): Promise<Actor> {
    return (await this.person(teamId, userId, fallbackName)).actor;
  }

  /**
   * The people a command mentions, as the core's mentions, and each one's display name by user
   * id (for the command's text). Bots are named in the text but are no one to give a role.
   */
  async mentioned(teamId: string, users: Array<{ userId: string; name?: string }>): Promise<{ mentions: Mention[]; names: Map<string, string> }> {
    const found = await Promise.all(users.map((u) => this.person(teamId, u.userId, u.name)));
    const names = new Map(users.map((u, i) => [u.userId, found[i]!.actor.displayName]));
    const mentions = found
      .filter((p) => !p.isBot)
      .map(({ actor }) => ({ workspace: actor.workspace, externalId: actor.externalId, displayName: actor.displayName, ...(actor.fullName ? { fullName: actor.fullName } : {}) }));
    return { mentions, names };
  }
}

function toPerson(teamId: string, userId: string, user: UserInfo): SlackPerson {
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || userId;
  // The real name too: admins name people by it (`hr tildel Bo Nielsen`), whatever display name they chose.
  const fullName = user.profile?.real_name || user.real_name;
  const locale = languageOfLocale(user.locale);
  return {
    actor: {
      platform: 'slack',
      workspace: workspaceOf('slack', teamId),
      externalId: scoped(teamId, userId),
      displayName,
      ...(fullName ? { fullName } : {}),
      ...(locale ? { locale } : {}),
      ...(user.tz ? { timeZone: user.tz } : {}),
      // Workspace admins and owners may grant the HR role (polls).
      ...(user.is_admin || user.is_owner ? { admin: true } : {}),
    },
    isBot: Boolean(user.is_bot) || Boolean(user.deleted) || userId === 'USLACKBOT',
  };
}
