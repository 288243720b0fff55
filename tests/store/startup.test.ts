// Opening the database at start-up: an unreachable server is one clear LederrumError that is
// safe to log, and an embedded PGlite with a data directory keeps its data across restarts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import { createStore, openDatabase } from '../../src/store/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

describe('openDatabase on an unreachable PostgreSQL server', () => {
  it('rejects with DATABASE_UNREACHABLE naming the URL with the password hidden, and the reason', async () => {
    const url = 'postgresql://postgres:secret@127.0.0.1:1/nope';
    const error = await openDatabase({ kind: 'postgresql', url }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(LederrumError);
    const failure = error as LederrumError;
    expect(failure.code).toBe('DATABASE_UNREACHABLE');
    expect(failure.message).toContain('postgresql://postgres:***@127.0.0.1:1/nope');
    expect(failure.message).toMatch(/ECONNREFUSED/);
    expect(failure.message).not.toContain('secret');
    expect(failure.cause).toBeDefined();
  });
});

describe('PGlite with a data directory', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps its data across close and reopen, and does not migrate twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lederrum-pglite-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');

    const first = await openDatabase({ kind: 'pglite', dataDir });
    expect(first.location).toBe(`PGlite at ${dataDir}`);
    const store = createStore(first.prisma);
    const fia = await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: 'fia', displayName: 'Fia', locale: 'da' });
    const group = await store.createGroup({
      platform: 'playground',
      workspace: workspaceOf('playground'),
      conversationId: 'leaders',
      name: 'Leaders',
      language: 'da',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: fia.id,
      memberIds: [],
    });
    const checkin = await store.startCheckin(group.id, new Date('2026-11-23T09:00:00.000Z'));
    const { answer } = await store.saveAnswer({
      roundId: checkin.rounds[0]!.id,
      personId: fia.id,
      text: 'Kept across restarts',
      passed: false,
      shared: false,
      at: new Date('2026-11-23T09:05:00.000Z'),
    });
    const migrationsBefore = await first.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const reopened = createStore(second.prisma);
      expect(await reopened.findGroupByConversation('playground', 'leaders')).toEqual(group);
      expect((await reopened.memberships(group.id)).map((m) => [m.person, m.role])).toEqual([[fia, 'facilitator']]);
      expect(await reopened.openCheckin(group.id)).toEqual(checkin);
      expect((await reopened.roundContext(checkin.rounds[0]!.id, fia.id))?.answer).toEqual(answer);
      const migrationsAfter = await second.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
      expect(migrationsAfter).toEqual(migrationsBefore);
      expect(migrationsAfter.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});

describe('the embedded database folder', { timeout: 120_000 }, () => {
  it('refuses a second process on the same DATA_DIR, naming the owner, and frees it on close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lederrum-lock-'));
    // Another live process owns the folder.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'lederrum.lock'), String(other.pid));
      const error = await openDatabase({ kind: 'pglite', dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LederrumError);
      expect((error as LederrumError).code).toBe('DATABASE_UNREACHABLE');
      expect((error as Error).message).toContain(`in use by another Lederrum process (pid ${other.pid})`);
    } finally {
      other.kill();
    }
    // Once that process is gone, its stale lock is taken over, and released again on close.
    await new Promise((resolve) => other.once('exit', resolve));
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(existsSync(join(dir, 'lederrum.lock'))).toBe(true);
    await db.close();
    expect(existsSync(join(dir, 'lederrum.lock'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
