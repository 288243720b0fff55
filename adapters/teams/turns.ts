// Turns that run after Teams has been answered (ARCHITECTURE rule 5): one conversation's turns
// run one after another in arrival order, different conversations' side by side, all within the
// process's bounded work queue (adapters/work-queue.ts). A turn takes its place in the queue when
// its request arrives, so the queue's limit counts turns still waiting behind their conversation's
// earlier ones too. A turn that fails is logged and never becomes an unhandled rejection.
import type { Logger } from '../../src/core/index.ts';
import type { WorkPlace } from '../work-queue.ts';

export class ConversationTurns {
  /** The last turn queued per conversation; a conversation leaves the map when its queue empties. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Conversations with a turn queued or running. */
  get busy(): number {
    return this.tails.size;
  }

  /** Queues a turn, in the place it was given, behind the conversation's earlier ones; returns at once. */
  run(conversationId: string, place: WorkPlace, turn: () => Promise<unknown>): void {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const tail: Promise<void> = previous
      .then(() => place.run(turn))
      .then(
        () => undefined,
        (error: unknown) => this.logger.error('teams turn failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
      });
    this.tails.set(conversationId, tail);
  }
}
