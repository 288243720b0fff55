// A plain dump of a test database on the server, as the privacy tests read it: pg_dump where the
// machine has one that can read this server (its major version at least the server's), otherwise
// the same data through SQL — every row of every table (or of one) as text, in physical order, as
// pg_dump's COPY … TO stdout writes it. The embedded PostgreSQL of a bare machine ships no pg_dump.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export async function dumpDatabase(url: string, options: { table?: string } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0]!.v);
    if (pgDumpMajor() >= Math.floor(server / 10_000)) {
      const only = options.table ? ['--data-only', `--table="${options.table}"`] : ['--no-owner'];
      return execFileSync('pg_dump', [...only, url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    }
    const tables = options.table
      ? [`"${options.table}"`]
      : (
          await client.query<{ name: string }>(
            `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
          )
        ).rows.map((r) => r.name);
    const parts: string[] = [];
    for (const table of tables) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      parts.push(`-- ${table}`, ...rows.rows.map((r) => r.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** pg_dump's major version on this machine, 0 when there is none. */
function pgDumpMajor(): number {
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number(/(\d+)\.\d+/.exec(version)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
