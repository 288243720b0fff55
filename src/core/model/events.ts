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

export type InboundEvent =
  | { type: 'command'; actor: Actor; place: Place; text: string }
  | { type: 'form_submitted'; actor: Actor; place: Place; formId: string; state: string; values: FormValues }
  | { type: 'button_pressed'; actor: Actor; place: Place; action: string; value: string }
  | { type: 'member_joined'; actor: Actor; place: Place }
  | { type: 'member_left'; actor: Actor; place: Place }
  /** The person opened their own overview (Slack's App Home; a command elsewhere). */
  | { type: 'home_opened'; actor: Actor; place: Place };
