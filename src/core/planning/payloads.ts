// Every scheduled job's kind and payload: what a plan writes and what its handler reads.
// Payloads are stored as JSON, so they are checked when read back (zod), not cast: a row written
// by an older version, or edited by hand, is refused with a code instead of acted on as
// something it is not. Defaults keep rows planned before a field existed working.
import type { z } from 'zod';
import { CHECKIN_JOB_PAYLOADS } from '../checkins/payloads.ts';
import { TOOL_JOB_PAYLOADS } from '../tools/payloads.ts';
import { AGREEMENT_JOB_PAYLOADS } from '../agreements/payloads.ts';
import { POLL_JOB_PAYLOADS } from '../polls/payloads.ts';
import { DATA_JOB_PAYLOADS } from '../people/payloads.ts';
import { WELLBEING_JOB_PAYLOADS } from '../wellbeing/payloads.ts';

// Each feature declares its jobs' payloads beside its handlers; joined here so that a kind is a
// type the scheduler's port and every plan can name (the feature list cannot be the source: its
// handlers are typed by these kinds).
const SCHEMAS = { ...CHECKIN_JOB_PAYLOADS, ...TOOL_JOB_PAYLOADS, ...AGREEMENT_JOB_PAYLOADS, ...POLL_JOB_PAYLOADS, ...DATA_JOB_PAYLOADS, ...WELLBEING_JOB_PAYLOADS } as const;

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
