// Send: Lederrum's outbound messages land in the playground's own conversations, and every
// open page hears about it at once (server-sent events), as a chat client would.
import type { Clock, Deliverer, Message, Person } from '../../src/core/index.ts';
import { BOT, directConversationId, type PlaygroundWorkspace } from './workspace.ts';

export type ChangeListener = (conversationId: string) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  publish(conversationId: string): void {
    for (const listener of this.listeners) listener(conversationId);
  }
  get size(): number {
    return this.listeners.size;
  }
}

export function playgroundDeliverer(workspace: PlaygroundWorkspace, clock: Clock, feed: ChangeFeed): Deliverer {
  const append = async (conversationId: string, message: Message, threadOf: string | null) => {
    const stored = await workspace.append({ conversationId, threadOf, visibleTo: null, author: BOT, message }, clock.now());
    feed.publish(conversationId);
    return stored.id;
  };
  return {
    post: (to, message, options = {}) => append(to.conversationId, message, options.threadOf ?? null),
    async update(to, ref, message) {
      await workspace.replace(ref, message, clock.now());
      feed.publish(to.conversationId);
    },
    async sendPrivate(person: Person, message) {
      await append(directConversationId(person.externalId), message, null);
    },
    async createConversation(_platform, name) {
      const id = await workspace.createChannel(name);
      feed.publish(id);
      return id;
    },
  };
}

/** A reply meant for one person only, shown in the conversation where they acted. */
export async function showOnlyTo(workspace: PlaygroundWorkspace, feed: ChangeFeed, clock: Clock, conversationId: string, viewer: string, message: Message): Promise<void> {
  await workspace.append({ conversationId, threadOf: null, visibleTo: viewer, author: BOT, message }, clock.now());
  feed.publish(conversationId);
}
