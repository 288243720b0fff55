// One JSON line per event on stdout, through pino: what operators need, never what members wrote.
// A line keeps the shape operators and tests already read: `level` as a word, ISO `time`,
// `message`, then the event's fields. Fields that could carry a member's words or name are
// censored by pino's redaction wherever they are logged, so one careless field cannot leak them.
import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../core/ports.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a censored field shows instead of its value. */
export const CENSORED = '[redacted]';

/**
 * Field names that could hold what a member wrote (answers, takeaways, message text) or who they
 * are by name. Ids are not here: operators need them to follow a delivery, and they say nothing
 * without the database. Censored at the top level and one level down (`{ person: { name } }`).
 */
export const PERSONAL_FIELDS = [
  'text',
  'name',
  'displayName',
  'realName',
  'fullName',
  'email',
  'title',
  'answer',
  'answers',
  'takeaway',
  'note',
  'comment',
  'question',
  'body',
  'payload',
  'value',
  'values',
] as const;

/** The line's own `message` is what happened; a nested one, or a field renamed from it, may be what was said. */
const REDACT_PATHS = [...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]), '*.message', 'field_message'];

/** Keys pino writes itself; a field of the same name is renamed rather than shadowing them. */
const OWN_KEYS = new Set(['level', 'time', 'message']);

/**
 * The app's logger at `level`. `destination` defaults to stdout, written synchronously so the
 * last lines before an exit are not lost; tests pass a function that collects lines.
 */
export function jsonLogger(level: LogLevel, destination?: (line: string) => void): Logger {
  const stream: DestinationStream = destination ? { write: destination } : pino.destination({ dest: 1, sync: true });
  const log = pino(
    {
      level,
      messageKey: 'message',
      base: undefined,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSORED },
    },
    stream,
  );
  const emit = (at: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (!log.isLevelEnabled(at)) return;
    log[at](fields ? ownKeysAside(fields) : {}, message);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** The line's message, level and time are what happened; a field named like one is kept as `field_<name>` (and still censored where personal). */
function ownKeysAside(fields: Record<string, unknown>): Record<string, unknown> {
  if (!Object.keys(fields).some((key) => OWN_KEYS.has(key))) return fields;
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [OWN_KEYS.has(key) ? `field_${key}` : key, value]));
}
