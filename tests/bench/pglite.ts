// PGlite's CPU per SQL statement (issue 18: each statement cost ~1 ms, and `overblik` makes six):
// overblik's reads exactly as Prisma sends them, through the statements the app keeps prepared
// (src/store/pglite-statements.ts) next to PGlite's own `query`; then the whole `overblik` in the
// core (Prisma included) on each. One PGlite in a data directory, WebAssembly on V8's baseline
// compiler, as the app runs it (src/app/wasm-tiering.ts); CPU time of this process, interleaved A B A B.
import { mkdtempSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BASELINE_ONLY, limitWasmTiering } from '../../src/app/wasm-tiering.ts';
import { prismaClient } from '../../src/store/prisma-client.ts';
import { PGLITE_SETTINGS } from '../../src/store/pglite.ts';
import { forPrisma, type StatementRunner } from '../../src/store/pglite-database.ts';
import { PreparedStatements } from '../../src/store/pglite-statements.ts';
import { openHarness, shown, type Harness } from '../core/flow-harness.ts';
import { QUICK, interleave, row, type Row } from './support/stats.ts';
import { benchDatabases } from './support/targets.ts';

const LOOPS = QUICK ? 30 : 300;
const COMMANDS = QUICK ? 10 : 100;

interface Sent {
  sql: string;
  params: unknown[];
  options: QueryOptions | undefined;
}

const actor = (id: string, name: string): Actor => ({ platform: 'playground', workspace: workspaceOf('playground'), externalId: id, displayName: name });
const ANNA = actor('U-anna', 'Anna');
const dm = (a: Actor): Place => ({ conversationId: `D-${a.externalId}`, kind: 'direct' });
const overblik = (h: Harness) => h.bot.handle({ type: 'command', actor: ANNA, place: dm(ANNA), text: 'overblik' });

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function cpuPer(times: number, work: () => Promise<unknown>): Promise<number> {
  const start = cpuMs();
  for (let i = 0; i < times; i++) await work();
  return (cpuMs() - start) / times;
}

/** A workspace as tests/core/query-count.test.ts has it: 3 groups × 5 members, two with a check-in open. */
async function seed(h: Harness): Promise<void> {
  const say = (who: Actor, text: string, place: Place) => h.bot.handle({ type: 'command', actor: who, place, text });
  await say(ANNA, 'help', dm(ANNA));
  for (const n of [1, 2, 3]) {
    const members = [1, 2, 3, 4].map((m) => actor(`U-g${n}m${m}`, `Member ${n}.${m}`));
    for (const member of members) await say(member, 'help', dm(member));
    const people = await h.store.listPeople(workspaceOf('playground'));
    const ids = members.map((m) => people.find((p) => p.externalId === m.externalId)!.id);
    await h.bot.handle({
      type: 'form_submitted',
      actor: ANNA,
      place: dm(ANNA),
      formId: 'group.create',
      state: '',
      values: { name: `Gruppe ${n}`, language: 'da', time_zone: 'Europe/Copenhagen', members: ids },
    });
    const anna = people.find((p) => p.externalId === ANNA.externalId)!;
    const group = (await h.store.groupsOf(anna.id)).find((g) => g.name === `Gruppe ${n}`)!;
    if (n < 3) await say(ANNA, 'tjekind start', { conversationId: group.conversationId, kind: 'group' });
  }
}

export async function pgliteBench(): Promise<Row[]> {
  if (!benchDatabases().includes('pglite')) return [];
  // For the modules compiled from here on (PGlite's, Prisma's compiler); the other benches get V8's default back.
  limitWasmTiering();
  try {
    return await onPglite();
  } finally {
    for (const flag of BASELINE_ONLY) setFlagsFromString(flag.replace('--no-', '--'));
  }
}

async function onPglite(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
  // Prepares the folder as the app's first start does (initdb and migrations), then opens it here.
  await (await openDatabase({ kind: 'pglite', dataDir: dir })).close();
  const client = await PGlite.create(dir, { postgresqlconf: PGLITE_SETTINGS });
  const sent: Sent[] = [];
  let capturing = false;
  const own: StatementRunner = { query: (...args) => client.query(...args), queryIn: (tx, ...args) => tx.query(...args) };
  const kept = new PreparedStatements(client);
  const capture: StatementRunner = {
    query: (sql, params, options) => {
      if (capturing) sent.push({ sql, params: params ?? [], options });
      return kept.query(sql, params, options);
    },
    queryIn: (tx, ...args) => kept.queryIn(tx, ...args),
  };
  const prismas = [capture, own].map((runner) => prismaClient(new PrismaPGlite(forPrisma(client, runner))));
  const [app, baseline] = await Promise.all(prismas.map((prisma) => openHarness({ database: { prisma, close: () => prisma.$disconnect() }, planner: true, content: true })));
  try {
    await seed(app!);
    // The baseline's core reads the same workspace at the same moment.
    baseline!.clock.advance(app!.clock.now().getTime() - baseline!.clock.now().getTime());
    capturing = true;
    const text = shown(await overblik(app!));
    capturing = false;
    if (!text.includes('Gruppe 3') || sent.length === 0) throw new Error(`overblik did not show the seeded groups: ${text.slice(0, 200)}`);
    const statementsOf = (run: (s: Sent) => Promise<unknown>) => async () => {
      for (const s of sent) await run(s);
    };
    const variants = {
      lederrum: { statements: statementsOf((s) => kept.query(s.sql, s.params, s.options)), harness: app! },
      baseline: { statements: statementsOf((s) => client.query(s.sql, s.params, s.options)), harness: baseline! },
    };
    for (const v of Object.values(variants)) {
      await cpuPer(20, v.statements);
      await cpuPer(10, () => overblik(v.harness));
    }
    const samples = await interleave(['lederrum', 'baseline'] as const, async (variant) => {
      const v = variants[variant];
      return { statement: ((await cpuPer(LOOPS, v.statements)) / sent.length) * 1000, command: await cpuPer(COMMANDS, () => overblik(v.harness)) };
    });
    const a = samples.lederrum;
    const b = samples.baseline;
    return [
      row(`PGlite, overblik's ${sent.length} reads as Prisma sends them: CPU per statement, kept prepared vs PGlite.query`, a.statement, b.statement, 'µs'),
      row('PGlite, /lederrum overblik in the core (Prisma and PGlite, no platform): CPU per command, kept prepared vs PGlite.query', a.command, b.command, 'ms'),
    ];
  } finally {
    await Promise.all([app?.close(), baseline?.close()]);
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
