// data.md: the same document as data.json, for a person to read, in their language. Pure: the
// version-1 document in, Markdown out. The person's own words are quoted as block quotes, so a
// line of theirs that looks like a heading cannot change the file's structure.
import type { Language } from '../model/domain.ts';
import { labelOf, LABELS } from './export-labels.ts';
import { translator } from '../i18n/translate.ts';
import type { ExportDocument } from './export-schema.ts';

export interface MarkdownOptions {
  language: Language;
  /** A guided tool's title in the language, where the content knows the tool. */
  toolTitle?: (toolId: string) => string | undefined;
}

export function exportMarkdown(doc: ExportDocument, options: MarkdownOptions): string {
  const { language } = options;
  const t = translator(language);
  const zone = validZone(doc.person.timeZone);
  const day = (iso: string) => new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: zone }).format(new Date(iso));
  const when = (iso: string) => new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  const label = (table: keyof typeof LABELS, value: string) => labelOf(t, LABELS[table], value);
  const out: string[] = [`# ${t('mydata.md.title')}`, '', t('mydata.md.exported', { date: when(doc.exportedAt), format: doc.format, version: doc.version }), ''];
  const section = (title: string, lines: string[]) => out.push(`## ${title}`, '', ...(lines.length > 0 ? lines : [t('mydata.md.none')]), '');

  const p = doc.person;
  const r = p.settings.reminders;
  const origin = (chosen: boolean) => t(chosen ? 'mydata.md.chosen' : 'mydata.md.from_platform');
  section(t('mydata.md.person'), [
    `- ${t('mydata.md.name')}: ${inline(p.name)}`,
    ...(p.fullName ? [`- ${t('mydata.md.full_name')}: ${inline(p.fullName)}`] : []),
    `- ${t('mydata.md.platform')}: ${p.platform}, \`${p.platformId}\``,
    `- ${t('mydata.md.workspace')}: \`${p.workspace}\``,
    `- ${t('mydata.md.first_seen')}: ${day(p.firstSeen)}`,
    `- ${t('mydata.md.language')}: ${p.language ?? '–'} (${origin(p.settings.languageChosen)})`,
    `- ${t('mydata.md.time_zone')}: ${p.timeZone ?? '–'} (${origin(p.settings.timeZoneChosen)})`,
    `- ${t('mydata.md.reminders')}: ${t('mydata.md.reminders_value', { level: r.level, start: r.workStart, end: r.workEnd, days: r.workDays.join(', ') })}`,
    ...(r.pausedUntil ? [`- ${t('mydata.md.paused_until')}: ${day(r.pausedUntil)}`] : []),
  ]);

  section(
    t('mydata.md.groups'),
    doc.groups.map(
      (g) =>
        `- ${t('mydata.md.group_line', { group: inline(g.group), role: label('groupRole', g.role), joined: day(g.joinedAt) })}${g.leftAt ? `, ${t('mydata.md.left', { left: day(g.leftAt) })}` : ''}`,
    ),
  );
  section(
    t('mydata.md.roles'),
    doc.workspaceRoles.map((role) => `- ${role.role} (${day(role.grantedAt)})`),
  );

  // Check-ins: one heading per check-in, the person's answers in round order, and whether they took part.
  const checkins: string[] = [];
  const keys = [...new Set([...doc.checkins.answers, ...doc.checkins.attendance].map((a) => `${a.group}\u0000${a.checkin}`))];
  for (const key of keys) {
    const [group, sequence] = key.split('\u0000') as [string, string];
    const answers = doc.checkins.answers.filter((a) => a.group === group && a.checkin === Number(sequence));
    const attendance = doc.checkins.attendance.find((a) => a.group === group && a.checkin === Number(sequence));
    const opened = answers[0]?.checkinOpenedAt ?? attendance!.checkinOpenedAt;
    checkins.push(`### ${t('mydata.md.checkin_heading', { group: inline(group), checkin: sequence, date: day(opened) })}`, '');
    for (const a of answers.sort((x, y) => (x.round === y.round ? 0 : x.round === 'since_last' ? -1 : 1))) {
      const visibility = a.round === 'take_away' ? ` – ${t(a.shared ? 'mydata.md.shared' : 'mydata.md.private')}` : '';
      checkins.push(`**${t(`mydata.md.round.${a.round}`)}** (${when(a.changedAt)})${visibility}`, '', a.passed || a.text === null ? t('mydata.md.passed') : quote(a.text), '');
    }
    if (attendance) checkins.push(`_${t(attendance.present ? 'mydata.md.present' : 'mydata.md.absent')}_`, '');
  }
  section(t('mydata.md.checkins'), checkins);

  const agreements: string[] = [];
  for (const a of doc.agreements) {
    agreements.push(quote(a.text), '');
    const meta = {
      kind: label('agreementKind', a.kind),
      status: label('agreementStatus', a.status),
      group: a.group ? inline(a.group) : t('mydata.md.no_group'),
      effort: a.expectedEffort,
      benefit: a.expectedBenefit,
      date: day(a.createdAt),
    };
    agreements.push(`${t('mydata.md.agreement_meta', meta)}${a.followUpDate ? `. ${t('mydata.md.next_follow_up')}: ${a.followUpDate}` : ''}`, '');
    for (const e of a.history) {
      const details = [
        e.byYou ? '' : t('mydata.md.by_other'),
        e.previousText ? t('mydata.md.before', { text: inline(e.previousText) }) : '',
        e.benefit ? t('mydata.md.benefit', { benefit: label('benefit', e.benefit) }) : '',
      ].filter(Boolean);
      agreements.push(`- ${t('mydata.md.event', { date: when(e.at), kind: label('agreementEvent', e.kind) })}${details.length > 0 ? ` ${details.join('; ')}` : ''}`);
    }
    agreements.push('');
  }
  section(t('mydata.md.agreements'), agreements);
  if (doc.agreementActs.length > 0) {
    section(
      t('mydata.md.agreement_acts'),
      doc.agreementActs.map((e) => `- ${t('mydata.md.event', { date: when(e.at), kind: label('agreementEvent', e.kind) })}${e.group ? ` (${inline(e.group)})` : ''}`),
    );
  }

  const tools: string[] = [];
  for (const s of doc.toolSessions) {
    tools.push(`### ${t('mydata.md.tool_heading', { tool: inline(options.toolTitle?.(s.tool) ?? s.tool), status: label('toolStatus', s.status), date: day(s.startedAt) })}`, '');
    for (const [step, text] of Object.entries(s.answers)) tools.push(`**${inline(step)}**`, '', quote(text), '');
  }
  section(t('mydata.md.tools'), tools);

  if (doc.wellbeing.length > 0) {
    section(t('mydata.md.wellbeing'), [
      ...doc.wellbeing.map((e) => `- ${t('mydata.md.wellbeing_line', { date: when(e.takenAt), index: e.index, answers: e.answers.join(', ') })}`),
      '',
      `_${t('mydata.md.wellbeing_note')}_`,
    ]);
  }

  if (doc.polls.created.length > 0) {
    section(
      t('mydata.md.polls_created'),
      doc.polls.created.map(
        (poll) =>
          `- ${t('mydata.md.poll_created_line', { title: inline(poll.title), wave: poll.wave, status: label('pollStatus', poll.status), opens: day(poll.opensAt), closes: day(poll.closesAt) })}`,
      ),
    );
  }
  section(t('mydata.md.poll_participation'), [
    ...doc.polls.participation.map(
      (poll) =>
        `- ${t('mydata.md.poll_invited_line', { title: inline(poll.title), wave: poll.wave, group: poll.group ? `, ${inline(poll.group)}` : '', answered: t(poll.answered ? 'mydata.md.poll_answered' : 'mydata.md.poll_not_answered') })}`,
    ),
    ...(doc.polls.participation.length > 0 ? ['', `_${t('mydata.md.poll_note')}_`] : []),
  ]);
  section(
    t('mydata.md.schedules'),
    doc.schedules.map((s) => `- ${t('mydata.md.schedule_line', { kind: label('personalJob', s.kind), next: s.nextAt ? when(s.nextAt) : t('mydata.md.schedule_done') })}`),
  );
  section(t('mydata.md.not_included_title'), [t('mydata.md.not_included')]);
  return out.join('\n');
}

/** The person's own text as a Markdown block quote, line for line. */
function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** A name or short text on one line: line breaks become spaces. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function validZone(zone: string | null): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
