// Neutral inbound events. Every adapter's parse step turns its platform's payloads into these.
import type { FormValues } from './messages.ts';
import type { Language, Platform, WorkspaceId } from './domain.ts';

/** Who did something, as the platform describes them. */
export interface Actor {
  platform: Platform;
  /** The workspace the platform says this happened in (Slack team, Teams tenant, the playground). */
  workspace: WorkspaceId;
  externalId: string;
  displayName: string;
  /** The full (real) name, where the platform keeps one apart from the display name (Slack). */
  fullName?: string;
  locale?: Language;
  timeZone?: string;
  /** The platform says this person administers the workspace (Slack admins and owners). */
  admin?: boolean;
}

/** Where it happened: a channel/group chat, or a private conversation with the bot. */
export interface Place {
  conversationId: string;
  kind: 'group' | 'direct';
  /** A channel's name, when the platform tells it (used as a group name suggestion). */
  name?: string;
}

/**
 * A person a command names by the platform's own mention (Slack `<@U…>`, a Teams @mention): an
 * identity, not a name. The command's text keeps "@Name" where the mention stood.
 */
export interface Mention {
  /** The mentioned person's own workspace: a guest from another one is never given a role here. */
  workspace: WorkspaceId;
  externalId: string;
  displayName: string;
  fullName?: string;
}

export type InboundEvent =
  | { type: 'command'; actor: Actor; place: Place; text: string; mentions?: Mention[] }
  | { type: 'form_submitted'; actor: Actor; place: Place; formId: string; state: string; values: FormValues }
  | { type: 'button_pressed'; actor: Actor; place: Place; action: string; value: string }
  | { type: 'member_joined'; actor: Actor; place: Place }
  | { type: 'member_left'; actor: Actor; place: Place }
  /** The person opened their own overview (Slack's App Home; a command elsewhere). */
  | { type: 'home_opened'; actor: Actor; place: Place }
  /**
   * The person opened their private chat with Lederrum, or added it for themself: Slack's Messages
   * tab, a Teams personal install, the playground's chat. The first time, they are welcomed.
   */
  | { type: 'chat_opened'; actor: Actor; place: Place };
