// The in-memory databases most tests use start from one migrated template (global-setup.ts): a
// database opened from it holds every migration, no rows, and is its own — writes to one never
// show in another opened from the same template.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { pgliteTemplate } from '../../src/store/database.ts';
import { readMigrations } from '../../src/store/migrate.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { inMemory } from '../support/memory-database.ts';

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('a PGlite started from the migrated template', () => {
  it('has every migration applied, no rows, and keeps its writes to itself', async () => {
    const template = await pgliteTemplate();
    const [first, second] = await Promise.all([0, 1].map(() => openDatabase({ kind: 'pglite', dataDir: null, template })));
    opened.push(first!, second!);
    const applied = await first!.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(applied.map((m) => m.migration_name)).toEqual(
      readMigrations()
        .map((m) => m.name)
        .sort(),
    );
    expect(await first!.prisma.user.count()).toBe(0);
    await first!.prisma.user.create({ data: { platform: 'playground', workspace: workspaceOf('playground', 'local'), externalId: 'only-here', displayName: 'Only here' } });
    expect(await first!.prisma.user.count()).toBe(1);
    expect(await second!.prisma.user.count()).toBe(0);
  });

  it("as the tests open it (the run's template, its bytes shared by every database) keeps each one's writes to itself", async () => {
    const first = await openDatabase(inMemory());
    opened.push(first);
    await first.prisma.user.create({ data: { platform: 'playground', workspace: workspaceOf('playground', 'local'), externalId: 'only-here', displayName: 'Only here' } });
    await first.close();
    opened.pop();
    const second = await openDatabase(inMemory());
    opened.push(second);
    expect(await second.prisma.user.count()).toBe(0);
    expect(await second.prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM "_prisma_migrations"')).not.toHaveLength(0);
  });
});

describe('PGlite sized for a bot', () => {
  it('runs with 16 MB of shared buffers, not the server default of 128 MB, in memory and in a data directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lederrum-pglite-'));
    try {
      for (const target of [
        { kind: 'pglite', dataDir: null, template: await pgliteTemplate() },
        { kind: 'pglite', dataDir: join(dir, 'db') },
      ] as const) {
        const db = await openDatabase(target);
        opened.push(db);
        expect(await db.prisma.$queryRawUnsafe('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
      }
    } finally {
      await Promise.all(opened.splice(0).map((db) => db.close()));
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
