// JSON columns are checked when read: the database keeps whatever was written (by an older
// version, a hand edit, a failed migration), so a value that does not fit is refused here, named
// by table and column, instead of travelling on as a cast and failing somewhere far away.
import { z } from 'zod';
import { LederrumError } from '../core/errors.ts';
import type { Message } from '../core/model/messages.ts';
import type { OwnQuestion } from '../core/polls/instrument.ts';

/** Where a value was read from, for the error: table, column and (when known) the row's key. */
export interface Column {
  table: string;
  column: string;
  row?: string;
}

/** The value, checked; CORRUPT_ROW when it does not fit. The detail names paths and rules, never the stored content. */
export function readJson<S extends z.ZodType>(schema: S, value: unknown, where: Column): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(value)'} ${issue.code}`).join(', ');
  const row = where.row ? ` (row ${where.row})` : '';
  return corrupt(`${where.table}.${where.column}${row} does not hold what Lederrum writes there: ${issues}`, parsed.error);
}

export function corrupt(detail: string, cause?: unknown): never {
  throw new LederrumError('CORRUPT_ROW', 'error.internal', { detail, cause });
}

/** Any JSON object: the shape of a column whose fields someone else defines (a platform's). */
export const jsonObject = z.record(z.string(), z.unknown());

const button = z.object({ action: z.string(), value: z.string(), label: z.string(), style: z.enum(['primary', 'danger']).optional(), forFacilitator: z.literal(true).optional() });
const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: z.string() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('section'), title: z.string().optional(), text: z.string() }),
  z.object({ type: z.literal('fields'), fields: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ type: z.literal('buttons'), buttons: z.array(button) }),
  z.object({ type: z.literal('context'), text: z.string() }),
  z.object({ type: z.literal('code'), text: z.string() }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string(), title: z.string(), width: z.number(), height: z.number(), fallback: z.string() }),
]);

/**
 * Both ways the same: a schema only assignable to the core's type would let a new block kind or
 * optional field compile, then refuse (or silently drop) it when read back.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(_proof: Same<A, B>) => undefined;

/** The core's neutral Message, as the outbox and the playground store it. */
export const messageSchema = z.object({ text: z.string(), blocks: z.array(block) });
same<z.output<typeof messageSchema>, Message>(true);

const bilingual = z.object({ da: z.string(), en: z.string() });

/** HR's own questions on a poll (src/core/polls/instrument.ts OwnQuestion). */
export const ownQuestionsSchema = z.array(
  z.discriminatedUnion('kind', [
    z.object({ id: z.string(), kind: z.literal('agree5'), text: bilingual }),
    z.object({ id: z.string(), kind: z.literal('scale10'), text: bilingual }),
    z.object({ id: z.string(), kind: z.literal('choice'), text: bilingual, options: z.array(z.object({ value: z.string(), label: bilingual })) }),
    z.object({ id: z.string(), kind: z.literal('text'), text: bilingual }),
  ]),
);

same<z.output<typeof ownQuestionsSchema>, OwnQuestion[]>(true);

/** A poll's audience: the ids of the groups it went to. */
export const groupIdsSchema = z.array(z.string());

/** A tool session's answers so far, by step id. */
export const toolAnswersSchema = z.record(z.string(), z.string());
