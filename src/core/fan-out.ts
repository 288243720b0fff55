// Private messages to many people (poll invitations and reminders, heads-ups to facilitators):
// one person Lederrum cannot reach privately, or one failed delivery, does not keep the others
// from theirs.
import { errorForLog, isLederrumError } from './errors.ts';
import type { Person } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import type { Deliverer, Logger } from './ports.ts';

export interface PrivateLetter {
  to: Person;
  message: Message;
}

export async function sendPrivateToEach(deps: { deliverer: Deliverer; logger: Logger }, letters: PrivateLetter[]): Promise<void> {
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
