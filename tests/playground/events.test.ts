// The live feed the page listens to: a server-sent event stream, guarded by the token in its
// query (EventSource cannot send headers), announcing each conversation that changed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { Playground, type Person } from './client.ts';

const WITHIN_MS = 5_000;

let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person;
let channelId = '';
const streams: AbortController[] = [];

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  anna = await pg.person('Anna Holm');
  ({ channelId } = await pg.createGroup(anna, 'Ledergruppen Øst', ['Bo Nielsen']));
});

afterEach(() => {
  for (const controller of streams.splice(0)) controller.abort();
});

afterAll(async () => {
  await app?.close();
});

interface Stream {
  response: Response;
  /** Reads until `done(text so far)` holds, or fails after WITHIN_MS. */
  until(done: (text: string) => boolean): Promise<string>;
}

async function openEvents(token: string): Promise<Stream> {
  const controller = new AbortController();
  streams.push(controller);
  const response = await fetch(new URL(`/api/events?token=${encodeURIComponent(token)}`, app.url), { signal: controller.signal });
  let text = '';
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  return {
    response,
    async until(done) {
      const deadline = Date.now() + WITHIN_MS;
      while (!done(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`not seen within ${WITHIN_MS} ms; the stream said:\n${text}`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
        const next = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
        if (next === 'timeout') continue;
        if (next.done) throw new Error(`the stream ended; it said:\n${text}`);
        text += decoder.decode(next.value, { stream: true });
      }
      return text;
    },
  };
}

/** The conversation ids announced so far, in order. */
const announced = (text: string): string[] => [...text.matchAll(/^data: (.*)$/gm)].map((m) => (JSON.parse(m[1]!) as { conversationId: string }).conversationId);

describe('GET /api/events', () => {
  it('is an event stream that announces the channel a command posted to', async () => {
    const stream = await openEvents(pg.token);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-cache');
    // The first bytes arrive at once (the retry hint): the page is subscribed from here on.
    expect(await stream.until((t) => t.includes('retry: '))).toMatch(/^retry: \d+\n\n/);
    expect(announced(await stream.until(() => true))).toEqual([]);

    expect(await pg.command(anna.externalId, channelId, '/lederrum tjekind start')).toEqual({ kind: 'message' });
    const text = await stream.until((t) => announced(t).includes(channelId));
    expect(text).toContain(`data: ${JSON.stringify({ conversationId: channelId })}\n\n`);
  });

  it('announces plain chat in a channel too, to every open page', async () => {
    const [first, second] = [await openEvents(pg.token), await openEvents(pg.token)];
    await first.until((t) => t.includes('retry: '));
    await second.until((t) => t.includes('retry: '));
    const bo = await pg.person('Bo Nielsen');
    expect(await pg.command(bo.externalId, channelId, 'Jeg kommer fem minutter for sent')).toEqual({ kind: 'none' });
    for (const stream of [first, second]) expect(announced(await stream.until((t) => announced(t).includes(channelId)))).toContain(channelId);
  });

  it('announces a removed person to everyone ("*")', async () => {
    const stream = await openEvents(pg.token);
    await stream.until((t) => t.includes('retry: '));
    await pg.removePerson((await pg.person('Dorte Madsen')).externalId);
    expect(announced(await stream.until((t) => announced(t).includes('*')))).toContain('*');
  });

  it('refuses a wrong or missing token with 403', async () => {
    for (const token of ['wrong', '', `${pg.token}x`]) {
      const response = await fetch(new URL(`/api/events?token=${encodeURIComponent(token)}`, app.url));
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).not.toMatch(/event-stream/);
      expect(((await response.json()) as { error: string }).error).toMatch(/Reload/);
    }
    // The header alone does not open the feed: it takes the token in its query.
    const byHeader = await fetch(new URL('/api/events', app.url), { headers: { 'x-playground-token': pg.token } });
    expect(byHeader.status).toBe(403);
    await byHeader.body?.cancel();
  });
});
