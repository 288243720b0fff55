// The playground is a platform of its own: it keeps its people, channels and messages the way
// Slack or Teams would. This port says what it needs; src/store/playground-workspace.ts keeps it
// in the same database so a restart keeps the conversation.
import type { Language, Message } from '../../src/core/index.ts';

export const BOT = 'lederrum';

export interface PlaygroundPerson {
  externalId: string;
  displayName: string;
  locale: Language;
  timeZone: string | null;
}

export interface ConversationInfo {
  id: string;
  name: string;
  kind: 'group' | 'direct';
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  threadOf: string | null;
  /** Only this person sees it (a reply to them alone), or null for everyone in the conversation. */
  visibleTo: string | null;
  /** BOT or a person's externalId. */
  author: string;
  message: Message;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlaygroundWorkspace {
  people(): Promise<PlaygroundPerson[]>;
  addPerson(person: Omit<PlaygroundPerson, 'externalId'>): Promise<PlaygroundPerson>;
  /** Removes the person and, with them, everything Lederrum keeps about them. */
  removePerson(externalId: string): Promise<void>;
  /** Adds the demo people unless the workspace was seeded before (even if they were removed since). */
  seedOnce(people: Array<Omit<PlaygroundPerson, 'externalId'>>): Promise<boolean>;
  /** The group channels a person is a member of, by name. */
  channelsOf(externalId: string): Promise<ConversationInfo[]>;
  createChannel(name: string): Promise<string>;
  append(message: Omit<StoredMessage, 'id' | 'createdAt' | 'updatedAt'>, at: Date): Promise<StoredMessage>;
  replace(id: string, message: Message, at: Date): Promise<void>;
  /** What a viewer sees in a conversation: everything public plus what was meant for them alone. */
  messages(conversationId: string, viewer: string): Promise<StoredMessage[]>;
}

export const directConversationId = (externalId: string) => `D-${externalId}`;
export const isDirect = (conversationId: string) => conversationId.startsWith('D-');
