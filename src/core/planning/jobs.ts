// What Lederrum does when the scheduler delivers an occurrence: find the feature that owns its
// kind, check its payload against that kind's schema, and run the feature's handler.
import { LederrumError } from '../errors.ts';
import type { Job, JobKind, Occurrence } from '../ports.ts';
import type { CoreDeps, JobHandlers } from '../context.ts';
import { isJobKind, JOB_PAYLOADS } from './payloads.ts';

/**
 * Runs one occurrence the scheduler delivers with the handler of the feature that owns its kind
 * (features.ts): its kind must be one Lederrum knows and its payload
 * what that kind's plan writes; anything else is refused with a code (the occurrence is recorded
 * failed and logged) rather than acted on as something it is not.
 */
export async function runJob(handlers: JobHandlers<JobKind>, deps: CoreDeps, occurrence: Occurrence): Promise<void> {
  const { kind } = occurrence;
  if (!isJobKind(kind)) throw new LederrumError('INVALID_JOB', 'error.internal', { detail: `no such job kind: ${kind}` });
  return run(handlers, deps, checked(kind, occurrence));
}

function checked<K extends JobKind>(kind: K, occurrence: Occurrence): Job<K> {
  const payload = JOB_PAYLOADS[kind].safeParse(occurrence.payload ?? {});
  if (!payload.success) throw new LederrumError('INVALID_JOB', 'error.internal', { detail: `${kind} payload: ${payload.error.issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}` });
  return { kind, subject: occurrence.subject, groupId: occurrence.groupId, at: occurrence.at, payload: payload.data };
}

function run<K extends JobKind>(handlers: JobHandlers<JobKind>, deps: CoreDeps, job: Job<K>): Promise<void> {
  const handler: JobHandlers<K>[K] = handlers[job.kind];
  return handler(deps, job);
}
