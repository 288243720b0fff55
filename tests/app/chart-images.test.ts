// The chart route under a flood: two pictures are drawn at once and a few wait; beyond that a fetch
// is told 503 with Retry-After at once, instead of queueing work that would take the database and
// CPU from the bot's chats. A refused or failed fetch is never cached.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountChartImages } from '../../src/app/chart-images.ts';
import { linkSigner } from '../../src/app/links.ts';
import { WorkQueue } from '../../adapters/work-queue.ts';
import type { CoreDeps } from '../../src/core/index.ts';
import { ManualClock, MemoryLogger } from '../support/fakes.ts';

const sign = linkSigner('chart-route-test-secret-0123456789');
const clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
let server: Server;
let base = '';
let asked = 0;
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => {
  release = resolve;
});

beforeAll(async () => {
  // A store whose poll reads wait until released: the fetches stay in flight as long as the test needs.
  const store = {
    async poll() {
      asked++;
      await held;
      return null;
    },
  };
  const deps = { sign, clock, store, logger: new MemoryLogger() } as unknown as CoreDeps;
  const http = express();
  mountChartImages(http, deps, { work: new WorkQueue({ concurrency: 1, limit: 2 }) });
  server = createServer(http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const link = (n: number) => {
  const grant = `poll-${n}.q0.da.${'d'.repeat(22)}.${clock.now().getTime() + 86_400_000}`;
  return `${base}/charts/${grant}.${sign(`chart.${grant}`)}/chart.png`;
};

describe('the chart route under load', () => {
  it('takes two fetches (one drawing, one waiting) and turns the third away at once with 503', async () => {
    const first = fetch(link(1));
    const second = fetch(link(2));
    await expect.poll(() => asked).toBe(1);
    const third = await fetch(link(3));
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(third.headers.get('cache-control')).toBe('no-store');
    // A forged link is refused without taking a place.
    expect((await fetch(`${link(4).slice(0, -12)}xx/chart.png`)).status).toBe(404);
    release();
    // The poll is not found: both held fetches end in the same bare 404.
    const answers = await Promise.all([first, second]);
    expect(answers.map((r) => r.status)).toEqual([404, 404]);
    expect(asked).toBe(2);
    expect((await fetch(link(5))).status).toBe(404);
  });
});
