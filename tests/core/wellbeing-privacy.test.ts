// Issue 19, point 4, "the private trend is invisible to everyone else, HR included": Bo and Carl
// take their own WHO-5 (far below 50) before and after a WHO-5 poll of their group. HR's results
// are the poll answers' own (the mean worked out here from what was answered) and
// do not move when more private entries come; HR's poll list and the facilitator's views read the
// same before and after; nobody else — HR, the facilitator, a namesake in another workspace — sees
// an entry; nothing is posted or sent. And the sources: only the well-being feature and the
// personal-data export and deletion touch the table, so no poll, HR or facilitator path can.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import type { Reply } from '../../src/core/model/messages.ts';
import { decimal } from '../../src/core/polls/render.ts';
import { POLL_CONTROLS } from '../../src/core/polls/controls.ts';
import { WELLBEING_FORM } from '../../src/core/wellbeing/messages.ts';
import { createGroup, direct, openHarness, shown, type Harness, type Name } from './flow-harness.ts';

const ROOT = join(import.meta.dirname, '../..');
const LOW = [1, 0, 1, 0, 0];
const POLL: Record<'anna' | 'bo' | 'carl', number[]> = { anna: [3, 3, 3, 3, 3], bo: [4, 4, 4, 4, 4], carl: [2, 3, 3, 3, 3] };
const answers = (values: number[]) => Object.fromEntries(values.map((v, i) => [`q${i}`, String(v)]));
const takePrivately = (who: Name, values = LOW) => h.submit(who, WELLBEING_FORM, '', answers(values), direct(who));
const everything = () => [...h.deliverer.posts.map((p) => p.message.text), ...h.deliverer.privates.map((p) => p.message.text)].join('\n');

let h: Harness;
let group: Place;
let pollId: string;

beforeAll(async () => {
  h = await openHarness({ planner: true, instruments: true, admins: ['playground:U-anna'] });
  ({ place: group } = await createGroup(h, 'Ledergruppen', 'da', ['bo', 'carl']));
  await h.say('dorte', 'hjælp', direct('dorte'));
  expect(shown(await h.say('anna', 'hr tildel Dorte', direct('anna')))).toContain('Dorte');
  for (const who of ['bo', 'carl'] as const) expect(shown(await takePrivately(who))).toContain('Dit trivselsindeks: 8 af 100');
  const groupId = (await h.store.groupsOf((await h.person('bo')).id))[0]!.id;
  const values = { title: 'Trivsel', template: 'who5', questions: '', audience: [groupId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: '', share: false };
  expect((await h.submit('dorte', 'poll.create', '', values, direct('dorte'))).kind).toBe('message');
  pollId = (await h.prisma.poll.findFirstOrThrow({ where: { title: 'Trivsel' } })).id;
  for (const [who, values] of Object.entries(POLL) as Array<[Name, number[]]>) {
    expect(shown(await h.submit(who, 'poll.answer', pollId, answers(values), direct(who)))).toContain('Tak');
  }
  await takePrivately('bo');
  expect(shown(await h.press('dorte', POLL_CONTROLS.close, pollId, direct('dorte'))).length).toBeGreaterThan(0);
}, 90_000);
afterAll(async () => h?.close());

describe("a leader's private well-being, seen from everyone else", () => {
  const results = () => h.press('dorte', 'poll.results', pollId, direct('dorte'));

  it("gives HR the poll's own figures: the private entries are in no aggregate", async () => {
    const indexes = Object.values(POLL).map((values) => values.reduce((a, b) => a + b, 0) * 4);
    const mean = indexes.reduce((a, b) => a + b, 0) / indexes.length;
    const text = shown(await results());
    expect(text).toContain(`Gennemsnitligt trivselsindeks: ${decimal(mean, 1, 'da')} af 100`);
    expect(text).toContain('3 af 3 har svaret');
  });

  it("leaves HR's results and poll list, and the facilitator's views, as they were when more entries come", async () => {
    const views = async () => ({
      results: shown(await results()),
      polls: shown(await h.say('dorte', 'målinger', direct('dorte'))),
      participation: shown(await h.say('anna', 'deltagelse', group)),
      overview: shown(await h.say('anna', 'overblik', direct('anna'))),
      groupAgreements: shown(await h.say('anna', 'aftaler gruppe', group)),
    });
    const before = await views();
    await takePrivately('bo', [0, 0, 0, 0, 0]);
    await takePrivately('carl', [5, 5, 5, 5, 5]);
    expect(await views()).toEqual(before);
  });

  it('shows no one else an entry: not HR, not the facilitator, not a namesake in another workspace', async () => {
    for (const who of ['dorte', 'anna'] as const) {
      const reply = await h.say(who, 'min trivsel', direct(who));
      expect(shown(reply), who).toContain('fem korte udsagn');
      expect(shown(reply), who).not.toContain('Din kurve');
    }
    const namesake: Actor = { platform: 'slack', workspace: workspaceOf('slack', 'TX'), externalId: 'TX:U-bo', displayName: 'Bo' };
    const reply: Reply = await h.bot.handle({ type: 'command', actor: namesake, place: { kind: 'direct', conversationId: 'TX:D-bo' }, text: 'my well-being' });
    expect(shown(reply)).not.toContain('Din kurve');
    const bo = await h.person('bo');
    expect(await h.store.ownWellbeing(bo, 20)).toHaveLength(3);
    expect(await h.store.ownWellbeing({ id: bo.id, workspace: workspaceOf('slack', 'TX') }, 20)).toEqual([]);
    expect(await h.store.ownWellbeing(await h.person('carl'), 20)).toHaveLength(2);
  });

  it('posted and sent nothing about anyone’s own well-being', () => {
    expect(everything()).not.toMatch(/Dit trivselsindeks|Din kurve|Min trivsel/);
  });
});

describe('the sources', () => {
  it('read and write the entries only in the well-being feature and in the person’s own export and deletion', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return path.endsWith('generated') ? [] : files(path);
        return path.endsWith('.ts') ? [path] : [];
      });
    const touching = [...files('src'), ...files('adapters')].filter((path) => /\b(ownWellbeing|saveOwnWellbeing|wellbeingEntry)\b/.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(touching.map((path) => relative('.', path)).sort()).toEqual([
      'src/core/wellbeing/model.ts',
      'src/core/wellbeing/page.ts',
      'src/core/wellbeing/service.ts',
      'src/store/personal-delete.ts',
      'src/store/personal-export.ts',
      'src/store/wellbeing.ts',
    ]);
  });
});
