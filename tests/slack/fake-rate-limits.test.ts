// The fake Slack's opt-in rate limits (tests/support/fake-slack/rate-limits.ts): the buckets on
// their own with a hand-moved clock, then over HTTP as the unmodified WebClient meets them — a
// 429 with Retry-After in whole seconds, which the SDK waits out before sending again.
import { LogLevel, WebClient, WebClientEvent, type Logger } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, SLACK_RATE_LIMITS, floorMs, scaledLimits, startFakeSlack, type FakeSlack, type RateLimitRules } from '../support/fake-slack/index.ts';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

describe('RateLimiter', () => {
  it('lets everything through until it is told to enforce', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 1000; i++) expect(limiter.check('chat.postMessage', 'T1', 'U1', 0)).toBeNull();
  });

  it('allows one post a second into a channel, and says how long to wait in whole seconds', () => {
    const limiter = new RateLimiter();
    limiter.enforce(SLACK_RATE_LIMITS);
    expect(limiter.check('chat.postMessage', 'T1', 'U1', 10_000)).toBeNull();
    expect(limiter.check('chat.postMessage', 'T1', 'U1', 10_001)).toEqual({ retryAfterSeconds: 1 });
    // Another conversation, and the same one in another workspace, are other buckets.
    expect(limiter.check('chat.postMessage', 'T1', 'U2', 10_001)).toBeNull();
    expect(limiter.check('chat.postMessage', 'T2', 'U1', 10_001)).toBeNull();
    // A refused call costs nothing: a second after the first post, the next one goes.
    expect(limiter.check('chat.postMessage', 'T1', 'U1', 10_999)).toEqual({ retryAfterSeconds: 1 });
    expect(limiter.check('chat.postMessage', 'T1', 'U1', 11_000)).toBeNull();
  });

  it('holds chat.postMessage to 300 a minute per workspace after a burst of 5', () => {
    const limiter = new RateLimiter();
    limiter.enforce(SLACK_RATE_LIMITS);
    for (let i = 0; i < 5; i++) expect(limiter.check('chat.postMessage', 'T1', `U${i}`, 0)).toBeNull();
    expect(limiter.check('chat.postMessage', 'T1', 'U5', 0)).toEqual({ retryAfterSeconds: 1 });
    expect(limiter.check('chat.postMessage', 'T1', 'U5', 199)).not.toBeNull();
    expect(limiter.check('chat.postMessage', 'T1', 'U5', 200)).toBeNull();
    // Evenly paced at the limit, a client is never refused, even a few ms late or early.
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const jitter = (i * 7919) % 13;
      if (limiter.check('chat.postMessage', 'T1', `V${i}`, 400 + i * 200 + jitter)) refused++;
    }
    expect(refused).toBe(0);
  });

  it('limits a tier-3 method per workspace, and leaves unlisted methods alone', () => {
    const limiter = new RateLimiter();
    limiter.enforce(SLACK_RATE_LIMITS);
    const opened = Array.from({ length: 8 }, () => limiter.check('conversations.open', 'T1', undefined, 0));
    expect(opened.filter((r) => r === null)).toHaveLength(5);
    // 50 a minute: the next one 1.2 s after the bucket emptied.
    expect(opened[5]).toEqual({ retryAfterSeconds: 2 });
    for (let i = 0; i < 100; i++) expect(limiter.check('auth.test', 'T1', undefined, 0)).toBeNull();
  });

  it('scales every rate, and knows the least time n calls can take', () => {
    const fast = scaledLimits(SLACK_RATE_LIMITS, 10);
    expect(fast.methods['chat.postMessage']).toEqual({ perMinute: 3000, burst: 5 });
    expect(fast.perChannel).toEqual({ perMinute: 600, burst: 1 });
    expect(floorMs(SLACK_RATE_LIMITS.methods['chat.postMessage']!, 1005)).toBe(200_000);
    expect(floorMs(fast.methods['chat.postMessage']!, 3)).toBe(0);
  });
});

describe('the fake Slack enforcing limits over HTTP', () => {
  let fake: FakeSlack;
  // Ten times Slack's rates, so a refused call is waited out in one second, not several.
  const rules: RateLimitRules = scaledLimits(SLACK_RATE_LIMITS, 10);
  beforeAll(async () => {
    fake = await startFakeSlack();
    for (const id of ['UANNA', 'UBO']) fake.addUser({ id, teamId: fake.teamId, name: id.toLowerCase(), realName: id });
  });
  afterAll(async () => fake?.close());

  it('answers 429 with Retry-After and ratelimited, as Slack does', async () => {
    fake.enforceRateLimits(rules);
    const post = () =>
      fetch(`${fake.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.team().botToken}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ channel: 'UANNA', text: 'hej' }),
      });
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(fake.directMessages('UANNA')).toHaveLength(1);
    expect(fake.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', status: 429, error: 'ratelimited' });
    fake.enforceRateLimits(null);
    expect((await post()).status).toBe(200);
  });

  it('makes the unmodified WebClient wait Retry-After and deliver once', async () => {
    fake.enforceRateLimits(rules);
    const client = new WebClient(fake.team().botToken, { slackApiUrl: fake.apiUrl, logger: quiet, retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 } });
    let waited: number | undefined;
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => (waited = seconds));
    const before = fake.directMessages('UBO').length;
    const started = Date.now();
    await client.chat.postMessage({ channel: 'UBO', text: 'en' });
    await client.chat.postMessage({ channel: 'UBO', text: 'to' });
    expect(waited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(
      fake
        .directMessages('UBO')
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['en', 'to']);
    fake.enforceRateLimits(null);
  });
});
