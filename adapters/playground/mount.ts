// The playground adapter's entry: the local web chat on Lederrum's own server, its people and
// conversations in the playground's workspace, and on a first start the demo members, the first
// of whom administers the demo workspace (so HR can be granted and polls tried).
import type { Express, Request } from 'express';
import type { Clock, Language, Lederrum, Logger, Store } from '../../src/core/index.ts';
import { actorOf } from './parse.ts';
import type { AdapterMetrics, PlatformAdapter } from '../platform.ts';
import { timeRequests } from '../request-timing.ts';
import { playgroundRouter } from './routes.ts';
import { ChangeFeed, playgroundDeliverer } from './send.ts';
import { playgroundGuard } from './verify.ts';
import type { PlaygroundWorkspace } from './workspace.ts';

export interface PlaygroundMountOptions {
  http: Express;
  core: Lederrum;
  workspace: PlaygroundWorkspace;
  /** Grants the first demo member the admin role. */
  roles: Pick<Store, 'upsertPerson' | 'setRole'>;
  /** The demo members added on the first start; none: none. */
  demoMembers: Array<{ displayName: string; locale: Language; timeZone: string | null }>;
  publicUrl: string | null;
  clock: Clock;
  logger: Logger;
  metrics: AdapterMetrics;
}

/** The page's API calls, as /metrics names them. */
const KINDS: Record<string, string> = {
  'GET /workspace': 'workspace',
  'GET /conversations/:id/messages': 'messages',
  'POST /command': 'command',
  'POST /button': 'button',
  'POST /form': 'form',
  'POST /opened': 'chat_opened',
  'POST /people': 'person_added',
  'DELETE /people/:id': 'person_removed',
};

export async function mountPlayground(options: PlaygroundMountOptions): Promise<PlatformAdapter> {
  const { workspace, clock, logger } = options;
  const feed = new ChangeFeed();
  const deliverer = playgroundDeliverer(workspace, clock, feed);
  if (options.demoMembers.length > 0 && (await workspace.seedOnce(options.demoMembers))) {
    const [first] = await workspace.people();
    if (first) {
      const admin = await options.roles.upsertPerson(actorOf(first));
      await options.roles.setRole(admin.id, 'admin', true);
    }
    logger.info('playground demo members added', { count: options.demoMembers.length });
  }
  const route = (req: Request) => (req.route as { path?: unknown } | undefined)?.path;
  options.http.use(
    '/api',
    timeRequests(
      (kind, seconds) => options.metrics.observe('playground', kind, seconds),
      (req) => KINDS[`${req.method} ${String(route(req))}`] ?? 'other',
    ),
  );
  options.http.use(playgroundRouter({ core: options.core, workspace, feed, guard: playgroundGuard(), publicUrl: options.publicUrl, clock, logger }));
  return {
    platform: 'playground',
    deliverer,
    // Local and answered at once: nothing to connect, hold or finish.
    start: async () => undefined,
    settled: async () => undefined,
    stop: async () => undefined,
    drain: async () => undefined,
  };
}
