// A person's own overview and their own choices.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const peopleText = {
  // — A person's own overview (Slack's App Home, `overblik` elsewhere).
  'home.header': { da: 'Dit overblik', en: 'Your overview' },
  'home.checkins_title': { da: 'Tjek-ind', en: 'Check-ins' },
  // Each under the group's name as its title: the texts carry no markup of their own.
  'home.open_checkin': {
    da: 'Tjek-ind #{sequence} er åben – runden {round}.',
    en: 'Check-in #{sequence} is open – the {round} round.',
  },
  'home.next_checkin': {
    da: 'Næste tjek-ind åbner {when}.',
    en: 'The next check-in opens {when}.',
  },
  'home.answered': { da: 'Du har svaret. Du kan rette dit svar, indtil runden lukker.', en: 'You have answered. You can edit your answer until the round closes.' },
  'home.not_answered': { da: 'Du har ikke svaret endnu.', en: 'You have not answered yet.' },
  'home.no_open_checkin': {
    da: 'Ingen åben tjek-ind. Den næste åbner, når facilitatoren starter den.',
    en: 'No open check-in. The next one opens when the facilitator starts it.',
  },
  'home.no_groups': {
    da: 'Du er ikke med i en ledergruppe endnu. Når du er med i en gruppes kanal, kan du se den her.',
    en: 'You are not in a leadership group yet. Once you are in a group’s channel, you will see it here.',
  },
  'home.takeaways_title': {
    da: 'Det har du taget med dig (kun du kan se det)',
    en: 'What you have taken with you (only you can see this)',
  },
  'home.takeaway_source': { da: '{group} · tjek-ind #{sequence}', en: '{group} · check-in #{sequence}' },
  'home.no_takeaways': { da: 'Intet endnu – det kommer efter jeres første afrunding.', en: 'Nothing yet – it comes after your first closing round.' },
  'home.facilitator_title': { da: 'Som facilitator', en: 'As facilitator' },

  // — A person's own choices of language and time zone.
  'prefs.shown': {
    da: 'Sprog: {language}. Tidszone: {zone}. Skift med `sprog en` eller `tidszone Europe/London`; `sprog auto` og `tidszone auto` følger igen din profil.',
    en: 'Language: {language}. Time zone: {zone}. Change with `language da` or `timezone Europe/London`; `language auto` and `timezone auto` follow your profile again.',
  },
  'prefs.language_set': { da: 'Jeg skriver på dansk til dig fra nu af.', en: 'I will write to you in English from now on.' },
  'prefs.time_zone_set': { da: 'Din tidszone er nu {zone}.', en: 'Your time zone is now {zone}.' },
  'prefs.follow_profile': { da: 'Jeg følger igen din profil.', en: 'I follow your profile again.' },
  'prefs.unset': { da: 'fra din profil', en: 'from your profile' },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.overview': { da: '`overblik` – dine tjek-ind og det, du har taget med dig', en: '`overview` – your check-ins and what you have taken with you' },
  'help.preferences': { da: '`sprog` / `tidszone` – dit sprog og din tidszone', en: '`language` / `timezone` – your language and time zone' },
  'help.mydata': {
    da: '`mine data` – se og hent det, Lederrum gemmer om dig; `slet mine data` – slet det',
    en: '`my data` – see and download what Lederrum keeps about you; `delete my data` – delete it',
  },
  'help.mydata.delete_for': { da: '`slet data @Navn` – slet en tidligere medarbejders data', en: '`delete data @Name` – delete a former colleague’s data' },
} as const satisfies Record<string, { da: string; en: string }>;
