// Turns that run after Teams has been answered (ARCHITECTURE rule 5): one conversation's turns
// run one after another in arrival order, different conversations' side by side. A turn that
// fails is logged and never becomes an unhandled rejection; `idle()` says when all are done.
import type { Logger } from '../../src/core/index.ts';

export class ConversationTurns {
  /** The last turn queued per conversation; a conversation leaves the map when its queue empties. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Turns queued or running, counted per conversation. */
  get busy(): number {
    return this.tails.size;
  }

  /** Queues a turn behind the conversation's earlier ones; returns at once. */
  run(conversationId: string, turn: () => Promise<unknown>): void {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const tail: Promise<void> = previous
      .then(turn)
      .then(
        () => undefined,
        (error: unknown) => this.logger.error('teams turn failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
      });
    this.tails.set(conversationId, tail);
  }

  /** Resolves once no turn is queued or running (turns queued meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  /** Like idle(), but gives up after `ms`: says whether everything finished. */
  async drain(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([this.idle().then(() => true as const), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
