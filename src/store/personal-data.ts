// The personal-data register (ARCHITECTURE, Data): every table of the schema, and for each one
// that refers to a person, how "export my data", "delete my data" and retention treat it. Export
// (src/store/personal-export.ts), deletion (src/store/personal-delete.ts) and retention
// (src/store/retention.ts) each implement a handler per entry, typed by PersonalTable, so a new
// entry does not compile until all three say what they do with it; tests/store/personal-data.test.ts
// fails when a model of the schema is in neither list. Removing an uninstalled workspace
// (src/store/workspace-removal.ts) has a rule for every table of both lists.

/** What deleting a person does with a table's rows about them. */
export type OnDelete =
  /** The rows go. */
  | 'delete'
  /** The rows belong to others too (a group agreement, an HR poll): they stay, without the person. */
  | 'anonymise';

/** What retention does with a table, after the configured period. */
export type Retention =
  /** Round answers and takeaways older than the period are deleted. */
  | 'answers'
  /** Agreements finished (stopped, done) longer than the period ago are deleted, with their history. */
  | 'finished_agreements'
  /** Kept while the person or the workspace is (the data a person chose, their place in groups). */
  | 'kept'
  /** The outbox's record of a message: its content goes when it is settled, the row a week later (or at the cutoff). */
  | 'delivery';

export interface PersonalEntry {
  /** The column naming the person. */
  column: string;
  /** `person`: the column holds User.id; `platform_id`: the person's id on their platform. */
  by: 'person' | 'platform_id';
  onDelete: OnDelete;
  retention: Retention;
  /** Whether the person's export shows it, and if not, why. */
  exported: true | { no: string };
}

export const PERSONAL_DATA = {
  User: { column: 'id', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  Membership: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  WorkspaceRole: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  Answer: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'answers', exported: true },
  Attendance: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'answers', exported: true },
  ToolSession: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  // Their own WHO-5, taken privately (`min trivsel`): theirs alone, kept for their trend until they delete it.
  WellbeingEntry: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  // A personal agreement is the person's; a group agreement they proposed is the group's (kept, no name).
  Agreement: { column: 'ownerId', by: 'person', onDelete: 'delete', retention: 'finished_agreements', exported: true },
  AgreementEvent: { column: 'actorId', by: 'person', onDelete: 'anonymise', retention: 'finished_agreements', exported: true },
  Poll: { column: 'createdById', by: 'person', onDelete: 'anonymise', retention: 'kept', exported: true },
  // That they were invited and whether they answered; never what (answers belong to nobody).
  PollParticipant: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  PersonPost: { column: 'userId', by: 'person', onDelete: 'delete', retention: 'kept', exported: { no: 'references to bot messages; the words are exported from their own tables' } },
  // Jobs planned for the person (nudges, reminders, the weekly prompt) name them in subject and payload.
  Schedule: { column: 'subject', by: 'person', onDelete: 'delete', retention: 'kept', exported: true },
  TeamsConversation: { column: 'memberExternalId', by: 'platform_id', onDelete: 'delete', retention: 'kept', exported: { no: 'the address of their personal chat with Lederrum on Teams' } },
  // The playground's own chat history: what the person wrote and what Lederrum showed them.
  PlaygroundMessage: { column: 'author', by: 'platform_id', onDelete: 'delete', retention: 'kept', exported: { no: "the local playground's chat history, shown on its page" } },
  // A private message on its way to the person (its content until settled), and whether it arrived.
  OutboxMessage: { column: 'personId', by: 'person', onDelete: 'delete', retention: 'delivery', exported: { no: 'messages Lederrum was sending you: you received them in your chat' } },
  // A fan-out someone started (a poll's invitations): counts only, for the report to them.
  OutboxBatch: { column: 'reportToId', by: 'person', onDelete: 'anonymise', retention: 'delivery', exported: { no: "how many of a fan-out you started arrived: counts, no one's words" } },
  PlaygroundConversation: { column: 'members', by: 'platform_id', onDelete: 'anonymise', retention: 'kept', exported: { no: "the local playground's member lists" } },
} as const satisfies Record<string, PersonalEntry>;

export type PersonalTable = keyof typeof PERSONAL_DATA;

/** Tables that hold nothing about a person, and why: the rest of the schema. */
export const NOT_PERSONAL = {
  Group: "a group's name and settings; deleted with its workspace",
  Checkin: "numbers and times of a group's check-ins",
  Round: "a round's state and the reference to its opening message",
  Occurrence: 'when a schedule ran; deleted with its schedule',
  AgreementFollowUp: "a follow-up's due date and answer; deleted with its agreement",
  PollResponse: 'answers belong to nobody: nothing links them to a person',
  PollPendingResponse: 'answers belong to nobody: nothing links them to a person',
  InboundDelivery: 'platform event ids, to drop repeated deliveries',
  SlackInstallation: "the workspace's bot token; deleted when Lederrum is uninstalled",
  DataRemoval: 'a workspace waiting for deletion after an uninstall',
  OutboxLane: 'when a conversation or workspace may be written to next (pacing); names no person',
} as const;

/** Lists a table's handler for every register entry: the compiler refuses a missing one. */
export type PerPersonalTable<Handler> = { [Table in PersonalTable]: Handler };
