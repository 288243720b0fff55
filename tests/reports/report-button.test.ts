// HR's closed-poll results offer the report page only where Lederrum has a public address to link
// to (PUBLIC_URL, or the playground's own); elsewhere the CSV stays the only way out of chat.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CoreDeps } from '../../src/core/context.ts';
import type { Poll } from '../../src/core/polls/model.ts';
import { pollReportLink } from '../../src/core/polls/report.ts';
import { resultsMessage } from '../../src/core/polls/show.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { linkSigner, openGrant } from '../../src/app/links.ts';
import { createStore, openDatabase } from '../../src/store/index.ts';
import { inMemory } from '../support/memory-database.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';
import { closedPollOfFive } from '../support/closed-poll.ts';

let close: () => Promise<void>;
let deps: CoreDeps;
let poll: Poll;
const at = new Date('2026-12-01T08:00:00Z');

beforeAll(async () => {
  const db = await openDatabase(inMemory());
  close = () => db.close();
  deps = {
    store: createStore(db.prisma),
    clock: new ManualClock(at),
    deliverer: new RecordingDeliverer(),
    logger: new MemoryLogger(),
    defaultLanguage: 'da',
    defaultTimeZone: 'Europe/Copenhagen',
    instruments: loadInstruments(),
  };
  poll = await closedPollOfFive(deps.store, { instrumentId: 'who5', prefix: 'R', at });
}, 60_000);
afterAll(async () => close?.());

const actions = async (d: CoreDeps) => (await resultsMessage(d, poll, 'da', true)).blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((x) => x.action) : []));

it('offers the report beside the CSV only with a public address', async () => {
  expect(await actions(deps)).toEqual(['poll.csv']);
  expect(pollReportLink(deps, poll, 'someone')).toBeNull();
  const sign = linkSigner('secret');
  const linked = { ...deps, publicUrl: 'https://lederrum.example/', sign };
  expect(await actions(linked)).toEqual(['poll.csv', 'poll.report']);
  // Groups see the total without any of HR's buttons.
  expect((await resultsMessage(linked, poll, 'da', false)).blocks.some((b) => b.type === 'buttons')).toBe(false);
});

it('signs the report link for its own purpose: it opens as a report and as nothing else', () => {
  const sign = linkSigner('secret');
  const link = pollReportLink({ ...deps, publicUrl: 'https://lederrum.example/', sign }, poll, 'hr-person')!;
  expect(link.expires.getTime()).toBe(at.getTime() + 24 * 3600_000);
  const grant = /\/reports\/poll\/([^/]+)$/.exec(link.url)![1]!;
  const now = at.getTime();
  expect(openGrant(sign, grant, { fields: 2, purpose: 'pollreport.', now })).toEqual([poll.id, 'hr-person']);
  expect(openGrant(sign, grant, { fields: 2, now })).toBeNull();
  expect(openGrant(sign, grant, { fields: 2, purpose: 'groupreport.', now })).toBeNull();
  expect(openGrant(linkSigner('another secret'), grant, { fields: 2, purpose: 'pollreport.', now })).toBeNull();
});
