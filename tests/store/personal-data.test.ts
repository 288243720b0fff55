// The list of tables holding a person's data must be complete, or "delete my data" leaves
// something behind. This reads the schema's relations and the database after a deletion.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { NOT_PERSONAL, PERSONAL_DATA } from '../../src/store/personal-data.ts';
import { deletePerson } from '../../src/store/personal-delete.ts';
import { teamsConversations } from '../../src/store/teams-conversations.ts';
import { pglite } from '../support/databases.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');

/** Models with a relation field of type User, and the column that points at it. */
function modelsReferencingUser(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, model, body] of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
    const relation = body!.match(/^\s+\w+\s+User\??\s+@relation\(fields: \[(\w+)\]/m);
    if (relation) found[model!] = relation[1]!;
  }
  return found;
}

/** Every model of the schema. */
function allModels(): string[] {
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!);
}

/** Register entries whose column is a foreign key to User.id (not the person's own row, not a job subject). */
const PERSONAL_TABLES = Object.fromEntries(
  Object.entries(PERSONAL_DATA)
    .filter(([model, entry]) => entry.by === 'person' && model !== 'User' && model !== 'Schedule')
    .map(([model, entry]) => [model, entry.column]),
);

describe('personal data', () => {
  it('lists every model that references a person, by the column that does', () => {
    const referencing = modelsReferencingUser();
    expect(Object.keys(referencing).length).toBeGreaterThanOrEqual(4);
    expect(referencing).toEqual(PERSONAL_TABLES);
  });

  it('classifies every model of the schema, once: a new table must say whether it holds personal data', () => {
    const personal = Object.keys(PERSONAL_DATA);
    const other = Object.keys(NOT_PERSONAL);
    expect(personal.filter((model) => other.includes(model))).toEqual([]);
    expect([...personal, ...other].sort()).toEqual(allModels().sort());
  });

  it('names a column that exists on each personal model', () => {
    for (const [model, entry] of Object.entries(PERSONAL_DATA)) {
      const body = schema.match(new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`))![1]!;
      expect(body, model).toMatch(new RegExp(`^\\s+${entry.column}\\s`, 'm'));
    }
  });

  describe('deletePerson', () => {
    let db: Awaited<ReturnType<typeof pglite.open>>;
    beforeAll(async () => {
      db = await pglite.open();
    });
    afterAll(async () => {
      await db.close();
    });

    it('removes the person and every row about them, and nothing about anyone else', async () => {
      const store = createStore(db.prisma);
      const at = new Date('2026-11-23T09:00:00Z');
      const anna = await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: 'a', displayName: 'Anna' });
      const bo = await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: 'b', displayName: 'Bo' });
      const group = await store.createGroup({
        platform: 'playground',
        workspace: workspaceOf('playground'),
        conversationId: 'c',
        name: 'G',
        language: 'da',
        timeZone: 'Europe/Copenhagen',
        facilitatorId: anna.id,
        memberIds: [bo.id],
      });
      await db.prisma.workspaceRole.create({ data: { userId: bo.id, role: 'hr' } });
      const checkin = await store.startCheckin(group.id, at);
      for (const person of [anna, bo]) {
        await store.saveAnswer({ roundId: checkin.rounds[0]!.id, personId: person.id, text: person.displayName, passed: false, shared: true, at });
      }
      await store.closeCheckin(checkin.id, at, () => [
        { personId: anna.id, present: true },
        { personId: bo.id, present: true },
      ]);
      const terms = { text: 'x', groupId: group.id, followUpDate: '2026-12-01', repeatWeeks: null, expectedEffort: 2, expectedBenefit: 4, source: 'direct' as const, sourceRef: null };
      const own = (await store.createAgreement({ ...terms, kind: 'personal', ownerId: bo.id, visibility: 'private' }, at))!;
      const shared = (await store.createAgreement({ ...terms, kind: 'group', ownerId: bo.id, visibility: 'group' }, at))!;
      const annas = (await store.createAgreement({ ...terms, kind: 'group', ownerId: anna.id, visibility: 'group' }, at))!;
      await store.changeAgreement(annas.id, { patch: {}, event: { kind: 'kept', actorId: bo.id, at, previousText: null, followUpDate: null, benefit: null } }, at);

      for (const person of [anna, bo]) await store.saveOwnWellbeing(person, { takenAt: at, answers: [3, 3, 3, 3, 3], index: 60 });

      await deletePerson(db.prisma, bo.id);

      // Bo's own agreement is gone; the group's agreements stay with the group, without his name.
      expect(await store.agreement(own.id)).toBeNull();
      expect((await store.agreement(shared.id))?.ownerId).toBeNull();
      expect(await store.agreementEvents([annas.id], 10)).toHaveLength(2);

      expect(await db.prisma.user.count({ where: { id: bo.id } })).toBe(0);
      for (const [model, column] of Object.entries(PERSONAL_TABLES)) {
        const rows = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${model}" WHERE "${column}" = $1`, bo.id);
        expect(rows[0]!.n, model).toBe(0);
      }
      expect(await db.prisma.answer.count({ where: { userId: anna.id } })).toBe(1);
      expect(await db.prisma.membership.count({ where: { userId: anna.id } })).toBe(1);
      expect(await store.ownWellbeing(anna, 5)).toHaveLength(1);
    });

    it("removes a Teams member's personal chat reference, which names them by their Teams id", async () => {
      const store = createStore(db.prisma);
      const at = new Date('2026-11-23T09:00:00Z');
      const chats = teamsConversations(db.prisma);
      const cara = await store.upsertPerson({ platform: 'teams', workspace: workspaceOf('teams', 'tenant-1'), externalId: '29:cara', displayName: 'Cara' });
      await store.upsertPerson({ platform: 'teams', workspace: workspaceOf('teams', 'tenant-1'), externalId: '29:dan', displayName: 'Dan' });
      for (const member of ['29:cara', '29:dan']) {
        await chats.remember({ id: `a:${member}`, kind: 'personal', tenantId: 't', memberExternalId: member, reference: { conversation: { id: `a:${member}` } } }, at);
      }
      await deletePerson(db.prisma, cara.id);
      expect(
        Object.entries(PERSONAL_DATA)
          .filter(([, entry]) => entry.by === 'platform_id')
          .map(([model]) => model),
      ).toContain('TeamsConversation');
      expect(await chats.personalChatOf('29:cara')).toBeNull();
      expect(await chats.personalChatOf('29:dan')).not.toBeNull();
    });
  });
});
