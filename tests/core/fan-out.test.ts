// Private messages to many people: one person with no private route (or one failed delivery)
// does not keep the others from theirs, and the caller still learns of a real failure.
import { describe, expect, it } from 'vitest';
import { LederrumError, textMessage, workspaceOf, type Person } from '../../src/core/index.ts';
import { sendPrivateToEach } from '../../src/core/fan-out.ts';
import { MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

const person = (name: string): Person => ({
  id: `p-${name}`,
  platform: 'teams',
  workspace: workspaceOf('teams', 'tenant-1'),
  externalId: `29:${name}`,
  displayName: name,
  locale: null,
  timeZone: null,
});
const FAN_OUT = { key: 'test', deadline: new Date('2030-01-01') };
const [ANNA, BO, CARL, DITTE] = ['anna', 'bo', 'carl', 'ditte'].map(person) as [Person, Person, Person, Person];

/** Delivers like RecordingDeliverer, except to the people it is told to fail for. */
class FailingDeliverer extends RecordingDeliverer {
  constructor(private readonly failures: Map<string, Error>) {
    super();
  }
  override async sendPrivate(to: Person, message: ReturnType<typeof textMessage>) {
    const failure = this.failures.get(to.id);
    if (failure) throw failure;
    await super.sendPrivate(to, message);
  }
}

describe('sendPrivateToEach', () => {
  it('skips a person with no private route, logging the code, and completes for the rest', async () => {
    const deliverer = new FailingDeliverer(new Map([[BO.id, new LederrumError('NO_PRIVATE_ROUTE', 'platform.start_personal_chat', { params: { names: 'bo' } })]]));
    const logger = new MemoryLogger();
    await sendPrivateToEach(
      { deliverer, logger },
      FAN_OUT,
      [ANNA, BO, CARL].map((to) => ({ to, message: textMessage(`hej ${to.displayName}`) })),
    );
    expect(deliverer.privates.map((p) => p.message.text)).toEqual(['hej anna', 'hej carl']);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', fields: { person: BO.id, code: 'NO_PRIVATE_ROUTE' } })]);
  });

  it('still delivers to everyone after a failed delivery, then throws that failure', async () => {
    const broken = new LederrumError('DELIVERY_FAILED', 'error.internal');
    const deliverer = new FailingDeliverer(new Map([[BO.id, broken]]));
    const logger = new MemoryLogger();
    const letters = [ANNA, BO, CARL, DITTE].map((to) => ({ to, message: textMessage(to.displayName) }));
    await expect(sendPrivateToEach({ deliverer, logger }, FAN_OUT, letters)).rejects.toBe(broken);
    expect(deliverer.privates.map((p) => p.person.id)).toEqual([ANNA.id, CARL.id, DITTE.id]);
    expect(logger.lines.map((l) => [l.level, l.fields?.['person']])).toEqual([['error', BO.id]]);
  });
});
