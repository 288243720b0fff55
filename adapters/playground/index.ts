// The playground as the composition root lists it: its people store now, its web chat only when
// it is mounted.
import type { PlatformContext, PlatformEntry } from '../platform.ts';
import type { PlaygroundMountOptions } from './mount.ts';

export function playgroundPlatform(options: Omit<PlaygroundMountOptions, keyof PlatformContext>): PlatformEntry {
  return {
    mount: async (context) => (await import('./mount.ts')).mountPlayground({ ...context, ...options }),
  };
}
