// How fast Lederrum may write, per platform, as lanes the outbox paces: a message waits for its
// conversation's lane (Slack: about one post a second in a channel, a DM included; Teams: a
// few a second in one conversation) and for its workspace's pool (Slack's limit for one app
// in one workspace; Teams' for one bot in one tenant). Every replica reads and moves the same
// lanes in the database, so adding replicas never sends faster than the platform allows.
import type { Person, Platform } from '../core/index.ts';

export interface PlatformPace {
  /** Milliseconds between two messages in one conversation. */
  conversationMs: number;
  /** Milliseconds between two messages in one workspace (the app's or bot's overall rate). */
  workspaceMs: number;
}

export type Pacing = Record<Platform, PlatformPace>;

/**
 * Slack: chat.postMessage allows about one message per second per channel and "several hundred
 * per minute" per workspace (we take 300, one per 200 ms). Teams: per bot and conversation 7 in
 * 1 s and 60 in 30 s (one per 500 ms stays under both), per bot and tenant about 50 a second
 * (one per 25 ms). The playground is local: no limits.
 */
export const PLATFORM_PACING: Pacing = {
  slack: { conversationMs: 1000, workspaceMs: 200 },
  teams: { conversationMs: 500, workspaceMs: 25 },
  playground: { conversationMs: 0, workspaceMs: 0 },
};

/** The lanes of a private message to the person. */
export function lanesOf(person: Person): { lane: string; pool: string } {
  return { lane: `${person.platform}|${person.workspace}|${person.externalId}`, pool: `${person.platform}|${person.workspace}` };
}

/** The interval of a lane or pool, read back from its name. */
export function intervalOf(pacing: Pacing, key: string): number {
  const [platform, , externalId] = key.split('|');
  const pace = pacing[platform as Platform];
  if (!pace) return 0;
  return externalId === undefined ? pace.workspaceMs : pace.conversationMs;
}
