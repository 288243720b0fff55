// Plans, a member's reminder settings and the one gentle nudge per round.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const scheduleText = {
  // — A group's plan: when the check-in opens and closes by itself.
  'schedule.form.title': { da: 'Plan for tjek-ind', en: 'Check-in plan' },
  'schedule.plan_button': { da: 'Planlæg tjek-ind', en: 'Plan the check-in' },
  'schedule.form.preview': { da: 'Vis datoerne', en: 'Show the dates' },
  'schedule.form.intro': {
    da: 'Tiderne gælder i gruppens tidszone ({zone}). Du ser de næste datoer, før planen gemmes.',
    en: 'Times are in the group’s time zone ({zone}). You will see the next dates before the plan is saved.',
  },
  'schedule.form.open': { da: 'Tjek-ind åbner', en: 'The check-in opens' },
  'schedule.form.open_example': { da: 'hver mandag kl. 09:00', en: 'every Monday at 09:00' },
  'schedule.form.open_hint': {
    da: 'Fx “hver mandag kl. 9”, “hver anden mandag kl. 9”, “første tirsdag i måneden kl. 9” eller cron “0 9 * * 1”.',
    en: 'E.g. “every Monday 9:00”, “every other Monday 9:00”, “first Tuesday of the month 9:00” or cron “0 9 * * 1”.',
  },
  'schedule.form.close': { da: 'Tjek-ind lukker (valgfrit)', en: 'The check-in closes (optional)' },
  'schedule.form.close_hint': { da: 'Fx “fredag kl. 15”. Tomt: facilitatoren lukker.', en: 'E.g. “Friday 15:00”. Empty: the facilitator closes it.' },
  'schedule.form.holidays': { da: 'Spring danske helligdage over', en: 'Skip Danish public holidays' },
  'schedule.form.skip_days': { da: 'Andre fridage (valgfrit)', en: 'Other days off (optional)' },
  'schedule.form.skip_days_hint': { da: 'Datoer som 2026-12-24, adskilt af komma.', en: 'Dates such as 2026-12-24, separated by commas.' },
  'schedule.preview.header': { da: 'Plan for {group}', en: 'Plan for {group}' },
  'schedule.preview.closes': { da: 'lukker {when}', en: 'closes {when}' },
  'schedule.preview.next': { da: 'De næste gange', en: 'The next times' },
  'schedule.preview.save': { da: 'Gem planen', en: 'Save the plan' },
  'schedule.preview.note': {
    da: 'Tider i {zone}. Planen gælder først, når du trykker “Gem planen”.',
    en: 'Times in {zone}. The plan applies once you press “Save the plan”.',
  },
  'schedule.saved': { da: 'Planen er gemt: tjek-ind åbner {when}.', en: 'The plan is saved: the check-in opens {when}.' },
  'schedule.stopped': { da: 'Planen er stoppet. Tjek-ind åbner nu kun, når facilitatoren starter det.', en: 'The plan is stopped. Check-ins now open only when the facilitator starts them.' },
  'error.schedule_close_order': {
    da: 'Lukketiden skal komme efter åbningen og før næste åbning. Skriv fx “fredag kl. 15” til en mandagsåbning. Den gamle plan gælder stadig.',
    en: 'The closing time must come after the opening and before the next one. Write e.g. “Friday 15:00” for a Monday opening. The old plan still applies.',
  },
  'error.skip_day_invalid': {
    da: '“{value}” er ikke en dato. Skriv fx 2026-12-24.',
    en: '“{value}” is not a date. Write for example 2026-12-24.',
  },
  'error.no_scheduler': { da: 'Planlægning er slået fra her.', en: 'Scheduling is switched off here.' },

  // — A member's own reminders.
  'nudges.off': { da: 'Du får ingen påmindelser. Skriv `påmindelser normal` for at få dem igen.', en: 'You will get no reminders. Write `nudges normal` to get them again.' },
  'nudges.light': { da: 'Du får højst én stille påmindelse, sent i runden.', en: 'You will get at most one quiet reminder, late in the round.' },
  'nudges.normal': { da: 'Du får højst én påmindelse pr. runde, inden for din arbejdstid.', en: 'You will get at most one reminder per round, within your working hours.' },
  'pause.set': { da: 'Du får ingen påmindelser før {date}. Skriv `pause stop` for at slutte før.', en: 'You will get no reminders before {date}. Write `pause stop` to end it sooner.' },
  'pause.ended': { da: 'Din pause er slut.', en: 'Your pause has ended.' },
  'working_hours.set': { da: 'Påmindelser kommer kun mellem {start} og {end} på dine arbejdsdage.', en: 'Reminders come only between {start} and {end} on your working days.' },
  'error.nudge_level': { da: 'Skriv `påmindelser fra`, `påmindelser let` eller `påmindelser normal`.', en: 'Write `nudges off`, `nudges light` or `nudges normal`.' },
  'error.pause_date': { da: 'Skriv en dato i fremtiden, fx `pause til 2027-03-01`.', en: 'Write a date in the future, e.g. `pause until 2027-03-01`.' },
  'error.working_hours': { da: 'Skriv fx `arbejdstid 08:00-16:00 man-tor`.', en: 'Write e.g. `working hours 08:00-16:00 mon-thu`.' },

  // — The one gentle reminder per round (BRIEF point 3: gentle enough not to be muted).
  'nudge.text': {
    da: 'Runden {round} i {group} er stadig åben. Du kan svare her, når det passer dig – eller melde pas.',
    en: 'The {round} round in {group} is still open. You can answer here when it suits you – or pass.',
  },
  'nudge.footer': {
    da: 'Kun én påmindelse pr. runde. Skriv `påmindelser fra` for ingen, eller `pause til 2027-03-01`.',
    en: 'Only one reminder per round. Write `nudges off` for none, or `pause until 2027-03-01`.',
  },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.schedule.plan': { da: '`tjekind plan` – hvornår tjek-ind åbner og lukker af sig selv', en: '`checkin schedule` – when the check-in opens and closes by itself' },
  'help.nudges': { da: '`påmindelser` / `arbejdstid` / `pause til …` – dine påmindelser', en: '`nudges` / `working hours` / `pause until …` – your reminders' },
} as const satisfies Record<string, { da: string; en: string }>;
