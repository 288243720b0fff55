// teams-ai's Application without typing indicators. In teams-ai 1.7.4 the `startTypingTimer`
// option is stored but never read: Application.run() calls this.startTypingTimer(context) for
// every message, which sends a "typing" activity each second until the first reply goes out
// (25 of 29 in one flow went into channel threads while replies waited on the database or on a
// throttled connector). The timer is also one per Application, shared by all turns at once.
// Overriding the public hook stops it where it starts, rather than filtering outgoing activities.
import { Application, type TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

export class QuietApplication<TState extends TurnState = TurnState> extends Application<TState> {
  /** Lederrum never shows "typing": a reply comes once, whenever it is ready. */
  override startTypingTimer(_context: TurnContext): void {}
}
