// The decoy-group attack of issue 14 end to end through the core and the real store (PGlite): HR
// sends WHO-5 to a group of seven and, at the same time, to a "group" of the same people but one.
// Six score 68, the seventh 12: without the rule, 7 × 60.0 − 6 × 68.0 = 12. The first poll
// released shows its figures; the second is hidden with the reason; and the store's overlap query
// returns only counts. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../src/core/context.ts';
import { workspaceOf, type Person } from '../../src/core/model/domain.ts';
import { resultsOf } from '../../src/core/polls/aggregates.ts';
import type { Poll } from '../../src/core/polls/model.ts';
import { resultsMessage } from '../../src/core/polls/show.ts';
import type { Store } from '../../src/core/ports.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { createStore } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

describe.each(bothDatabases)('on $name', (database) => {
  let close: () => Promise<void>;
  let store: Store;
  let deps: CoreDeps;
  const polls: Poll[] = [];
  const workspace = workspaceOf('playground');
  const at = new Date('2026-12-01T08:00:00Z');

  /** WHO-5 item answers that add up to the index's raw score (index / 4): 68 → 17, 12 → 3. */
  const answer = (index: number) => {
    const raw = index / 4;
    const answers = [Math.min(5, raw), Math.min(5, Math.max(0, raw - 5)), Math.min(5, Math.max(0, raw - 10)), Math.min(5, Math.max(0, raw - 15)), Math.max(0, raw - 20)];
    return { answers, texts: [], score: index, flagged: index < 50 };
  };

  beforeAll(async () => {
    const db = await database.open();
    close = () => db.close();
    store = createStore(db.prisma);
    deps = {
      store,
      clock: new ManualClock(at),
      deliverer: new RecordingDeliverer(),
      logger: new MemoryLogger(),
      defaultLanguage: 'en',
      defaultTimeZone: 'Europe/Copenhagen',
      instruments: loadInstruments(),
    };
    const people: Person[] = [];
    for (let i = 0; i < 7; i++) people.push(await store.upsertPerson({ platform: 'playground', workspace, externalId: `U-${i}`, displayName: `Person ${i}` }));
    const hr = await store.upsertPerson({ platform: 'playground', workspace, externalId: 'U-hr', displayName: 'HR' });
    const group = await store.createGroup({
      platform: 'playground',
      workspace,
      conversationId: 'C-target',
      name: 'Target',
      language: 'en',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: people[0]!.id,
      memberIds: people.map((p) => p.id),
    });
    const decoy = await store.createGroup({
      platform: 'playground',
      workspace,
      conversationId: 'C-decoy',
      name: 'Decoy',
      language: 'en',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: people[0]!.id,
      memberIds: people.slice(0, 6).map((p) => p.id),
    });
    for (const [title, g, members] of [
      ['Target', group, people],
      ['Decoy', decoy, people.slice(0, 6)],
    ] as const) {
      const poll = await store.createPoll(
        {
          title,
          instrumentId: 'who5',
          questions: [],
          createdById: hr.id,
          platform: 'playground',
          workspace,
          audience: [g.id],
          opensAt: at,
          closesAt: new Date(at.getTime() + 7 * 86_400_000),
          reminders: 0,
          shareWithGroups: false,
          threshold: 5,
          continues: null,
        },
        members.map((p) => ({ personId: p.id, groupId: g.id })),
        at,
      );
      await store.setPollStatus(poll.id, 'scheduled', 'open');
      for (const [i, p] of members.entries()) expect(await store.submitPollAnswer(poll.id, p.id, answer(i === 6 ? 12 : 68))).toBe('saved');
      polls.push(poll);
    }
    // Both close at the same moment: the release order falls back on the poll id.
    for (const poll of polls) await store.setPollStatus(poll.id, 'open', 'closed');
    polls.sort((a, b) => (a.id < b.id ? -1 : 1));
  }, 60_000);
  afterAll(async () => close?.());

  describe('the decoy group', () => {
    it('shows the poll released first and hides the other, so nothing can be subtracted', async () => {
      const [first, second] = [polls[0]!, polls[1]!];
      const shown = await resultsOf(deps, { ...first, status: 'closed' }, 'en');
      expect(shown.total.score!.mean).toBe(first.title === 'Target' ? 60 : 68);
      const hidden = await resultsOf(deps, { ...second, status: 'closed' }, 'en');
      const reason = { hidden: true, reason: 'across_polls', threshold: 5 };
      expect(hidden.total.responded).toEqual(reason);
      expect(hidden.total.score!.mean).toEqual(reason);
      expect(hidden.groups.map((g) => g.score!.mean)).toEqual([reason]);
    });

    it('says why, in English and Danish, without a number that would give it away', async () => {
      const second = { ...polls[1]!, status: 'closed' as const };
      const en = await resultsMessage(deps, second, 'en', true);
      const da = await resultsMessage(deps, second, 'da', true);
      expect(en.text).toContain('hidden: could be worked out by subtracting another poll');
      expect(da.text).toContain('skjult: kunne regnes ud ved at trække en anden måling fra');
      // (68 appears only as the population's mean, in the wording.)
      for (const text of [en.text, da.text]) expect(text).not.toMatch(/\b(12|60)\b|(index|indeks): \d/);
    });

    it('gives the core overlap sizes only', async () => {
      const regions = await store.respondentRegions(polls[0]!.id);
      const sorted = regions.map((r) => ({ n: r.n, polls: r.cells.map((c) => c.pollId).sort() })).sort((a, b) => b.n - a.n);
      expect(sorted).toEqual([
        { n: 6, polls: [polls[0]!.id, polls[1]!.id].sort() },
        { n: 1, polls: [polls.find((p) => p.title === 'Target')!.id] },
      ]);
      expect(JSON.stringify(regions)).not.toMatch(/U-\d|Person/);
    });
  });
});
