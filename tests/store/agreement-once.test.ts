// Agreements decided by the database, on both databases (issue 20 point 6c): one agreement per
// takeaway or tool session however many saves arrive at once; one answer to a group's proposal
// however many members press at once. And the migration that brings the unique source to a
// database where a source was already used twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewAgreement } from '../../src/core/agreements/model.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { createStore, type Database } from '../../src/store/index.ts';
import { bothDatabases } from '../support/databases.ts';
import { engines } from '../support/migration-engines.ts';

const AT = new Date('2026-11-23T09:00:00.000Z');
const SOURCE_ONCE = '20261211000000_agreement_source_once';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

describe.each(bothDatabases)('agreements on $name', (testDb) => {
  let db: Database;
  let store: Store;
  beforeAll(async () => {
    db = await testDb.open();
    store = createStore(db.prisma);
  });
  afterAll(async () => db?.close());

  const person = () => store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T1'), externalId: unique('U'), displayName: 'Bo' });
  const terms = (ownerId: string, sourceRef: string | null): NewAgreement => ({
    kind: 'personal',
    text: 'Fem minutters luft',
    groupId: null,
    ownerId,
    visibility: 'private',
    followUpDate: '2026-12-01',
    repeatWeeks: null,
    expectedEffort: 2,
    expectedBenefit: 4,
    source: sourceRef ? 'tool' : 'direct',
    sourceRef,
  });

  it('makes one agreement from a source when five saves arrive at once, and any number made directly', async () => {
    const bo = await person();
    const source = unique('session');
    const made = await Promise.all(Array.from({ length: 5 }, () => store.createAgreement(terms(bo.id, source), AT)));
    expect(made.filter((a) => a !== null)).toHaveLength(1);
    expect(await db.prisma.agreement.count({ where: { sourceRef: source } })).toBe(1);
    expect(await db.prisma.agreementEvent.count({ where: { agreement: { sourceRef: source }, kind: 'made' } })).toBe(1);
    expect((await store.agreementFrom('tool', source))?.id).toBe(made.find((a) => a !== null)?.id);
    await store.createAgreement(terms(bo.id, null), AT);
    await store.createAgreement(terms(bo.id, null), AT);
    expect(await db.prisma.agreement.count({ where: { ownerId: bo.id, sourceRef: null } })).toBe(2);
  });

  it('takes one answer to a proposal when members press yes and no at once; declined, it is stopped', async () => {
    const [bo, carl, anna] = [await person(), await person(), await person()];
    const group = await store.createGroup({
      platform: 'slack',
      workspace: workspaceOf('slack', 'T1'),
      conversationId: unique('C'),
      name: unique('Nord'),
      language: 'da',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: bo.id,
      memberIds: [bo.id, carl.id, anna.id],
    });
    const proposal = (await store.createAgreement({ ...terms(bo.id, null), kind: 'group', groupId: group.id, visibility: 'group' }, AT))!;
    const answers = await Promise.all([store.decideAgreement(proposal.id, 'declined', carl.id, AT), store.decideAgreement(proposal.id, 'accepted', anna.id, AT)]);
    const decided = answers.filter((a) => a !== null);
    expect(decided).toHaveLength(1);
    const events = await db.prisma.agreementEvent.findMany({ where: { agreementId: proposal.id, kind: { in: ['accepted', 'declined'] } } });
    expect(events.map((e) => e.kind)).toEqual([decided[0]!.decision]);
    const after = await db.prisma.agreement.findUniqueOrThrow({ where: { id: proposal.id } });
    if (after.decision === 'declined') expect(after).toMatchObject({ status: 'stopped', followUpDate: null });
    else expect(after).toMatchObject({ status: 'active', followUpDate: '2026-12-01' });
  });
});

describe.each(engines)('the unique agreement source migration on $name', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('keeps every agreement made twice from one source, the first as made from it', { timeout: 60_000 }, async () => {
    const opened = await engine.open();
    close = opened.close;
    const all = readMigrations();
    await applyMigrations(
      opened.runner,
      all.filter((m) => m.name < SOURCE_ONCE),
    );
    const row = (id: string, source: string, ref: string | null, minutes: number) =>
      `('${id}', 'personal', 'x', NULL, 'u1', 'private', 'active', 2, 4, '${source}', ${ref ? `'${ref}'` : 'NULL'}, TIMESTAMP '2026-11-23 09:00' + interval '${minutes} minutes', now())`;
    await opened.runner.exec(`
      INSERT INTO "User" ("id", "platform", "workspace", "externalId", "displayName") VALUES ('u1', 'slack', 'slack:T1', 'T1:U1', 'Bo');
      INSERT INTO "Agreement" ("id", "kind", "text", "groupId", "ownerId", "visibility", "status", "expectedEffort", "expectedBenefit", "source", "sourceRef", "createdAt", "updatedAt") VALUES
        ${[row('a-first', 'tool', 's1', 0), row('a-again', 'tool', 's1', 5), row('a-third', 'tool', 's1', 9), row('b-only', 'takeaway', 'r1', 1), row('c-direct', 'direct', null, 2), row('d-direct', 'direct', null, 3)].join(',\n')};`);
    await applyMigrations(opened.runner, all);
    const rows = await opened.runner.query('SELECT "id", "source", "sourceRef" FROM "Agreement" ORDER BY "id"');
    expect(rows).toEqual([
      { id: 'a-again', source: 'direct', sourceRef: null },
      { id: 'a-first', source: 'tool', sourceRef: 's1' },
      { id: 'a-third', source: 'direct', sourceRef: null },
      { id: 'b-only', source: 'takeaway', sourceRef: 'r1' },
      { id: 'c-direct', source: 'direct', sourceRef: null },
      { id: 'd-direct', source: 'direct', sourceRef: null },
    ]);
  });
});
