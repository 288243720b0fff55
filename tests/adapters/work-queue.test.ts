// The bounded work queue on its own: at most `concurrency` run, at most `limit` are taken on,
// a full queue refuses at once, places beyond the limit only when asked for, and idle/drain wait.
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../adapters/work-queue.ts';
import { holdWork } from '../support/work-gate.ts';

describe('the work queue', () => {
  it('runs at most `concurrency` at once, in order, and counts waiting and running in its depth', async () => {
    const queue = new WorkQueue({ concurrency: 2, limit: 5 });
    const gate = holdWork(queue, 2);
    const ran: number[] = [];
    const later = [1, 2, 3].map((n) => queue.offer(async () => ran.push(n)));
    expect(later.every((p) => p !== null)).toBe(true);
    expect(queue.depth).toBe(5);
    await Promise.resolve();
    expect(ran).toEqual([]);
    gate.release();
    await Promise.all(later);
    expect(ran).toEqual([1, 2, 3]);
    await queue.idle();
    expect(queue.depth).toBe(0);
  });

  it('refuses work beyond its limit at once, takes it again once there is room', async () => {
    const queue = new WorkQueue({ concurrency: 1, limit: 2 });
    const gate = holdWork(queue, 2);
    expect(queue.offer(async () => 'late')).toBeNull();
    expect(queue.reserve()).toBeNull();
    // Work nobody can be told "busy" about is taken anyway.
    const always = queue.reserveAlways().run(async () => 'kept');
    expect(queue.depth).toBe(3);
    gate.release();
    expect(await always).toBe('kept');
    expect(await queue.offer(async () => 'now')).toBe('now');
    expect(queue.depth).toBe(0);
  });

  it('gives the place back when the work fails', async () => {
    const queue = new WorkQueue({ concurrency: 1, limit: 1 });
    await expect(queue.offer(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(queue.depth).toBe(0);
    expect(queue.offer(async () => 1)).not.toBeNull();
  });

  it('holds a place taken early until its work has run (a turn waiting behind its conversation)', async () => {
    const queue = new WorkQueue({ concurrency: 1, limit: 1 });
    const place = queue.reserve()!;
    expect(queue.reserve()).toBeNull();
    await place.run(async () => undefined);
    expect(queue.depth).toBe(0);
  });

  it('idle() and drain() wait for the work, drain() gives up at its deadline', async () => {
    const queue = new WorkQueue({ concurrency: 1, limit: 3 });
    const order: string[] = [];
    const gate = holdWork(queue, 1, () => {
      order.push('work done');
    });
    const idle = queue.idle().then(() => order.push('idle'));
    expect(await queue.drain(1)).toBe(false);
    expect(order).toEqual([]);
    gate.release();
    await idle;
    expect(order).toEqual(['work done', 'idle']);
    expect(await queue.drain(1)).toBe(true);
  });
});
