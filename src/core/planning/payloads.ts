// Every scheduled job's kind and payload, in one place: what a plan writes and what its handler
// reads. Payloads are stored as JSON, so they are checked when read back (zod), not cast: a row
// written by an older version, or edited by hand, is refused with a code instead of acted on as
// something it is not. Defaults keep rows planned before a field existed working.
import { z } from 'zod';
import { storedWorkspace } from '../model/domain.ts';

const none = z.object({});
const id = z.string().min(1);

const spec = z.object({ cron: z.string().min(1), everyNthWeek: z.union([z.literal(1), z.literal(2)]) });

const SCHEMAS = {
  /** The plan's closing rides along on its recurring opening, so the plan reads back whole; one that does not parse reads as none and never stops an opening. */
  'checkin.open': z.object({ close: spec.nullable().default(null).catch(null) }),
  'checkin.close': none,
  nudge: z.object({ roundId: id, personId: id }),
  'prompt.weekly': z.object({ theme: z.string().nullable().default(null) }),
  /** The follow-up day it was planned for: a changed day makes this occurrence stale. */
  'agreement.followup': z.object({ dueDate: z.string() }),
  'poll.open': none,
  /** Plans made before per-person reminders named the moment in the subject instead. */
  'poll.remind': z.object({ moment: z.number().int().positive().optional() }),
  'poll.remind.person': z.object({ pollId: id, personId: id, moment: z.number().int().positive().default(1) }),
  'poll.close': none,
  'data.retention': none,
  'data.removal': z.object({ platform: z.enum(['slack', 'teams', 'playground']), workspace: z.string().min(1).transform(storedWorkspace), scope: z.string() }),
} as const;

export type JobKind = keyof typeof SCHEMAS;
type Outputs = { [K in JobKind]: z.output<(typeof SCHEMAS)[K]> };
type Inputs = { [K in JobKind]: z.input<(typeof SCHEMAS)[K]> };
/** What a handler reads. */
export type JobPayload<K extends JobKind> = Outputs[K];
/** What a plan writes (defaults may be left out). */
export type JobPayloadInput<K extends JobKind> = Inputs[K];

/** Typed per kind, so that looking one up for a kind known only as a type parameter keeps its payload's type. */
export const JOB_PAYLOADS: { [K in JobKind]: z.ZodType<Outputs[K], Inputs[K]> } = SCHEMAS;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(SCHEMAS, kind);
}

export const JOB_KINDS: JobKind[] = Object.keys(SCHEMAS).filter(isJobKind);
