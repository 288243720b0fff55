// The Prisma schema and the migrated database agree (ARCHITECTURE.md, Data): every model is a
// table, every scalar field a column with the same nullability, and nothing extra exists.
// Also: the migrations table records each migration folder with its checksum, migrating again
// is a no-op, and an applied migration that was edited afterwards is refused.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/store/generated/client.ts';
import { applyMigrations, type ScriptRunner } from '../../src/store/migrate.ts';
import { createStore, openDatabase, type Database } from '../../src/store/index.ts';
import { bothDatabases, createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MIGRATIONS = join(ROOT, 'prisma/migrations');

interface FieldShape {
  optional: boolean;
  list: boolean;
}

/** model → field → shape, read from schema.prisma with the smallest parser that will do. */
function parseSchema(text: string): Map<string, Map<string, FieldShape>> {
  const models = new Map<string, Map<string, FieldShape>>();
  let current: Map<string, FieldShape> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const open = /^model\s+(\w+)\s*\{$/.exec(line);
    if (open) {
      current = new Map();
      models.set(open[1]!, current);
      continue;
    }
    if (line === '}') {
      current = null;
      continue;
    }
    if (!current || line === '' || line.startsWith('@@')) continue;
    const field = /^(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
    if (field) current.set(field[1]!, { optional: field[3] === '?', list: field[3] === '[]' });
  }
  return models;
}

const schemaText = readFileSync(join(ROOT, 'prisma/schema.prisma'), 'utf8');
const schema = parseSchema(schemaText);

/** enum → its values in order, and "Model.field" → enum for every field of an enum type. */
function parseEnums(text: string): { values: Map<string, string[]>; columns: Map<string, string> } {
  const values = new Map<string, string[]>();
  const fields: Array<[string, string]> = [];
  let block: { kind: string; name: string } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const open = /^(model|enum)\s+(\w+)\s*\{$/.exec(line);
    if (open) block = { kind: open[1]!, name: open[2]! };
    else if (line === '}') block = null;
    else if (block?.kind === 'enum' && line !== '') values.set(block.name, [...(values.get(block.name) ?? []), line]);
    else if (block?.kind === 'model') {
      const field = /^(\w+)\s+(\w+)/.exec(line);
      if (field) fields.push([`${block.name}.${field[1]}`, field[2]!]);
    }
  }
  return { values, columns: new Map(fields.filter(([, type]) => values.has(type))) };
}

const modelNames = Object.values(Prisma.ModelName);

function scalarFields(model: string): string[] {
  const enumeration = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
  if (!enumeration) throw new Error(`Prisma.${model}ScalarFieldEnum is missing from the generated client`);
  return Object.values(enumeration);
}

const migrationFolders = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(MIGRATIONS, entry.name, 'migration.sql')))
  .map((entry) => entry.name)
  .sort();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A ScriptRunner over the Prisma client, for statements that need no transaction of their own. */
function prismaRunner(db: Database): ScriptRunner {
  const runner: ScriptRunner = {
    exec: async (sql) => {
      await db.prisma.$executeRawUnsafe(sql);
    },
    query: (sql, params = []) => db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...params),
    withLock: (work) => work(runner),
  };
  return runner;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back: boolean;
}

const migrationRows = (db: Database) =>
  db.prisma.$queryRawUnsafe<MigrationRow[]>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM "_prisma_migrations" ORDER BY migration_name`,
  );

it('the schema parser sees every model of the generated client', () => {
  expect([...schema.keys()].sort()).toEqual([...modelNames].sort());
  expect(migrationFolders.length).toBeGreaterThan(0);
});

describe.each(bothDatabases)('schema and migrations on $name', (testDb) => {
  let db: Database & { url: string | null };

  beforeAll(async () => {
    db = await testDb.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has a table for every model and no other table but _prisma_migrations', async () => {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
      `SELECT table_name::text AS table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const tables = rows.map((row) => row.table_name).sort();
    expect(tables).toEqual([...modelNames, '_prisma_migrations'].sort());
  });

  it('has every scalar field as a column with matching nullability, and no extra columns', async () => {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>>(
      `SELECT table_name::text AS table_name, column_name::text AS column_name,
              is_nullable::text AS is_nullable, data_type::text AS data_type
         FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    for (const model of modelNames) {
      const fields = schema.get(model)!;
      const columns = rows.filter((row) => row.table_name === model);
      const expected = scalarFields(model).map((name) => {
        const shape = fields.get(name);
        if (!shape) throw new Error(`${model}.${name} is in the client but not found in schema.prisma`);
        // Prisma emits scalar lists as nullable array columns (`TEXT[]`); other fields are
        // NOT NULL unless marked optional with `?`.
        const nullable = shape.optional || shape.list ? 'YES' : 'NO';
        return { column: name, nullable, array: shape.list };
      });
      const actual = columns.map((row) => ({
        column: row.column_name,
        nullable: row.is_nullable,
        array: row.data_type === 'ARRAY',
      }));
      const byName = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
      expect(actual.sort(byName), `columns of "${model}"`).toEqual(expected.sort(byName));
    }
  });

  it('has every enum of the schema as a type with the same values, on the same columns', async () => {
    const { values, columns } = parseEnums(schemaText);
    expect(values.size).toBeGreaterThan(0);
    const types = await db.prisma.$queryRawUnsafe<Array<{ name: string; labels: string[] }>>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = current_schema() GROUP BY t.typname`,
    );
    expect(new Map(types.map((t) => [t.name, t.labels]))).toEqual(values);
    const typed = await db.prisma.$queryRawUnsafe<Array<{ column: string; type: string }>>(
      `SELECT table_name::text || '.' || column_name::text AS column, udt_name::text AS type
         FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'USER-DEFINED'`,
    );
    expect(new Map(typed.map((c) => [c.column, c.type]))).toEqual(columns);
  });

  it('records one finished migration per folder, with the sha256 of its migration.sql', async () => {
    const rows = await migrationRows(db);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationFolders);
    for (const row of rows) {
      const sql = readFileSync(join(MIGRATIONS, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum, row.migration_name).toBe(sha256(sql));
      expect(row.finished, row.migration_name).toBe(true);
      expect(row.rolled_back, row.migration_name).toBe(false);
    }
  });

  it('lets a poll be cancelled (its answers and invitations deleted), and no status or reminder count beyond its rules', async () => {
    const store = createStore(db.prisma);
    const user = await db.prisma.user.create({ data: { platform: 'playground', workspace: 'playground', externalId: `schema-${testDb.name}`, displayName: 'Schema Test' } });
    const base = {
      seriesId: 's',
      title: 'Check',
      platform: 'playground' as const,
      workspace: 'playground',
      opensAt: new Date('2026-12-01T08:00:00Z'),
      closesAt: new Date('2026-12-08T08:00:00Z'),
      reminders: 1,
    };
    const poll = await db.prisma.poll.create({ data: { ...base, status: 'open' } });
    await db.prisma.pollParticipant.create({ data: { pollId: poll.id, userId: user.id, answered: true } });
    await db.prisma.pollResponse.create({ data: { pollId: poll.id, answers: [3], texts: [] } });
    await expect(db.prisma.poll.update({ where: { id: poll.id }, data: { status: 'withdrawn' as never } })).rejects.toThrow();
    await expect(db.prisma.poll.update({ where: { id: poll.id }, data: { remindersPlanned: 2 } })).rejects.toThrow();
    expect(await store.passReminderMoment(poll.id, 0)).toBe(true);
    expect(await store.passReminderMoment(poll.id, 0)).toBe(false);
    expect(await store.cancelPoll(poll.id)).toEqual({ opened: true, invited: [user.id] });
    expect(await store.cancelPoll(poll.id)).toBeNull();
    expect((await db.prisma.poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe('cancelled');
    expect(await db.prisma.pollResponse.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db.prisma.pollParticipant.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await store.extendPoll(poll.id, new Date('2026-12-20T08:00:00Z'))).toBe(false);
    await db.prisma.poll.delete({ where: { id: poll.id } });
    await db.prisma.user.delete({ where: { id: user.id } });
  });

  it('applies nothing when migrating an up-to-date database again', async () => {
    const before = await migrationRows(db);
    await expect(applyMigrations(prismaRunner(db))).resolves.toEqual([]);
    expect(await migrationRows(db)).toEqual(before);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const name = migrationFolders[0]!;
    const sql = `${readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8')}\n-- edited afterwards\n`;
    const before = await migrationRows(db);
    const edited = [{ name, sql, checksum: sha256(sql) }];
    await expect(applyMigrations(prismaRunner(db), edited)).rejects.toThrow(new RegExp(`Migration ${name} was changed after it was applied \\(checksum differs\\)`));
    expect(await migrationRows(db)).toEqual(before);
  });
});

describe('migrating a PostgreSQL server again', () => {
  it('reopening the same database migrates again, applies nothing new and does not fail', async () => {
    const url = await createScratchDatabase();
    try {
      const first = await openDatabase({ kind: 'postgresql', url });
      const before = await migrationRows(first);
      await first.close();
      const second = await openDatabase({ kind: 'postgresql', url });
      try {
        expect(await migrationRows(second)).toEqual(before);
        expect(before.map((row) => row.migration_name)).toEqual(migrationFolders);
      } finally {
        await second.close();
      }
    } finally {
      await dropScratchDatabase(url);
    }
  });

  it('two instances starting together on an empty database apply each migration once', async () => {
    const url = await createScratchDatabase();
    try {
      const opened = await Promise.allSettled([openDatabase({ kind: 'postgresql', url }), openDatabase({ kind: 'postgresql', url })]);
      const databases = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
        expect((await migrationRows(databases[0]!)).map((row) => row.migration_name)).toEqual(migrationFolders);
      } finally {
        await Promise.all(databases.map((database) => database.close()));
      }
    } finally {
      await dropScratchDatabase(url);
    }
  });
});
