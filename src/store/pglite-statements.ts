// PGlite's `query` with named prepared statements, for the statements Prisma repeats (issue 18,
// CPU per request). PGlite's own `query` parses, analyses and plans every statement afresh and
// makes six trips into WebAssembly for it (Parse, Describe, Bind, Describe, Execute, Sync); it
// also copies its 300 type parsers into a new object per query (0.2 ms alone). Here a statement is
// parsed once per SQL text and kept, and each execution is Bind + Execute + Sync in one trip, its
// answer read straight from the wire bytes. Results and errors are shaped as PGlite's own, which
// is what pglite-prisma-adapter reads (rows, fields, affectedRows; a messages.DatabaseError).
// Not carried over: PGlite's LISTEN callbacks for a NOTIFY sent by a kept statement (Lederrum
// listens to nothing) and its debug logging of notices.
import { type PGlite, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { bindAndExecute, concat, readDescription, readResult, serializeAll, type Statement, withQuery } from './pglite-wire.ts';

/** What `query` needs of PGlite: its protocol entry and the locks its own `query` takes. */
export type Engine = Pick<PGlite, 'query' | 'execProtocolRawStream' | 'syncToFs' | 'serializers' | 'parsers' | '_checkReady' | '_runExclusiveQuery' | '_runExclusiveTransaction'>;

/**
 * Prisma's texts are stable per query shape, and the frequent ones few. Each kept statement holds
 * its parse tree and, after five runs, its generic plan in PGlite's memory, which WebAssembly
 * never gives back: 10-180 KB (overblik's six took 570 KB), so at most about 6 MB for 100.
 */
const DEFAULT_LIMIT = 100;
/** Only plain reads and writes are kept: DDL, VACUUM and the like run as PGlite runs them. */
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i;

const { serialize } = protocol;
/** Statement names, unique in the process: two PreparedStatements on one PGlite never collide. */
let named = 0;
const DESCRIBE_AND_SYNC = (name: string) => concat([serialize.describe({ type: 'S', name }), serialize.sync()]);

export class PreparedStatements {
  readonly #engine: Engine;
  readonly #limit: number;
  /** SQL text → statement, least recently used first (a Map keeps insertion order). */
  readonly #kept = new Map<string, Statement>();

  constructor(engine: Engine, limit = DEFAULT_LIMIT) {
    this.#engine = engine;
    this.#limit = limit;
  }

  get size(): number {
    return this.#kept.size;
  }

  /** As PGlite's `query`: waits for any transaction, then runs alone. */
  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!keepable(sql, options)) return this.#engine.query<T>(sql, params, options);
    await this.#engine._checkReady();
    return this.#engine._runExclusiveTransaction(() =>
      this.#engine._runExclusiveQuery(async () => {
        const result = await this.#run<T>(sql, params, options, false);
        // PGlite syncs the file system after each statement outside a transaction (a no-op for
        // a folder or memory, where PostgreSQL's own writes are the durable ones); so do we.
        await this.#engine.syncToFs();
        return result;
      }),
    );
  }

  /** As `tx.query` inside PGlite's `transaction`, which already holds the transaction lock. */
  async queryIn<T>(tx: Transaction, sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!keepable(sql, options)) return tx.query<T>(sql, params, options);
    if (tx.closed) throw new Error('Transaction is closed');
    return this.#engine._runExclusiveQuery(() => this.#run<T>(sql, params, options, true));
  }

  async #run<T>(sql: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<T>> {
    try {
      return await this.#execute<T>(sql, params, options);
    } catch (error) {
      const why = staleness(error);
      if (!why || !this.#kept.has(sql)) throw withQuery(error, sql, params, options);
      // Deallocated behind our back (DEALLOCATE ALL, DISCARD ALL): so were all the others.
      await this.#forget(why === 'deallocated' ? [...this.#kept.keys()] : [sql]);
      // Inside a transaction the error has aborted it: retrying would only fail again.
      if (inTransaction) throw withQuery(error, sql, params, options);
      try {
        return await this.#execute<T>(sql, params, options);
      } catch (again) {
        throw withQuery(again, sql, params, options);
      }
    }
  }

  async #execute<T>(sql: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const statement = await this.#statement(sql);
    const values = serializeAll(params, statement.paramTypes, this.#engine.serializers, options);
    const answer = await this.#send(bindAndExecute(statement.name, values));
    return readResult<T>(answer, statement.fields, this.#engine.parsers, options);
  }

  /** The kept statement for `sql`, parsed now (and the least recently used one closed) if new. */
  async #statement(sql: string): Promise<Statement> {
    const kept = this.#kept.get(sql);
    if (kept) {
      this.#kept.delete(sql);
      this.#kept.set(sql, kept);
      return kept;
    }
    const parts: Uint8Array[] = [];
    if (this.#kept.size >= this.#limit) {
      const [oldest, statement] = this.#kept.entries().next().value as [string, Statement];
      this.#kept.delete(oldest);
      parts.push(serialize.close({ type: 'S', name: statement.name }));
    }
    const name = `lederrum_${++named}`;
    parts.push(serialize.parse({ name, text: sql }), DESCRIBE_AND_SYNC(name));
    const answer = await this.#send(concat(parts));
    const statement = readDescription(answer, name);
    this.#kept.set(sql, statement);
    return statement;
  }

  /**
   * One trip into PostgreSQL, its answer collected as it is written. (PGlite's execProtocolRaw
   * would also run its own reader over the answer and keep the messages until its next
   * execProtocol: work for nothing and a heap that grows between transactions.)
   */
  async #send(message: Uint8Array): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    // The chunks are views of WebAssembly memory that the next write reuses: copied as they come.
    await this.#engine.execProtocolRawStream(message, { syncToFs: false, onRawData: (chunk) => chunks.push(Uint8Array.prototype.slice.call(chunk)) });
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks);
  }

  /** Drops stale statements, here and in PostgreSQL (closing an unknown name is no error). */
  async #forget(texts: string[]): Promise<void> {
    const closes = texts.flatMap((sql) => {
      const statement = this.#kept.get(sql);
      this.#kept.delete(sql);
      return statement ? [serialize.close({ type: 'S', name: statement.name })] : [];
    });
    await this.#send(concat([...closes, serialize.sync()]));
  }
}

/** Why a kept statement failed, if it went stale: a DDL changed its result columns, or it was deallocated behind our back. */
function staleness(error: unknown): 'changed' | 'deallocated' | null {
  if (!(error instanceof protocol.messages.DatabaseError)) return null;
  if (error.code === '26000') return 'deallocated';
  return error.code === '0A000' && error.message === 'cached plan must not change result type' ? 'changed' : null;
}

/** Parameter types or a COPY blob given by the caller would make the text alone a wrong key: those run as PGlite runs them. */
function keepable(sql: string, options: QueryOptions | undefined): boolean {
  return CACHEABLE.test(sql) && !options?.paramTypes && !options?.blob;
}
