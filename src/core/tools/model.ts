// Guided-tool sessions and prompt themes as the store keeps them, and the port for it. A
// session is private to its member; a theme is a tool the facilitator gives a check-in.

/** A member's way through a guided tool. Private to them. */
export interface ToolSessionRecord {
  id: string;
  personId: string;
  toolId: string;
  /** The step to answer next; null once finished. */
  stepId: string | null;
  answers: Record<string, string>;
  status: ToolSessionStatus;
  updatedAt: Date;
}

export type ToolSessionStatus = 'active' | 'paused' | 'done';

export interface ToolStore {
  latestToolSession(personId: string, toolId: string): Promise<ToolSessionRecord | null>;
  saveToolSession(session: Omit<ToolSessionRecord, 'id' | 'updatedAt'> & { id?: string; at: Date }): Promise<ToolSessionRecord>;
  setCheckinTheme(checkinId: string, theme: string | null): Promise<void>;
  setNextTheme(groupId: string, theme: string | null): Promise<void>;
}
