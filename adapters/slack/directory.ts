// People as Slack describes them: name, time zone and locale from their profile (users.info),
// cached for a while so a busy channel does not spend Slack's rate limit on the same profiles.
import { languageOfLocale, workspaceOf, type Actor, type Clock, type Language, type Logger } from '../../src/core/index.ts';
import { scoped } from './ids.ts';
import type { Workspaces } from './workspaces.ts';

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
  private readonly cache = new Map<string, { person: SlackPerson; until: number }>();

  constructor(
    private readonly workspaces: Workspaces,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async person(teamId: string, userId: string, fallbackName?: string): Promise<SlackPerson> {
    const key = scoped(teamId, userId);
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.person;
    try {
      const client = await this.workspaces.client(teamId);
      const result = await client.users.info({ user: userId, include_locale: true });
      const person = toPerson(teamId, userId, result.user as UserInfo);
      this.cache.set(key, { person, until: now + PROFILE_TTL_MS });
      return person;
    } catch (error) {
      // A profile we cannot read must not stop the person's own action; the name is all we need.
      this.logger.warn('slack profile unavailable', { teamId, error: error instanceof Error ? error.message : String(error) });
      return { actor: { platform: 'slack', workspace: workspaceOf('slack', teamId), externalId: key, displayName: fallbackName ?? userId }, isBot: false };
    }
  }

  /** The person's language if their profile is already known: for words shown before any lookup. */
  knownLanguage(teamId: string, userId: string): Language | undefined {
    return this.cache.get(scoped(teamId, userId))?.person.actor.locale;
  }

  async actor(teamId: string, userId: string, fallbackName?: string): Promise<Actor> {
    return (await this.person(teamId, userId, fallbackName)).actor;
  }
}

function toPerson(teamId: string, userId: string, user: UserInfo): SlackPerson {
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || userId;
  const locale = languageOfLocale(user.locale);
  return {
    actor: {
      platform: 'slack',
      workspace: workspaceOf('slack', teamId),
      externalId: scoped(teamId, userId),
      displayName,
      ...(locale ? { locale } : {}),
      ...(user.tz ? { timeZone: user.tz } : {}),
      // Workspace admins and owners may grant the HR role (polls).
      ...(user.is_admin || user.is_owner ? { admin: true } : {}),
    },
    isBot: Boolean(user.is_bot) || Boolean(user.deleted) || userId === 'USLACKBOT',
  };
}
