// Test doubles for the core's outward ports that live outside this machine's real parts:
// a clock we can move, a deliverer that records what each conversation and person received,
// and a logger that keeps lines for inspection.
import type { Clock, Deliverer, Destination, Logger, Message, Person, Platform } from '../../src/core/index.ts';

export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-23T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Posted {
  ref: string;
  conversationId: string;
  threadOf: string | undefined;
  message: Message;
}

export class RecordingDeliverer implements Deliverer {
  readonly posts: Posted[] = [];
  readonly privates: Array<{ person: Person; message: Message }> = [];
  private next = 1;

  async post(to: Destination, message: Message, options: { threadOf?: string } = {}): Promise<string> {
    const ref = `m${this.next++}`;
    this.posts.push({ ref, conversationId: to.conversationId, threadOf: options.threadOf, message });
    return ref;
  }

  async update(_to: Destination, ref: string, message: Message): Promise<void> {
    const post = this.posts.find((p) => p.ref === ref);
    if (!post) throw new Error(`update of unknown message ${ref}`);
    post.message = message;
  }

  async sendPrivate(person: Person, message: Message): Promise<void> {
    this.privates.push({ person, message });
  }

  async createConversation(_platform: Platform, name: string): Promise<string> {
    return `C-${name.toLowerCase().replace(/\W+/g, '-')}`;
  }

  /** Everything a group conversation shows, as plain text, in order. */
  textIn(conversationId: string): string[] {
    return this.posts.filter((p) => p.conversationId === conversationId).map((p) => p.message.text);
  }

  threadOf(ref: string): Posted[] {
    return this.posts.filter((p) => p.threadOf === ref);
  }
}

export class MemoryLogger implements Logger {
  readonly lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  debug(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'debug', message, ...(fields ? { fields } : {}) });
  }
  info(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, ...(fields ? { fields } : {}) });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, ...(fields ? { fields } : {}) });
  }
}
