// Private messages to many people (poll invitations and reminders, nudges, heads-ups to
// facilitators): each recipient's message is its own item, so one person Lederrum cannot reach,
// or one failed delivery, never keeps the others from theirs. With an outbox (the running app)
// they are recorded and delivered by its workers; without one (unit tests) they are sent here.
import { errorForLog, isLederrumError } from './errors.ts';
import { translator } from './i18n/translate.ts';
import type { Language } from './model/domain.ts';
import { textMessage, type Message } from './model/messages.ts';
import type { Deliverer, FanOut, FanOutKind, Logger, Outbox, PrivateLetter } from './ports.ts';

export type { PrivateLetter } from './ports.ts';

export async function sendPrivateToEach(deps: { deliverer: Deliverer; logger: Logger; outbox?: Outbox }, fanOut: FanOut, letters: PrivateLetter[]): Promise<void> {
  if (letters.length === 0) return;
  if (deps.outbox) {
    await deps.outbox.enqueue(fanOut, letters);
    return;
  }
  let failure: unknown;
  for (const { to: person, message } of letters) {
    try {
      await deps.deliverer.sendPrivate(person, message);
    } catch (error) {
      if (isLederrumError(error) && error.code === 'NO_PRIVATE_ROUTE') {
        // Lasts until they open a chat with Lederrum: logged with its code, not a failed run.
        deps.logger.warn('private message withheld: no private route to the person', { person: person.id, code: error.code });
        continue;
      }
      deps.logger.error('private message failed', { person: person.id, ...errorForLog(error) });
      failure ??= error;
    }
  }
  // Everyone else has theirs; the run still fails, so the scheduler records it.
  if (failure !== undefined) throw failure;
}

/** Messages still waiting whose moment has gone are not sent (no outbox: nothing waits). */
export async function withdrawPrivate(deps: { outbox?: Outbox; logger: Logger }, prefixes: string[], options: { silently?: boolean } = {}): Promise<void> {
  if (!deps.outbox) return;
  const { withdrawn } = await deps.outbox.withdraw(prefixes, options);
  if (withdrawn > 0) deps.logger.info('waiting private messages withdrawn: no longer relevant', { withdrawn, code: 'WITHDRAWN' });
}

/** Why a message did not arrive, as the person who started the fan-out is told. */
export type Undelivered = 'left' | 'no_private_chat' | 'refused' | 'too_late' | 'withdrawn' | 'unknown';

export interface FanOutOutcome {
  kind: FanOutKind;
  title: string;
  total: number;
  sent: number;
  /** How many did not arrive, by reason. */
  undelivered: Partial<Record<Undelivered, number>>;
}

/** Maps a settled message's outcome code to what the person is told. */
export function undeliveredReason(code: string | null): Undelivered {
  switch (code) {
    case 'NOT_IN_CONVERSATION':
      return 'left';
    case 'NO_PRIVATE_ROUTE':
      return 'no_private_chat';
    case 'EXPIRED':
      return 'too_late';
    case 'WITHDRAWN':
      return 'withdrawn';
    case 'UNKNOWN':
      return 'unknown';
    default:
      return 'refused';
  }
}

const REASONS: Undelivered[] = ['left', 'no_private_chat', 'refused', 'too_late', 'withdrawn', 'unknown'];

/** "Sent to 30 of 31; 1 could not be reached (they have left the workspace)": what happened, and no names. */
export function fanOutReport(outcome: FanOutOutcome, language: Language): Message {
  const t = translator(language);
  const lines = [t(`fanout.${outcome.kind}.sent`, { title: outcome.title, sent: outcome.sent, total: outcome.total })];
  for (const reason of REASONS) {
    const count = outcome.undelivered[reason] ?? 0;
    if (count > 0) lines.push(t(`fanout.undelivered.${reason}`, { count }));
  }
  return textMessage(lines.join('\n'));
}
