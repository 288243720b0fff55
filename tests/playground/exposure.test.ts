// The playground's exposure over real HTTP: it answers only Host headers that name this machine
// (or PUBLIC_URL's host), so a DNS-rebinding page gets nothing; it forbids framing; the routes of
// the real platforms and the health check are not its business; and started on the network on
// purpose, it says loudly that anyone can act as anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { Playground, rawRequest, type Person } from './client.ts';

const PUBLIC = 'lederrum.example.org';
let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person;
let port = '';

beforeAll(async () => {
  // The Teams endpoint (open, as TEAMS=on runs it locally) sits beside the playground, so its
  // /api/messages shows that the Host rule stays on the playground's own routes.
  app = await startTestApp({ env: { PUBLIC_URL: `https://${PUBLIC}`, TEAMS: 'on', PLAYGROUND: 'on' } });
  pg = await Playground.connect(app.url);
  anna = await pg.person('Anna Holm');
  port = new URL(app.url).port;
});

afterAll(async () => {
  await app?.close();
});

const page = (host: string | null) => rawRequest(app.url, { path: '/', host });
const api = (host: string, path: string, init: { method?: string; body?: string } = {}) => rawRequest(app.url, { path: `/api${path}`, host, headers: { 'x-playground-token': pg.token }, ...init });

function expectRefused(answer: { status: number; headers: Record<string, unknown>; text: string }) {
  expect(answer.status).toBe(421);
  expect(answer.headers['content-type']).toMatch(/^text\/plain/);
  // A short explanation in both languages, and nothing of the playground itself.
  expect(answer.text).toContain('localhost');
  expect(answer.text).toContain('Legepladsen svarer kun');
  expect(answer.text).toContain('The playground answers only');
  expect(answer.text).not.toContain(pg.token);
  expect(answer.text).not.toContain('Anna Holm');
}

describe('Host headers the playground answers', () => {
  const loopback = ['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '[::1]'];
  for (const name of loopback) {
    it(`serves the page to Host ${name}, with and without a port`, async () => {
      for (const host of [name, `${name}:${port}`]) {
        const answer = await page(host);
        expect(answer.status, host).toBe(200);
        expect(answer.text).toContain(pg.token);
      }
    });
  }

  it("serves the page and API to PUBLIC_URL's host, on any port", async () => {
    for (const host of [PUBLIC, `${PUBLIC}:443`, `${PUBLIC.toUpperCase()}:8443`]) {
      expect((await page(host)).status, host).toBe(200);
      const workspace = await api(host, '/workspace');
      expect(workspace.status, host).toBe(200);
      expect(workspace.text).toContain('Anna Holm');
    }
  });
});

describe('Host headers it refuses (DNS rebinding and the like)', () => {
  const foreign = () => [`attacker.example:${port}`, 'attacker.example', 'localhost.attacker.example', '127.0.0.1.nip.io', `other.${PUBLIC}`, 'evil.example@localhost', '192.168.1.20', 'localhost/x'];

  it('refuses the page with 421 and a plain explanation', async () => {
    for (const host of foreign()) expectRefused(await page(host));
  });

  it('refuses the API even with the right token, and stores nothing', async () => {
    const before = await app.database.prisma.playgroundMessage.count();
    expectRefused(await api('attacker.example', '/workspace'));
    expectRefused(await api(`attacker.example:${port}`, `/conversations/D-${anna.externalId}/messages?as=${anna.externalId}`));
    const posted = await api('attacker.example', '/command', {
      method: 'POST',
      body: JSON.stringify({ as: anna.externalId, conversationId: `D-${anna.externalId}`, text: 'help' }),
    });
    expectRefused(posted);
    expect(await app.database.prisma.playgroundMessage.count()).toBe(before);
  });

  it('refuses the page script and the live feed', async () => {
    expect((await rawRequest(app.url, { path: '/static/app.js', host: 'localhost' })).status).toBe(200);
    expectRefused(await rawRequest(app.url, { path: '/static/app.js', host: 'attacker.example' }));
    expectRefused(await rawRequest(app.url, { path: `/api/events?token=${pg.token}`, host: 'attacker.example' }));
  });

  it('does not serve the page to a request without a Host header', async () => {
    const answer = await page(null);
    expect([400, 421]).toContain(answer.status);
    expect(answer.text).not.toContain(pg.token);
  });
});

describe('frame protection', () => {
  it("sends frame-ancestors 'none' and X-Frame-Options DENY on the page, its script, the API and refusals", async () => {
    const answers = [
      await page('localhost'),
      await rawRequest(app.url, { path: '/static/style.css', host: 'localhost' }),
      await api('localhost', '/workspace'),
      await api('localhost', `/conversations/C-NOPE/messages?as=${anna.externalId}`),
      await page('attacker.example'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 403, 421]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('routes that are not the playground', () => {
  it('leaves /healthz and the download links to their own rules', async () => {
    const health = await rawRequest(app.url, { path: '/healthz', host: 'attacker.example' });
    expect(health.status).toBe(200);
    expect(health.headers['x-frame-options']).toBeUndefined();
    const download = await rawRequest(app.url, { path: '/polls/a.b.c.d/results.csv', host: 'attacker.example' });
    expect(download.status).toBe(404);
    expect(download.text).toContain('Ask Lederrum for a new link');
  });

  it("leaves Teams' /api/messages to the Teams adapter", async () => {
    const answer = await rawRequest(app.url, { path: '/api/messages', host: 'smba.example', method: 'POST', body: '{}' });
    expect(answer.status).not.toBe(421);
    expect(answer.text).not.toContain('The playground answers only');
    expect(answer.headers['x-frame-options']).toBeUndefined();
  });
});

describe('started on the network on purpose', () => {
  let exposed: Awaited<ReturnType<typeof startTestApp>>;
  // Started in a hook, whose time limit allows for a PGlite boot on a busy machine.
  beforeAll(async () => {
    exposed = await startTestApp({ env: { HOST: '0.0.0.0', PLAYGROUND_EXPOSE_TO_NETWORK: 'on' } });
  });
  afterAll(async () => {
    await exposed?.close();
  });

  it('warns at start-up that anyone who reaches it can act as anyone, and still refuses foreign Host headers', async () => {
    const warnings = exposed.logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('PLAYGROUND_EXPOSE_TO_NETWORK');
    expect(warnings[0]!.message).toContain('anyone who reaches it can act as anyone');
    expect(warnings[0]!.message).toContain('PUBLIC_URL');
    const url = exposed.url;
    expect((await rawRequest(url, { path: '/', host: 'localhost' })).status).toBe(200);
    expect((await rawRequest(url, { path: '/', host: 'attacker.example' })).status).toBe(421);
  });

  it('says nothing of the kind on the loopback', () => {
    expect(app.logger.lines.filter((line) => line.level === 'warn' && line.message.includes('act as anyone'))).toEqual([]);
  });
});
