// A new PGlite folder is prepared (initdb and migrations) by a process of its own, so the serving
// process never holds that work's garbage; a folder that cannot be prepared is one clear error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/store/index.ts';
import { initialiseInOwnProcess, isInitialised } from '../../src/store/pglite.ts';

describe('a PGlite folder’s first start', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const scratch = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lederrum-first-start-'));
    dirs.push(dir);
    return dir;
  };

  it('runs initdb and every migration in a child process; the folder then opens migrated', async () => {
    const dataDir = join(await scratch(), 'data');
    expect(isInitialised(dataDir)).toBe(false);
    await initialiseInOwnProcess(dataDir);
    expect(isInitialised(dataDir)).toBe(true);
    // Opened without migrating: the child's migrations must already be there.
    const database = await openDatabase({ kind: 'pglite', dataDir }, { migrate: false });
    try {
      const tables = await database.prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations"`;
      expect(Number(tables[0]!.count)).toBeGreaterThan(5);
      expect(await database.prisma.schedule.count()).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('openDatabase on a new folder prepares it through the child and keeps its settings', async () => {
    const dataDir = join(await scratch(), 'data');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [row] = await database.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`;
      expect(row!.shared_buffers).toBe('16MB');
    } finally {
      await database.close();
    }
    expect(isInitialised(dataDir)).toBe(true);
  });

  it('a folder that cannot be prepared is DATABASE_UNREACHABLE with the child’s reason', async () => {
    const file = join(await scratch(), 'not-a-folder');
    await writeFile(file, 'x');
    const error = await initialiseInOwnProcess(join(file, 'data')).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^preparing a new database failed: /);
    const opened = await openDatabase({ kind: 'pglite', dataDir: join(file, 'data') }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(opened).toBeInstanceOf(LederrumError);
    expect((opened as LederrumError).code).toBe('DATABASE_UNREACHABLE');
  });
});
