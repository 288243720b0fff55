// The Teams adapter's port for the conversations the bot is in, with the reference it needs to
// write there first (proactive messages): declared here, where the adapter uses it, and
// implemented on the database by src/store/teams-conversations.ts so every replica can write.

/** The conversation types Lederrum keeps: parse.ts kindOf maps each Teams conversation to one. */
export const TEAMS_CONVERSATION_KINDS = ['personal', 'channel', 'groupChat'] as const;
export type TeamsConversationKind = (typeof TEAMS_CONVERSATION_KINDS)[number];
/** Standard channels share the team's roster; private and shared ones keep their own. */
export type TeamsChannelType = 'standard' | 'private' | 'shared';

export interface TeamsConversationRecord {
  id: string;
  kind: TeamsConversationKind;
  tenantId: string | null;
  memberExternalId: string | null;
  /** For a channel: its team's id (also the General channel's conversation id). */
  teamId: string | null;
  /** For a channel, once known. */
  channelType: TeamsChannelType | null;
  reference: Record<string, unknown>;
  botPresent: boolean;
}

/** What is learned from an activity; a team or channel type not given keeps what was known. */
export type TeamsConversationSighting = Omit<TeamsConversationRecord, 'botPresent' | 'teamId' | 'channelType'> & {
  teamId?: string | null;
  channelType?: TeamsChannelType | null;
};

export interface TeamsConversations {
  remember(record: TeamsConversationSighting, at: Date): Promise<void>;
  find(id: string): Promise<TeamsConversationRecord | null>;
  personalChatOf(memberExternalId: string): Promise<TeamsConversationRecord | null>;
  /** The channels of a team the bot is in, its General channel (id = team id) included. */
  channelsOfTeam(teamId: string): Promise<TeamsConversationRecord[]>;
  botLeft(id: string, at: Date): Promise<void>;
}
