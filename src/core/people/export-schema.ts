// The documented JSON of "my data" (issue 15, point 1), version 1: what data.json holds, checked
// by this schema in tests so the file a person downloads parses as documented. Keys are English
// and stable; values are what was stored (texts as written, times in ISO 8601 UTC). A change that
// is not backwards compatible raises `version`.
import { z } from 'zod';
import type { PersonalExport } from './export-model.ts';
import { PLATFORMS } from '../model/domain.ts';

const time = z.iso.datetime({ offset: false });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const exportSchema = z
  .object({
    format: z.literal('lederrum.personal-data'),
    version: z.literal(1),
    exportedAt: time,
    person: z.strictObject({
      name: z.string(),
      fullName: z.string().nullable(),
      platform: z.enum(PLATFORMS),
      /** The id their platform knows them by. */
      platformId: z.string(),
      workspace: z.string(),
      firstSeen: time,
      language: z.string().nullable(),
      timeZone: z.string().nullable(),
      settings: z.strictObject({
        languageChosen: z.boolean(),
        timeZoneChosen: z.boolean(),
        reminders: z.strictObject({ level: z.string(), workStart: z.string(), workEnd: z.string(), workDays: z.array(z.number().int()), pausedUntil: time.nullable() }),
      }),
    }),
    groups: z.array(z.strictObject({ group: z.string(), role: z.string(), joinedAt: time, leftAt: time.nullable() })),
    workspaceRoles: z.array(z.strictObject({ role: z.string(), grantedAt: time })),
    checkins: z.strictObject({
      answers: z.array(
        z.strictObject({
          group: z.string(),
          checkin: z.number().int(),
          checkinOpenedAt: time,
          round: z.enum(['since_last', 'take_away']),
          text: z.string().nullable(),
          passed: z.boolean(),
          shared: z.boolean(),
          writtenAt: time,
          changedAt: time,
        }),
      ),
      attendance: z.array(z.strictObject({ group: z.string(), checkin: z.number().int(), checkinOpenedAt: time, present: z.boolean() })),
    }),
    agreements: z.array(
      z.strictObject({
        kind: z.string(),
        text: z.string(),
        group: z.string().nullable(),
        visibility: z.string(),
        status: z.string(),
        followUpDate: day.nullable(),
        repeatWeeks: z.number().int().nullable(),
        expectedEffort: z.number().int(),
        expectedBenefit: z.number().int(),
        source: z.string(),
        quietSince: time.nullable(),
        createdAt: time,
        changedAt: time,
        history: z.array(z.strictObject({ kind: z.string(), at: time, byYou: z.boolean(), previousText: z.string().nullable(), followUpDate: day.nullable(), benefit: z.string().nullable() })),
      }),
    ),
    /** What the person did with group agreements others proposed. */
    agreementActs: z.array(z.strictObject({ group: z.string().nullable(), kind: z.string(), at: time, followUpDate: day.nullable(), benefit: z.string().nullable() })),
    toolSessions: z.array(z.strictObject({ tool: z.string(), status: z.string(), nextStep: z.string().nullable(), answers: z.record(z.string(), z.string()), startedAt: time, changedAt: time })),
    polls: z.strictObject({
      created: z.array(z.strictObject({ title: z.string(), wave: z.number().int(), status: z.string(), opensAt: time, closesAt: time, createdAt: time })),
      /** Invited, and whether they answered. Never what: poll answers belong to nobody. */
      participation: z.array(z.strictObject({ title: z.string(), wave: z.number().int(), status: z.string(), group: z.string().nullable(), answered: z.boolean() })),
    }),
    /**
     * The WHO-5s the person took privately (`min trivsel`): index 0-100 and the five items 0-5, theirs
     * alone and in no aggregate. Added within version 1: a file from before it has none (hence the default).
     */
    wellbeing: z.array(z.strictObject({ takenAt: time, index: z.number().int().min(0).max(100), answers: z.array(z.number().int().min(0).max(5)).length(5) })).default([]),
    schedules: z.array(z.strictObject({ kind: z.string(), nextAt: time.nullable(), cron: z.string().nullable(), timeZone: z.string() })),
  })
  .strict();

export type ExportDocument = z.infer<typeof exportSchema>;

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);

/** The person's data as the version-1 document. */
export function exportDocument(data: PersonalExport, exportedAt: Date): ExportDocument {
  const { person } = data;
  const nudges = person.settings.nudges;
  return {
    format: 'lederrum.personal-data',
    version: 1,
    exportedAt: iso(exportedAt),
    person: {
      name: person.displayName,
      fullName: person.fullName,
      platform: person.platform,
      platformId: person.externalId,
      workspace: person.workspace,
      firstSeen: iso(person.firstSeen),
      language: person.settings.language,
      timeZone: person.settings.timeZone,
      settings: {
        languageChosen: person.settings.languageChosen,
        timeZoneChosen: person.settings.timeZoneChosen,
        reminders: {
          level: nudges.level,
          workStart: nudges.workStart,
          workEnd: nudges.workEnd,
          workDays: nudges.workDays.split(',').filter(Boolean).map(Number),
          pausedUntil: isoOrNull(nudges.pausedUntil),
        },
      },
    },
    groups: data.groups.map((g) => ({ ...g, joinedAt: iso(g.joinedAt), leftAt: isoOrNull(g.leftAt) })),
    workspaceRoles: data.workspaceRoles.map((r) => ({ ...r, grantedAt: iso(r.grantedAt) })),
    checkins: {
      answers: data.answers.map((a) => ({ ...a, checkinOpenedAt: iso(a.checkinOpenedAt), writtenAt: iso(a.writtenAt), changedAt: iso(a.changedAt) })),
      attendance: data.attendance.map((a) => ({ ...a, checkinOpenedAt: iso(a.checkinOpenedAt) })),
    },
    agreements: data.agreements.map((a) => ({
      ...a,
      quietSince: isoOrNull(a.quietSince),
      createdAt: iso(a.createdAt),
      changedAt: iso(a.changedAt),
      history: a.history.map((e) => ({ ...e, at: iso(e.at) })),
    })),
    agreementActs: data.agreementActs.map((e) => ({ ...e, at: iso(e.at) })),
    toolSessions: data.toolSessions.map((s) => ({ ...s, startedAt: iso(s.startedAt), changedAt: iso(s.changedAt) })),
    polls: {
      created: data.pollsCreated.map((p) => ({ ...p, opensAt: iso(p.opensAt), closesAt: iso(p.closesAt), createdAt: iso(p.createdAt) })),
      participation: data.pollParticipation,
    },
    wellbeing: data.wellbeing.map((e) => ({ ...e, takenAt: iso(e.takenAt) })),
    schedules: data.schedules.map((s) => ({ ...s, nextAt: isoOrNull(s.nextAt) })),
  };
}

/** How many items of each kind the person has, for the chat summary. */
export function exportCounts(doc: ExportDocument) {
  return {
    groups: doc.groups.length,
    roles: doc.workspaceRoles.length,
    answers: doc.checkins.answers.filter((a) => a.round === 'since_last').length,
    takeaways: doc.checkins.answers.filter((a) => a.round === 'take_away').length,
    attendance: doc.checkins.attendance.length,
    agreements: doc.agreements.length,
    agreement_acts: doc.agreementActs.length,
    tool_sessions: doc.toolSessions.length,
    polls_created: doc.polls.created.length,
    poll_invitations: doc.polls.participation.length,
    wellbeing: doc.wellbeing.length,
    schedules: doc.schedules.length,
  };
}

export type ExportCountKind = keyof ReturnType<typeof exportCounts>;

/** Settings the person chose themself (the rest follows their platform profile or the defaults). */
export function chosenSettings(doc: ExportDocument): boolean {
  const { settings } = doc.person;
  const r = settings.reminders;
  return (
    settings.languageChosen || settings.timeZoneChosen || r.level !== 'normal' || r.workStart !== '08:00' || r.workEnd !== '17:00' || r.workDays.join(',') !== '1,2,3,4,5' || r.pausedUntil !== null
  );
}
