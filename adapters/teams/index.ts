// The Teams adapter as the composition root lists it: its configuration and ports now, botbuilder
// and teams-ai only when it is mounted.
import type { PlatformContext, PlatformEntry } from '../platform.ts';
import type { TeamsMountOptions } from './mount.ts';

export function teamsPlatform(options: Omit<TeamsMountOptions, keyof PlatformContext>): PlatformEntry {
  return {
    mount: async (context) => (await import('./mount.ts')).mountTeams({ ...context, ...options }),
  };
}
