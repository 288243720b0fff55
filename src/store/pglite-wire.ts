// PostgreSQL's wire messages for PreparedStatements (pglite-statements.ts): values written as
// PGlite's `query` writes them, and answers read into the shape its `parseResults` gives, from
// the bytes at once. PGlite's reader copies every field into an ArrayBuffer of its own before
// decoding it; error and notice messages, rare, still go through PGlite's own reader, so a
// DatabaseError carries every field it would from PGlite.
import { protocol, type QueryOptions, type Results, types } from '@electric-sql/pglite';

type Parser = (text: string, typeId?: number) => unknown;
type Serializer = (value: unknown) => string;
type Field = { name: string; dataTypeID: number };

export interface Statement {
  name: string;
  paramTypes: number[];
  fields: Field[];
}

/** The fields PGlite sets on an error from `query`. */
export interface QueryError {
  query?: string;
  params?: unknown[];
  queryOptions?: QueryOptions;
}

const ERROR = 0x45; // E
const NOTICE = 0x4e; // N
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const ROW_DESCRIPTION = 0x54; // T
const PARAMETER_DESCRIPTION = 0x74; // t
/** Commands whose tag's count PGlite adds to affectedRows. */
const AFFECTING = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

export function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Execute (all rows of the unnamed portal) and Sync, the same bytes after every Bind. */
const EXECUTE_AND_SYNC = concat([protocol.serialize.execute({}), protocol.serialize.sync()]);

/**
 * Bind (the kept statement to the unnamed portal, every value as text, every column as text),
 * Execute and Sync, written at once into one buffer: PGlite's serializer grows a buffer field by
 * field and took 25 µs for a five-parameter Bind, this 2 µs.
 */
export function bindAndExecute(statement: string, values: (string | null)[]): Uint8Array {
  let size = 1 + 4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 + 2;
  for (const value of values) size += 4 + (value === null ? 0 : Buffer.byteLength(value));
  const bytes = Buffer.allocUnsafe(size + EXECUTE_AND_SYNC.length);
  bytes[0] = 0x42; // B
  bytes.writeInt32BE(size - 1, 1);
  bytes[5] = 0; // the unnamed portal
  let offset = 6 + bytes.write(statement, 6);
  bytes[offset++] = 0;
  offset = bytes.writeInt16BE(0, offset); // no parameter format codes: all text
  offset = bytes.writeInt16BE(values.length, offset);
  for (const value of values) {
    if (value === null) {
      offset = bytes.writeInt32BE(-1, offset);
      continue;
    }
    const length = bytes.write(value, offset + 4);
    bytes.writeInt32BE(length, offset);
    offset += 4 + length;
  }
  offset = bytes.writeInt16BE(0, offset); // no result format codes: all text
  bytes.set(EXECUTE_AND_SYNC, offset);
  return bytes;
}

/** As PGlite's `query`: null stays null, else the serializer for the parameter's type, else toString(). */
export function serializeAll(params: unknown[], paramTypes: number[], serializers: Record<number | string, Serializer>, options: QueryOptions | undefined): (string | null)[] {
  const own = options?.serializers as Record<number, Serializer> | undefined;
  return params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const oid = paramTypes[i] as number;
    const write = own?.[oid] ?? serializers[oid];
    return write ? write(param) : String((param as { toString(): string }).toString());
  });
}

/** The answer to Parse + Describe(statement) + Sync. */
export function readDescription(answer: Uint8Array, name: string): Statement {
  const statement: Statement = { name, paramTypes: [], fields: [] };
  const bytes = asBuffer(answer);
  let error: Error | undefined;
  walk(bytes, (code, start, end) => {
    if (code === PARAMETER_DESCRIPTION) {
      const count = bytes.readUInt16BE(start);
      for (let i = 0; i < count; i++) statement.paramTypes.push(bytes.readInt32BE(start + 2 + 4 * i));
    } else if (code === ROW_DESCRIPTION) {
      statement.fields = readFields(bytes, start);
    } else if (code === ERROR) {
      error ??= pgliteMessage(bytes, start, end) as Error;
    }
  });
  if (error) throw error;
  return statement;
}

/** The answer to Bind + Execute + Sync, as PGlite's parseResults shapes it (one statement: one result). */
export function readResult<T>(answer: Uint8Array, fields: Field[], parsers: Record<number | string, Parser>, options: QueryOptions | undefined): Results<T> {
  const bytes = asBuffer(answer);
  const own = options?.parsers as Record<number, Parser> | undefined;
  const readers = fields.map((f) => own?.[f.dataTypeID] ?? parsers[f.dataTypeID] ?? (types.parsers as Record<number, Parser>)[f.dataTypeID]);
  const asArrays = options?.rowMode === 'array';
  const rows: unknown[] = [];
  let result: Results<T> | undefined;
  let error: Error | undefined;
  walk(bytes, (code, start, end) => {
    if (code === DATA_ROW) {
      rows.push(readRow(bytes, start, fields, readers, asArrays));
    } else if (code === COMMAND_COMPLETE && !result) {
      const parts = bytes.toString('utf8', start, end - 1).split(' ');
      const command = parts[0] as string;
      const count = Number.parseInt(parts[parts.length - 1] as string, 10);
      result = { rows: rows as T[], fields: fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), command, affectedRows: AFFECTING.has(command) ? count : 0 };
      if (!Number.isNaN(count)) result.rowCount = count;
    } else if (code === ERROR) {
      error ??= pgliteMessage(bytes, start, end) as Error;
    } else if (code === NOTICE && options?.onNotice) {
      options.onNotice(pgliteMessage(bytes, start, end) as Parameters<NonNullable<QueryOptions['onNotice']>>[0]);
    }
  });
  if (error) throw error;
  return result ?? { affectedRows: 0, rows: [], fields: [] };
}

/** PGlite's error fields on a DatabaseError (query, params, options), as its `query` throws it. */
export function withQuery(error: unknown, query: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error instanceof protocol.messages.DatabaseError) Object.assign(error as QueryError, { query, params, queryOptions: options });
  return error;
}

function asBuffer(answer: Uint8Array): Buffer {
  return Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength);
}

/** Calls `visit` with each message's type and the start and end of its body. */
function walk(bytes: Buffer, visit: (code: number, start: number, end: number) => void): void {
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const end = offset + 1 + bytes.readInt32BE(offset + 1);
    if (end > bytes.length) break;
    visit(bytes[offset] as number, offset + 5, end);
    offset = end;
  }
}

function readRow(bytes: Buffer, start: number, fields: Field[], readers: (Parser | undefined)[], asArrays: boolean): unknown {
  const count = bytes.readInt16BE(start);
  const row: unknown[] = new Array(count);
  let offset = start + 2;
  for (let i = 0; i < count; i++) {
    const length = bytes.readInt32BE(offset);
    offset += 4;
    if (length < 0) {
      row[i] = null;
      continue;
    }
    const text = bytes.toString('utf8', offset, offset + length);
    offset += length;
    const read = readers[i];
    row[i] = read ? read(text, fields[i]?.dataTypeID) : text;
  }
  if (asArrays) return row;
  const named: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) named[fields[i]?.name as string] = row[i];
  return named;
}

function readFields(bytes: Buffer, start: number): Field[] {
  const count = bytes.readInt16BE(start);
  const fields: Field[] = [];
  let offset = start + 2;
  for (let i = 0; i < count; i++) {
    const nul = bytes.indexOf(0, offset);
    const name = bytes.toString('utf8', offset, nul);
    // After the name: table oid (4), column number (2), type oid (4), size (2), modifier (4), format (2).
    fields.push({ name, dataTypeID: bytes.readInt32BE(nul + 1 + 6) });
    offset = nul + 1 + 18;
  }
  return fields;
}

/** An error or notice message read by PGlite's own reader: the same class and fields as from its `query`. */
function pgliteMessage(bytes: Buffer, start: number, end: number): unknown {
  let message: unknown;
  new protocol.Parser().parse(bytes.subarray(start - 5, end), (m) => {
    message = m;
  });
  return message;
}
