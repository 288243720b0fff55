// PostgreSQL runs Prisma's statements as named prepared statements (parsed and planned once per
// connection), the names bounded so the server keeps a bounded number per connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementNames } from '../../src/store/statement-names.ts';
import { postgresql } from '../support/databases.ts';

describe('statementNames', () => {
  it('gives each SQL text one name for good, distinct from every other text’s', () => {
    const name = statementNames(10);
    const a = name({ sql: 'SELECT 1' });
    const b = name({ sql: 'SELECT 2' });
    expect(a).not.toBe('');
    expect(b).not.toBe(a);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
  });

  it('names at most `max` texts; the rest run unnamed, and the named keep their names', () => {
    const name = statementNames(2);
    const first = name({ sql: 'a' });
    name({ sql: 'b' });
    expect(name({ sql: 'c' })).toBe('');
    expect(name({ sql: 'd' })).toBe('');
    expect(name({ sql: 'a' })).toBe(first);
  });
});

describe('on a PostgreSQL server', () => {
  let db: Awaited<ReturnType<typeof postgresql.open>>;
  beforeAll(async () => {
    db = await postgresql.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a read run again is prepared on its connection once, and reads the same', async () => {
    const read = () => db.prisma.user.findMany({ where: { platform: 'slack', externalId: { in: ['T1:U1', 'T1:U2'] } } });
    await db.prisma.user.create({ data: { platform: 'slack', workspace: 'slack:T1', externalId: 'T1:U1', displayName: 'Ulla' } });
    // One at a time, so the pool hands out its most recently used connection each time.
    const first = await read();
    const again = await read();
    expect(again).toEqual(first);
    expect(first.map((u) => u.displayName)).toEqual(['Ulla']);
    const prepared = await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'lederrum\\_%'`;
    expect(prepared.length).toBeGreaterThan(0);
  });

  it('a failing statement (a unique violation) still maps to its code, and the next run of it works', async () => {
    const create = () => db.prisma.user.create({ data: { platform: 'slack', workspace: 'slack:T1', externalId: 'T1:U9', displayName: 'Ib' } });
    await create();
    await expect(create()).rejects.toMatchObject({ code: 'P2002' });
    await db.prisma.user.delete({ where: { platform_externalId: { platform: 'slack', externalId: 'T1:U9' } } });
    await expect(create()).resolves.toMatchObject({ displayName: 'Ib' });
  });
});
