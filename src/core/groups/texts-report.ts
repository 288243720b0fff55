// A facilitator's view of their group (issue 19, point 3): participation per check-in and the
// group's agreements, as counts and charts on a page behind a signed link. Part of the catalogue.

export const groupReportText = {
  'help.group.report': {
    da: '`gruppe rapport` – et link til gruppens deltagelse og aftaler som diagrammer, kun antal',
    en: '`group report` – a link to the group’s participation and agreements as charts, counts only',
  },
  'group.report.link': { da: 'Overblik over {group}: {link}', en: 'Overview of {group}: {link}' },
  'group.report.no_address': {
    da: 'Overblikket er en webside, og Lederrum har ingen offentlig adresse her (PUBLIC_URL). Skriv `deltagelse` for at se deltagelsen i chatten.',
    en: 'The overview is a web page, and Lederrum has no public address here (PUBLIC_URL). Write `participation` to see participation in the chat.',
  },
  'group.report.title': { da: '{group}: deltagelse og aftaler', en: '{group}: participation and agreements' },
  'group.report.subtitle': { da: 'Facilitatorens overblik · {members} medlemmer', en: 'The facilitator’s overview · {members} members' },
  'group.report.participation_heading': { da: 'Deltagelse pr. tjek-ind', en: 'Participation per check-in' },
  'group.report.participation_note': {
    da: 'Kun antal: hvem der svarede, og hvad nogen skrev, står ikke her. De seneste {count} lukkede tjek-ind.',
    en: 'Counts only: who answered, and what anyone wrote, is not here. The latest {count} closed check-ins.',
  },
  'group.report.no_checkins': { da: 'Gruppen har ingen lukkede tjek-ind endnu.', en: 'The group has no closed check-ins yet.' },
  'group.report.participation_title': { da: 'Svar, spring over og fravær pr. tjek-ind', en: 'Answers, passes and absences per check-in' },
  'group.report.checkin_head': { da: 'Tjek-ind', en: 'Check-in' },
  'group.report.answered': { da: 'Svarede', en: 'Answered' },
  'group.report.passed': { da: 'Sprang over', en: 'Passed' },
  'group.report.absent': { da: 'Fraværende', en: 'Absent' },
  'group.report.agreements_heading': { da: 'Aftaler', en: 'Agreements' },
  'group.report.agreements_note': {
    da: 'Gruppens aftaler og de aftaler, medlemmer har delt med gruppen. Private aftaler tælles ikke med: i en lille gruppe kan selv et antal pege på en person.',
    en: 'The group’s agreements and those members shared with the group. Private agreements are not counted: in a small group even a count can point to a person.',
  },
  'group.report.no_agreements': { da: 'Gruppen har ingen fælles aftaler endnu.', en: 'The group has no shared agreements yet.' },
  'group.report.status_title': { da: 'Aftaler efter status, uge for uge', en: 'Agreements by status, week by week' },
  'group.report.week_head': { da: 'Ugen til og med', en: 'Week to' },
  'group.report.expected_title': { da: 'Forventet gavn mod forventet indsats', en: 'Expected benefit against expected effort' },
  'group.report.effort': { da: 'Forventet indsats', en: 'Expected effort' },
  'group.report.benefit': { da: 'Forventet gavn', en: 'Expected benefit' },
  'group.report.outcome_title': { da: 'Stod gavnen mål med indsatsen? (svar ved opfølgning)', en: 'Did the benefit match the effort? (answers at follow-up)' },
} as const satisfies Record<string, { da: string; en: string }>;
