// The Slack adapter as the composition root lists it: its configuration and ports now, Bolt and
// the rest of the adapter only when it is mounted.
import type { PlatformContext, PlatformEntry } from '../platform.ts';
import type { SlackMountOptions } from './mount.ts';

export function slackPlatform(options: Omit<SlackMountOptions, keyof PlatformContext>): PlatformEntry {
  return {
    mount: async (context) => (await import('./mount.ts')).mountSlack({ ...context, ...options }),
  };
}
