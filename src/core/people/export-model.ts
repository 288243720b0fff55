// What "my data" reads through the Store port (issue 15, point 1): everything the personal-data
// register lists about one person, as plain rows. Only the person's own rows, in their own
// workspace: other people's words never come along (a check-in's other answers, who else acted on
// an agreement, what anyone answered in a poll).
import type { Platform } from '../model/domain.ts';

export interface ExportSettings {
  /** The language Lederrum speaks to them, and whether they chose it (or it follows their platform). */
  language: string | null;
  languageChosen: boolean;
  timeZone: string | null;
  timeZoneChosen: boolean;
  nudges: { level: string; workStart: string; workEnd: string; workDays: string; pausedUntil: Date | null };
}

export interface ExportPerson {
  platform: Platform;
  workspace: string;
  /** The id their platform knows them by. */
  externalId: string;
  displayName: string;
  fullName: string | null;
  firstSeen: Date;
  settings: ExportSettings;
}

export interface ExportGroup {
  group: string;
  role: string;
  joinedAt: Date;
  leftAt: Date | null;
}
export interface ExportWorkspaceRole {
  role: string;
  grantedAt: Date;
}

export interface ExportAnswer {
  group: string;
  checkin: number;
  checkinOpenedAt: Date;
  round: 'since_last' | 'take_away';
  text: string | null;
  passed: boolean;
  shared: boolean;
  writtenAt: Date;
  changedAt: Date;
}

export interface ExportAttendance {
  group: string;
  checkin: number;
  checkinOpenedAt: Date;
  present: boolean;
}

export interface ExportToolSession {
  tool: string;
  status: string;
  nextStep: string | null;
  answers: Record<string, string>;
  startedAt: Date;
  changedAt: Date;
}

export interface ExportAgreementEvent {
  kind: string;
  at: Date;
  /** False for what another member of the group did with a group agreement they proposed (never who). */
  byYou: boolean;
  /** The text before an adjustment: only for their own acts and their own agreements. */
  previousText: string | null;
  followUpDate: string | null;
  benefit: string | null;
}

export interface ExportAgreement {
  kind: string;
  text: string;
  group: string | null;
  visibility: string;
  status: string;
  followUpDate: string | null;
  repeatWeeks: number | null;
  expectedEffort: number;
  expectedBenefit: number;
  source: string;
  quietSince: Date | null;
  createdAt: Date;
  changedAt: Date;
  history: ExportAgreementEvent[];
}

/** What the person did with a group agreement someone else proposed: the act, not the others' text. */
export interface ExportAgreementAct {
  group: string | null;
  kind: string;
  at: Date;
  followUpDate: string | null;
  benefit: string | null;
}

export interface ExportPollCreated {
  title: string;
  wave: number;
  status: string;
  opensAt: Date;
  closesAt: Date;
  createdAt: Date;
}
/** That they were invited and whether they answered; never what (poll answers belong to nobody). */
export interface ExportPollParticipation {
  title: string;
  wave: number;
  status: string;
  group: string | null;
  answered: boolean;
}

/** A WHO-5 the person took privately (`min trivsel`): theirs alone, in no aggregate. */
export interface ExportWellbeing {
  takenAt: Date;
  index: number;
  /** The five items, 0-5 each, in the instrument's order. */
  answers: number[];
}

export interface ExportSchedule {
  kind: string;
  nextAt: Date | null;
  cron: string | null;
  timeZone: string;
}

/** One person's data, section by section (src/store/personal-export.ts fills one per register table). */
export interface PersonalExportSections {
  groups: ExportGroup[];
  workspaceRoles: ExportWorkspaceRole[];
  answers: ExportAnswer[];
  attendance: ExportAttendance[];
  toolSessions: ExportToolSession[];
  agreements: ExportAgreement[];
  agreementActs: ExportAgreementAct[];
  pollsCreated: ExportPollCreated[];
  pollParticipation: ExportPollParticipation[];
  wellbeing: ExportWellbeing[];
  schedules: ExportSchedule[];
}

export type PersonalExport = PersonalExportSections & { person: ExportPerson };

export interface PersonalExportStore {
  /** Everything the register lists about the person; null when Lederrum no longer knows them. */
  personalExport(personId: string): Promise<PersonalExport | null>;
}
