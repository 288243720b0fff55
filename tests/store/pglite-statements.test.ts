// PGlite's statements kept prepared (src/store/pglite-statements.ts) answer exactly as PGlite's
// own `query` does: the same rows, fields, counts and errors, for every type Lederrum stores,
// through Prisma too, and inside transactions that roll back. PGlite's `query` is the oracle:
// each case runs on both and compares.
import { messages, PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRISMA_OPTIONS, pgliteTemplate } from '../../src/store/database.ts';
import { PrismaClient } from '../../src/store/generated/client.ts';
import { forPrisma } from '../../src/store/pglite-database.ts';
import { PreparedStatements } from '../../src/store/pglite-statements.ts';
import { inMemory } from '../support/memory-database.ts';

let client: PGlite;
let statements: PreparedStatements;
/** PGlite as the app gives it to Prisma, on the same kept statements. */
let db: PGlite;

beforeAll(async () => {
  client = await PGlite.create();
  statements = new PreparedStatements(client);
  db = forPrisma(client, statements);
  await client.exec(`
    CREATE TYPE mood AS ENUM ('glad', 'sur');
    CREATE TABLE kinds (
      id int PRIMARY KEY, big bigint, label text UNIQUE, flag boolean, doc json, docb jsonb, raw bytea,
      tags text[], counts int[], at timestamptz, local timestamp, day date, amount numeric, ref uuid, mood mood
    );`);
}, 60_000);
afterAll(async () => client?.close());

/** Runs the statement on PGlite's own `query` and on the kept statements; both answers must be equal. */
async function same<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
  const expected = await client.query<T>(sql, params, options);
  const got = await statements.query<T>(sql, params, options);
  expect(got).toEqual(expected);
  return got;
}

async function failure(run: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await run.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(messages.DatabaseError);
  return error as Record<string, unknown>;
}

const INSERT = `INSERT INTO kinds (id, big, label, flag, doc, docb, raw, tags, counts, at, local, day, amount, ref, mood)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;
const values = (id: number, label: string | null) => [
  id,
  9007199254740993n,
  label,
  true,
  { a: [1, 'æøå'] },
  { b: null },
  new Uint8Array([0, 1, 254, 255]),
  ['x', 'y "z"', null],
  [1, 2, 3],
  new Date('2026-03-29T01:30:00.123Z'),
  '2026-03-29 02:30:00',
  '2026-03-29',
  '12.500',
  '6f1c2a9e-4a36-4d3f-9a0e-2f4b8f5b1c11',
  'sur',
];

describe('a kept statement answers as PGlite.query does', () => {
  it('writes every type as PGlite writes it, nulls too, and reads it back the same in rows and arrays', async () => {
    const inserted = await statements.query(INSERT, values(1, 'fast'));
    await client.query(INSERT, values(2, 'pglite'));
    expect(inserted).toMatchObject({ command: 'INSERT', affectedRows: 1, rowCount: 1, rows: [], fields: [] });
    await statements.query(INSERT, [3, ...Array(14).fill(null)]);
    await client.query(INSERT, [4, ...Array(14).fill(null)]);
    const read = 'SELECT big, flag, doc, docb, raw, tags, counts, at, local, day, amount, ref, mood FROM kinds WHERE id = $1';
    for (const pair of [
      [1, 2],
      [3, 4],
    ] as const) {
      const [fast, own] = await Promise.all(pair.map((id) => client.query(read, [id])));
      expect(fast!.rows).toEqual(own!.rows);
    }
    const all = await same('SELECT * FROM kinds ORDER BY id');
    expect(all.rows).toHaveLength(4);
    await same('SELECT * FROM kinds ORDER BY id', [], { rowMode: 'array' });
    // A parser of the caller's for one type (as pglite-prisma-adapter passes its own) wins over PGlite's.
    await same('SELECT id, at, doc FROM kinds WHERE id = ANY($1) ORDER BY id', [[1, 3]], { rowMode: 'array', parsers: { 1184: (text: string) => `at ${text}`, 114: (text: string) => text } });
    await same('UPDATE kinds SET flag = NOT flag WHERE id > $1', [2]);
    await same('SELECT id FROM kinds WHERE label = $1', ['nobody']);
    // An answer larger than one write from PostgreSQL (several chunks), with text that is not ASCII.
    const big = await same("SELECT i, repeat('æø', $1::int) AS text FROM generate_series(1, 2000) AS i", [100]);
    expect(big.rows).toHaveLength(2000);
  });

  it('parses a text once and keeps it; executing it again binds and runs only', async () => {
    const before = statements.size;
    for (let i = 0; i < 3; i++) await same('SELECT count(*)::int AS n, $1::text AS asked FROM kinds', [`run ${i}`]);
    expect(statements.size).toBe(before + 1);
    const kept = await client.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'lederrum_%'`);
    expect(kept.rows.map((r) => r.statement)).toContain('SELECT count(*)::int AS n, $1::text AS asked FROM kinds');
  });

  it('keeps at most its limit, closing the least recently used statement in PostgreSQL too', async () => {
    const small = new PreparedStatements(client, 2);
    const texts = ['SELECT 1 AS one', 'SELECT 2 AS two', 'SELECT 3 AS three'];
    await small.query(texts[0]!);
    await small.query(texts[1]!);
    await small.query(texts[0]!); // now the most recently used: 'two' goes first
    await small.query(texts[2]!);
    expect(small.size).toBe(2);
    const kept = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
    const mine = kept.rows.map((r) => r.statement).filter((s) => texts.includes(s));
    expect(mine.sort()).toEqual(['SELECT 1 AS one', 'SELECT 3 AS three']);
    expect((await small.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('throws the DatabaseError PGlite throws, with the statement and its parameters, and keeps nothing unparsable', async () => {
    const own = await failure(client.query(INSERT, values(10, 'fast')));
    const fast = await failure(statements.query(INSERT, values(11, 'fast')));
    const fields = ['message', 'severity', 'code', 'detail', 'schema', 'table', 'constraint', 'query'];
    expect(pick(fast, fields)).toEqual(pick(own, fields));
    expect(pick(fast, ['code', 'detail', 'constraint'])).toEqual({ code: '23505', detail: 'Key (label)=(fast) already exists.', constraint: 'kinds_label_key' });
    expect(fast['params']).toEqual(values(11, 'fast'));
    const size = statements.size;
    const parseOwn = await failure(client.query('SELECT nothing FROM kinds'));
    const parseFast = await failure(statements.query('SELECT nothing FROM kinds'));
    expect(pick(parseFast, ['message', 'code', 'position'])).toEqual(pick(parseOwn, ['message', 'code', 'position']));
    expect(statements.size).toBe(size);
    const bindFast = await failure(statements.query('SELECT id FROM kinds WHERE ref = $1', ['not a uuid']));
    expect(bindFast['code']).toBe('22P02');
    // The session is usable afterwards.
    await same('SELECT id FROM kinds WHERE ref = $1', ['6f1c2a9e-4a36-4d3f-9a0e-2f4b8f5b1c11']);
  });

  it('re-prepares a statement a schema change made stale, or that was deallocated behind its back', async () => {
    await client.exec('CREATE TABLE growing (id int PRIMARY KEY); INSERT INTO growing VALUES (1)');
    expect((await statements.query('SELECT * FROM growing WHERE id = $1', [1])).rows).toEqual([{ id: 1 }]);
    await client.exec('ALTER TABLE growing ADD COLUMN note text');
    expect((await same('SELECT * FROM growing WHERE id = $1', [1])).rows).toEqual([{ id: 1, note: null }]);
    await client.exec('DEALLOCATE ALL');
    await same('SELECT * FROM growing WHERE id = $1', [1]);
    // All the others went with DEALLOCATE ALL too: none is kept but the one parsed again.
    expect(statements.size).toBe(1);
    // Inside a transaction the stale statement's error has already aborted it, so there is no
    // retry there: the transaction fails once (as any statement error fails it), the next run parses afresh.
    await client.exec('ALTER TABLE growing ADD COLUMN later int');
    await expect(db.transaction((tx) => tx.query('SELECT * FROM growing WHERE id = $1', [1]))).rejects.toMatchObject({ code: '0A000' });
    expect((await db.transaction((tx) => tx.query('SELECT * FROM growing WHERE id = $1', [1]))).rows).toEqual([{ id: 1, note: null, later: null }]);
  });
});

describe('inside a transaction', () => {
  it('runs in it, and what it wrote goes when the transaction rolls back, by an error or by rollback()', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(INSERT, values(20, 'undone by error'));
        expect((await tx.query('SELECT label FROM kinds WHERE id = $1', [20])).rows).toEqual([{ label: 'undone by error' }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await db.transaction(async (tx) => {
      await tx.query(INSERT, values(21, 'undone by rollback'));
      await tx.rollback();
    });
    expect((await db.query('SELECT id FROM kinds WHERE id IN (20, 21)')).rows).toEqual([]);
    // Prepared statements are not transactional: the one first parsed inside the rolled-back transaction is kept and runs after it.
    const size = statements.size;
    expect((await db.query('SELECT label FROM kinds WHERE id = $1', [1])).rows).toEqual([{ label: 'fast' }]);
    expect(statements.size).toBe(size);
  });

  it('reports an aborted transaction as PostgreSQL does, and refuses a closed one', async () => {
    let closed: Parameters<Parameters<PGlite['transaction']>[0]>[0] | undefined;
    await expect(
      db.transaction(async (tx) => {
        closed = tx;
        await expect(tx.query('SELECT 1/0 AS nope')).rejects.toMatchObject({ code: '22012' });
        await tx.query('SELECT 1 AS after');
      }),
    ).rejects.toMatchObject({ code: '25P02' });
    await expect(closed!.query('SELECT 1 AS after')).rejects.toThrow('Transaction is closed');
  });
});

describe('through Prisma', () => {
  let plain: PrismaClient;
  let fast: PrismaClient;
  let shared: PGlite;

  beforeAll(async () => {
    const target = inMemory();
    shared = await PGlite.create({ loadDataDir: 'template' in target && target.template ? target.template : await pgliteTemplate() });
    plain = new PrismaClient({ ...PRISMA_OPTIONS, adapter: new PrismaPGlite(shared) });
    fast = new PrismaClient({ ...PRISMA_OPTIONS, adapter: new PrismaPGlite(forPrisma(shared)) });
  }, 60_000);
  afterAll(async () => {
    await plain?.$disconnect();
    await fast?.$disconnect();
    await shared?.close();
  });

  it('reads what the plain adapter reads: enums, JSON, text arrays, dates, nulls and relations', async () => {
    const user = await fast.user.create({ data: { platform: 'slack', workspace: 'slack:T1', externalId: 'U1', displayName: 'Åse', pausedUntil: null } });
    const group = await fast.group.create({
      data: {
        workspace: 'slack:T1',
        platform: 'slack',
        conversationId: 'C1',
        name: 'Gruppe',
        language: 'da',
        timeZone: 'Europe/Copenhagen',
        memberships: { create: { userId: user.id, role: 'facilitator' } },
      },
    });
    await fast.playgroundConversation.create({ data: { id: 'pc1', kind: 'group', name: 'Rum', members: ['a', 'b "c"', 'æ'] } });
    const query = { where: { id: user.id }, include: { memberships: { include: { group: true } } } };
    const fromFast = await fast.user.findUnique(query);
    expect(fromFast).toEqual(await plain.user.findUnique(query));
    expect(fromFast?.memberships[0]).toMatchObject({ role: 'facilitator', leftAt: null, group: { id: group.id } });
    const conversation = await fast.playgroundConversation.findUnique({ where: { id: 'pc1' } });
    expect(conversation).toEqual(await plain.playgroundConversation.findUnique({ where: { id: 'pc1' } }));
    expect(conversation?.members).toEqual(['a', 'b "c"', 'æ']);
    const raw = 'SELECT $1::bytea AS raw, $2::jsonb AS doc, $3::text[] AS tags, $4::timestamptz AS at, $5::int AS nothing';
    const params = [new Uint8Array([1, 2, 255]), JSON.stringify({ ø: [1] }), ['x', null], new Date('2026-10-25T00:59:59.999Z'), null];
    expect(await fast.$queryRawUnsafe(raw, ...params)).toEqual(await plain.$queryRawUnsafe(raw, ...params));
  });

  it('maps a unique violation to Prisma P2002 naming the fields, and rolls back an interactive transaction', async () => {
    const data = { platform: 'slack' as const, workspace: 'slack:T2', externalId: 'U2', displayName: 'To gange' };
    await fast.user.create({ data });
    const duplicate = await fast.user.create({ data }).catch((error: unknown) => error);
    const expected = await plain.user.create({ data }).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: 'P2002' });
    expect((duplicate as { meta: unknown }).meta).toEqual((expected as { meta: unknown }).meta);
    await expect(
      fast.$transaction(async (tx) => {
        await tx.user.create({ data: { ...data, externalId: 'U3' } });
        await tx.user.create({ data });
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await fast.user.count({ where: { externalId: 'U3' } })).toBe(0);
  });
});

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, from[k]]));
}
