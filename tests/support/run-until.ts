// Walks an app's scheduler through simulated time: the clock jumps from due occurrence to due
// occurrence and the scheduler ticks at each, as node-cron would, then stops at `until`.
import type { RunningApp } from '../../src/app/app.ts';
import type { ManualClock } from './fakes.ts';

export async function runUntil(app: Pick<RunningApp, 'database' | 'scheduler'>, clock: ManualClock, until: string): Promise<void> {
  for (;;) {
    const next = await app.database.prisma.schedule.findFirst({ where: { nextAt: { not: null, lte: new Date(until) } }, orderBy: { nextAt: 'asc' } });
    if (!next?.nextAt) break;
    clock.advance(Math.max(0, next.nextAt.getTime() - clock.now().getTime()));
    await app.scheduler.tick();
  }
  clock.advance(Math.max(0, new Date(until).getTime() - clock.now().getTime()));
}
