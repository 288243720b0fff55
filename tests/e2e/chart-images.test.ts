// Charts in chat as pictures (issue 19, point 2), on the whole app over HTTP: HR closes a poll of
// own questions and the results show each question's chart as an image linked to the app's own
// address (the playground's, PUBLIC_URL being unset), each with its text chart as fallback and its
// figures as alt text; free text stays text. The link serves a PNG of the chart's size; a forged,
// altered, re-purposed or expired link, and a poll whose answers changed or that is no longer
// closed, get the same bare 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { decodePng, inkedPixels, pngSize } from '../support/png.ts';
import { linkSigner } from '../../src/app/links.ts';
import { PNG_SCALE } from '../../src/app/chart-png.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Block, Reply } from '../../src/core/index.ts';

const SECRET = 'chart-images-test-secret-0123456789';
const CPH = 'Europe/Copenhagen';
const actor = (externalId: string, displayName: string, admin = false): Actor => ({
  platform: 'playground',
  workspace: workspaceOf('playground'),
  externalId,
  displayName,
  locale: 'da',
  timeZone: CPH,
  ...(admin ? { admin: true } : {}),
});
const HANNE = actor('hanne', 'Hanne Holm', true);
const MEMBERS = ['Mia Berg', 'Pia Lund', 'Ole Dahl', 'Liv Kjær', 'Bo Sand', 'Eva Bro', 'Kim Dam', 'Ida Vang', 'Jens Ulv'].map((name) => actor(name.split(' ')[0]!.toLowerCase(), name));
const DM = { kind: 'direct' as const, conversationId: 'dm' };
type Image = Extract<Block, { type: 'image' }>;

let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;
let pollId = '';
let results: Block[] = [];
const images = () => results.filter((b): b is Image => b.type === 'image');

const say = (who: Actor, text: string) => app.core.handle({ type: 'command', actor: who, place: DM, text });
const submit = (who: Actor, formId: string, state: string, values: Record<string, string | string[] | boolean>) =>
  app.core.handle({ type: 'form_submitted', actor: who, place: DM, formId, state, values });
const press = (who: Actor, action: string, value: string) => app.core.handle({ type: 'button_pressed', actor: who, place: DM, action, value });
const blocksOf = (reply: Reply) => (reply.kind === 'message' ? reply.message.blocks : []);

/** The grant of a chart link, its signature taken off: `<poll>.<key>.<language>.<digest>.<expires>`. */
const grantOf = (url: string) => /\/charts\/([^/]+)\.[^./]+\/chart\.png$/.exec(url)![1]!;
const sign = linkSigner(SECRET);
const chartUrl = (grant: string, signature = sign(`chart.${grant}`)) => new URL(`/charts/${grant}.${signature}/chart.png`, app.url).toString();

async function expectRefused(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('text/plain');
  expect(await response.text()).toBe('Not found.');
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-30T08:00:00Z'));
  app = await startTestApp({ clock, env: { LINK_SECRET: SECRET } });
  for (const who of [HANNE, ...MEMBERS]) await say(who, 'hjælp');
  await say(HANNE, 'hr tildel Hanne Holm');
  const ids = (await app.database.prisma.user.findMany({ where: { externalId: { in: MEMBERS.map((m) => m.externalId) } } })).map((u) => u.id);
  await submit(HANNE, 'group.create', '', { name: 'Nord', language: 'da', time_zone: CPH, members: ids });
  const groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
  const questions = 'enig: Jeg har overskud i hverdagen\nvalg: Bedste mødedag | mandag | onsdag\ntekst: Hvad vil du sige til HR?';
  const values = { title: 'Puls', template: 'own', questions, audience: [groupId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: '', share: false };
  await submit(HANNE, 'poll.create', '', values);
  pollId = (await app.database.prisma.poll.findFirstOrThrow()).id;
  // One neither agrees nor disagrees, four agree, four strongly agree; five choose Monday, four Wednesday.
  const answers = ['30', '40', '40', '40', '40', '51', '51', '51', '51'];
  for (const [i, who] of MEMBERS.entries()) await submit(who, 'poll.answer', pollId, { q0: answers[i]![0]!, q1: answers[i]![1]!, q2: '' });
  results = blocksOf(await press(HANNE, 'poll.close_now', pollId));
}, 120_000);
afterAll(async () => app?.close());

describe('the results message', () => {
  it("shows each question's chart as a picture at the app's address, its figures in the alt text and the text chart kept", () => {
    expect(images()).toHaveLength(2);
    const [agree, day] = images() as [Image, Image];
    for (const image of images()) {
      expect(image.url.startsWith(`${app.url}charts/`)).toBe(true);
      expect(image.width).toBe(640);
    }
    expect(day.title).toBe('Bedste mødedag · 9 svar');
    expect(day.alt).toBe('Bedste mødedag. 9 svar. mandag: 5, 56 %; onsdag: 4, 44 %.');
    expect(day.fallback).toBe('Bedste mødedag\nmandag ███████████░░░░░░░░░ 5 (56 %)\nonsdag █████████░░░░░░░░░░░ 4 (44 %)\n9 svar');
    // A hidden count and mean are hidden in the picture's words exactly as in the text, with the reason.
    const hidden = '– (skjult for at beskytte enkeltes svar)';
    expect(agree.title).toBe(`Jeg har overskud i hverdagen · 9 svar · Gennemsnit: ${hidden}`);
    expect(agree.alt).toContain(`Hverken enig eller uenig: ${hidden}; Enig: 4, 44 %; Helt enig: 4, 44 %.`);
    expect(agree.fallback).toContain(`Hverken enig eller uenig ${hidden}`);
    expect(agree.fallback).toContain('Enig                     █████████░░░░░░░░░░░ 4 (44 %)');
    expect(agree.alt).not.toMatch(/: 1\b/);
    // Free text is no chart: it stays text, after the pictures.
    const [free, group] = results.filter((b) => b.type === 'code') as Array<{ text: string }>;
    expect(free!.text).toContain('Hvad vil du sige til HR?');
    expect(free!.text).not.toContain('Bedste mødedag');
    expect(results.indexOf(free as Block)).toBeGreaterThan(results.indexOf(day));
    // HR's view of each group keeps its charts as text; only the total (what a group could be shown) is drawn.
    expect(group!.text).toContain('Bedste mødedag');
    expect(results.filter((b) => b.type === 'section').map((b) => (b as { title: string }).title)).toEqual(['Alle', 'Nord']);
  });
});

describe('the picture', () => {
  it('is a PNG of twice the chart size, drawn, cached by Slack and Teams for at most a day', async () => {
    for (const image of images()) {
      const response = await fetch(image.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
      const png = Buffer.from(await response.arrayBuffer());
      expect(pngSize(png)).toEqual({ width: image.width * PNG_SCALE, height: image.height * PNG_SCALE });
      expect(inkedPixels(decodePng(png))).toBeGreaterThan(1000);
    }
  });

  it('refuses a forged, altered or re-purposed link with the same bare 404', async () => {
    const url = images()[0]!.url;
    const grant = grantOf(url);
    const [poll, key, , digest, expires] = grant.split('.');
    const signature = /\.([^./]+)\/chart\.png$/.exec(url)![1]!;
    expect(chartUrl(grant)).toBe(url);
    await expectRefused(chartUrl(grant, `${signature.slice(0, -2)}xx`));
    // Another chart, language or expiry under the same signature.
    await expectRefused(chartUrl(`${poll}.q1.da.${digest}.${expires}`, signature));
    await expectRefused(chartUrl(`${poll}.${key}.en.${digest}.${expires}`, signature));
    await expectRefused(chartUrl(`${poll}.${key}.da.${digest}.${Number(expires) + 1000}`, signature));
    // Signed without the chart purpose (as a CSV link is), or as a CSV link: neither passes for the other.
    await expectRefused(chartUrl(grant, sign(grant)));
    const csvGrant = `${poll}.${(await app.database.prisma.user.findFirstOrThrow({ where: { externalId: 'hanne' } })).id}.${expires}`;
    await expectRefused(chartUrl(csvGrant, sign(csvGrant)));
    expect((await fetch(new URL(`/polls/${grant}.${signature}/results.csv`, app.url))).status).toBe(404);
    // Signed properly, but for figures the message never showed, or a chart that does not exist.
    await expectRefused(chartUrl(`${poll}.${key}.da.${'A'.repeat(22)}.${expires}`));
    await expectRefused(chartUrl(`${poll}.q2.da.${digest}.${expires}`));
    // A link made to last longer than links are made for.
    await expectRefused(chartUrl(`${poll}.${key}.da.${digest}.${clock.now().getTime() + 30 * 86_400_000}`));
  });

  it('refuses a link once it has expired, after 7 days', async () => {
    const url = images()[0]!.url;
    clock.advance(7 * 86_400_000 - 60_000);
    const late = await fetch(url);
    expect(late.status).toBe(200);
    expect(Number(/max-age=(\d+)/.exec(late.headers.get('cache-control') ?? '')![1])).toBeLessThanOrEqual(60);
    clock.advance(120_000);
    await expectRefused(url);
    clock.advance(-(7 * 86_400_000 + 60_000));
  });

  it("refuses once the poll's answers are not the ones the message showed", async () => {
    const [agree, day] = images() as [Image, Image];
    expect((await fetch(day.url)).status).toBe(200);
    // An answer more for Wednesday (as if written behind the app's back): its count is 5 now.
    const { id: _id, ...one } = await app.database.prisma.pollResponse.findFirstOrThrow({ where: { pollId } });
    await app.database.prisma.pollResponse.create({ data: { ...one, answers: [4, 1] } });
    await expectRefused(day.url);
    // A fresh results message draws the new figures under a new link.
    const blocks = blocksOf(await press(HANNE, 'poll.results', pollId));
    const fresh = blocks.filter((b): b is Image => b.type === 'image');
    expect(fresh[1]!.url).not.toBe(day.url);
    expect(fresh[1]!.alt).toBe('Bedste mødedag. 10 svar. mandag: 5, 50 %; onsdag: 5, 50 %.');
    expect((await fetch(fresh[1]!.url)).status).toBe(200);
    // The other question's figures changed too (one more agrees): its old picture is refused as well.
    await expectRefused(agree.url);
    results = blocks;
  });

  it('refuses every picture of a poll that is no longer closed', async () => {
    const url = images()[1]!.url;
    expect((await fetch(url)).status).toBe(200);
    await app.database.prisma.poll.update({ where: { id: pollId }, data: { status: 'cancelled' } });
    await expectRefused(url);
  });
});

describe('the score over the waves', () => {
  /** A WHO-5 wave sent to the group, answered by all nine (item answers by member), closed now: its results. */
  async function wave(title: string, continues: string, answerOf: (i: number) => string): Promise<Block[]> {
    const groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
    const values = { title, template: 'who5', questions: '', audience: [groupId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues, share: false };
    await submit(HANNE, 'poll.create', '', values);
    const id = (await app.database.prisma.poll.findFirstOrThrow({ where: { title }, orderBy: { wave: 'desc' } })).id;
    for (const [i, who] of MEMBERS.entries()) await submit(who, 'poll.answer', id, Object.fromEntries([0, 1, 2, 3, 4].map((q) => [`q${q}`, answerOf(i)])));
    return blocksOf(await press(HANNE, 'poll.close_now', id));
  }

  it('draws the mean index wave by wave, against the norm and the threshold, beside the score in words', async () => {
    await wave('Trivsel', '', (i) => String(i % 3 === 0 ? 2 : 3));
    const first = (await app.database.prisma.poll.findFirstOrThrow({ where: { title: 'Trivsel' } })).id;
    const second = await wave('Trivsel', first, (i) => String(i % 3 === 0 ? 3 : 4));
    const charts = second.filter((b): b is Image => b.type === 'image');
    expect(charts).toHaveLength(1);
    const [trend] = charts as [Image];
    expect(trend.title).toBe('WHO-5 Trivselsindeks over bølgerne');
    // Against the Danish norm and the threshold of the scoring rule, as on the report page.
    expect(trend.alt).toBe('WHO-5 Trivselsindeks over bølgerne · Gennemsnit i befolkningen: 68 · Under 50: et signal: 50. Bølge 1: 53,3; Bølge 2: 73,3, Betydelig ændring.');
    expect(trend.fallback).toContain('Bølge 2: 73,3, Betydelig ændring');
    // The score in words stays beside it, as without pictures.
    expect(second.some((b) => b.type === 'text' && b.text.includes('73,3'))).toBe(true);
    const response = await fetch(trend.url);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 1280, height: 2 * trend.height });
  });
});
