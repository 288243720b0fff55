// One error family for the whole product (ARCHITECTURE rule 8): a code for logs and tests,
// a catalogue key for the person, and the underlying cause for operators.
import type { MessageKey } from './i18n/catalogue.ts';

export type ErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'NO_GROUP_HERE'
  | 'WHICH_GROUP'
  | 'GROUP_EXISTS'
  | 'NOT_A_MEMBER'
  | 'NOT_FACILITATOR'
  | 'CHECKIN_ALREADY_OPEN'
  | 'NO_OPEN_CHECKIN'
  | 'ROUND_NOT_OPEN'
  | 'ROUND_CLOSED'
  | 'ANSWER_EMPTY'
  | 'ANSWER_TOO_LONG'
  | 'ALREADY_ANSWERED'
  | 'INVALID_INPUT'
  | 'INVALID_SCHEDULE'
  | 'NOT_FOUND'
  /** A button or form value names something that is not the acting person's (or no longer exists). */
  | 'NOT_YOURS'
  | 'LAST_FACILITATOR'
  | 'CONFIG_INVALID'
  | 'DATABASE_UNREACHABLE'
  | 'DELIVERY_FAILED'
  | 'NOT_IN_CONVERSATION'
  /** The platform refused for lack of a permission the installation has not granted (a scope added later). */
  | 'MISSING_PERMISSION'
  /** A message for one person, and no route only they see (the group gets a pointer at most). */
  | 'NO_PRIVATE_ROUTE'
  | 'NOT_HR'
  | 'NOT_ADMIN'
  /** A name that fits more than one person where one person must be meant (granting a role). */
  | 'AMBIGUOUS_NAME'
  | 'POLL_TOO_SMALL'
  | 'POLL_CLOSED'
  /** A scheduled occurrence whose kind or payload Lederrum does not know (an older version's row, a hand edit). */
  | 'INVALID_JOB'
  /** A stored value that does not have the shape Lederrum writes (a hand edit, an older version's row): named by table and column. */
  | 'CORRUPT_ROW'
  | 'INTERNAL';

export class LederrumError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
  /** Which form field the problem belongs to, when it came from a form. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, messageKey: MessageKey, options: { params?: Record<string, string | number>; field?: string; cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? `${code}: ${messageKey}`, { cause: options.cause });
    this.name = 'LederrumError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.field = options.field;
  }
}

export function isLederrumError(error: unknown): error is LederrumError {
  return error instanceof LederrumError;
}

/**
 * What an operator's log may say about a failure: its kind, code and first line, and where it
 * happened. Never the rest of the message — a database error can quote the values it was given,
 * and those may be what a member wrote.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const firstLine = (error.message.split('\n')[0] ?? '').slice(0, 200);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8);
  return { error: error.name, ...(code !== undefined ? { code } : {}), errorMessage: firstLine, stack: frames.join('\n') };
}
