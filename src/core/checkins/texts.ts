// The two rounds, the answer form, thread replies, the facilitator's side and participation.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const roundText = {
  // — The two rounds. Fixed wording, identical every time (BRIEF point 1, seed 003:384-388).
  'round.since_last.title': { da: 'Siden sidst', en: 'Since last time' },
  'round.since_last.question': {
    da: 'Hvad er sket siden sidst – og hvordan er din balance lige nu?',
    en: 'What has happened since last time – and how is your balance right now?',
  },
  'round.take_away.title': { da: 'Hvad tager jeg med mig?', en: 'What do I take with me?' },
  'round.take_away.question': {
    da: 'Hvad tager du med dig fra i dag?',
    en: 'What do you take with you from today?',
  },
  'round.header': { da: 'Tjek-ind #{sequence} · {title}', en: 'Check-in #{sequence} · {title}' },
  'round.how_since_last': {
    da: 'Svar i formularen – gruppen ser dit svar i tråden under dit navn. Du kan også melde pas; det tæller også som at være med.',
    en: 'Answer in the form – the group sees your answer in the thread under your name. You may also pass; that counts as taking part too.',
  },
  'round.how_take_away': {
    da: 'Det, du tager med dig, er privat, medmindre du vælger at dele det med gruppen. Du ser det igen ved næste Siden sidst.',
    en: 'What you take with you is private unless you choose to share it with the group. You will see it again at the next Since last time.',
  },
  'round.closed_note': { da: 'Runden er lukket.', en: 'This round is closed.' },
  'round.button.answer': { da: 'Svar', en: 'Answer' },
  'round.button.pass': { da: 'Meld pas', en: 'Pass' },
  // A channel message is the same for everyone: the facilitator's buttons say whose they are.
  'round.button.start_take_away': { da: 'Start afrundingen (facilitator)', en: 'Start the closing round (facilitator)' },
  'round.button.close_checkin': { da: 'Afslut tjek-ind (facilitator)', en: 'Close the check-in (facilitator)' },
  'round.button.status': { da: 'Hvem mangler? (facilitator)', en: 'Who is missing? (facilitator)' },

  // — The private answer form.
  'form.answer.label': { da: 'Dit svar', en: 'Your answer' },
  'form.answer.hint': {
    da: 'Højst {max, plural, one {# tegn} other {# tegn}}. Du kan rette dit svar, indtil runden lukker.',
    en: 'At most {max, plural, one {# character} other {# characters}}. You can edit your answer until the round closes.',
  },
  'form.pass.label': { da: 'Jeg melder pas denne gang', en: 'I pass this time' },
  'form.share.label': { da: 'Del med gruppen', en: 'Share with the group' },
  'form.save': { da: 'Gem', en: 'Save' },
  'form.last_takeaway.title': {
    da: 'Det tog du med dig sidst (kun du kan se det)',
    en: 'What you took with you last time (only you can see this)',
  },

  // — Thread replies and replies to the person who answered.
  'thread.passed': { da: '{name} melder pas denne gang.', en: '{name} passes this time.' },
  'thread.took_private': {
    da: '{name} har taget noget med sig (privat).',
    en: '{name} is taking something along (private).',
  },
  'thread.edited': { da: '(rettet)', en: '(edited)' },
  'reply.answer_saved': { da: 'Tak – dit svar står i tråden.', en: 'Thank you – your answer is in the thread.' },
  'reply.answer_updated': { da: 'Dit svar er rettet i tråden.', en: 'Your answer has been updated in the thread.' },
  'reply.passed': {
    da: 'Du har meldt pas. Det tæller også som at være med.',
    en: 'You passed. That counts as taking part too.',
  },
  'reply.takeaway_private': {
    da: 'Gemt – kun til dig. Du ser det igen ved næste Siden sidst.',
    en: 'Saved – just for you. You will see it again at the next Since last time.',
  },
  'reply.takeaway_shared': {
    da: 'Gemt og delt med gruppen. Du ser det igen ved næste Siden sidst.',
    en: 'Saved and shared with the group. You will see it again at the next Since last time.',
  },

  // — Check-ins, from the facilitator's side.
  'checkin.started': {
    da: 'Tjek-ind #{sequence} er startet med runden Siden sidst. Når I er klar, skriv `tjekind afrunding`.',
    en: 'Check-in #{sequence} has started with the Since last time round. When you are ready, write `checkin closing`.',
  },
  'checkin.take_away_started': {
    da: 'Afrundingen er startet. Når alle har svaret, skriv `tjekind afslut`.',
    en: 'The closing round has started. When everyone has answered, write `checkin close`.',
  },
  'checkin.closed_reply': {
    da: 'Tjek-ind #{sequence} er afsluttet, og opsummeringen er sendt til gruppen.',
    en: 'Check-in #{sequence} is closed and the summary has been posted to the group.',
  },
  'summary.header': { da: 'Tjek-ind #{sequence} er afsluttet', en: 'Check-in #{sequence} is closed' },
  'summary.took_part': {
    da: 'Med i dag ({count} af {total}): {names}',
    en: 'Took part ({count} of {total}): {names}',
  },
  'summary.nobody': { da: 'Ingen var med denne gang.', en: 'No one took part this time.' },
  'summary.shared_title': { da: 'Delt med gruppen', en: 'Shared with the group' },
  'summary.nothing_shared': {
    da: 'Ingen delte det, de tager med sig, denne gang – det er helt i orden.',
    en: 'No one shared what they take with them this time – that is quite all right.',
  },
  'summary.thanks': { da: 'Tak for i dag.', en: 'Thank you for today.' },

  // — Participation and the facilitator's heads-up: counts, never content.
  'participation.header': {
    da: 'Deltagelse i {group} – {count, plural, one {det seneste tjek-ind} other {de seneste # tjek-ind}}',
    en: 'Participation in {group} – {count, plural, one {the last check-in} other {the last # check-ins}}',
  },
  'participation.row': { da: 'med {present} af {total}', en: 'took part in {present} of {total}' },
  'participation.none': {
    da: 'Der er ingen afsluttede tjek-ind endnu.',
    en: 'There are no closed check-ins yet.',
  },
  'participation.note': {
    da: 'Kun antal – aldrig hvad nogen har skrevet.',
    en: 'Counts only – never what anyone wrote.',
  },
  'headsup.missed_two': {
    da: '{name} har ikke været med de seneste to tjek-ind i {group}. Måske er det en god idé at række ud – en kort, venlig besked er ofte nok.',
    en: '{name} has not taken part in the last two check-ins in {group}. It may be worth reaching out – a short, friendly word is often enough.',
  },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.checkin.start': { da: '`tjekind start` – åbn runden Siden sidst', en: '`checkin start` – open the Since last time round' },
  'help.checkin.closing': { da: '`tjekind afrunding` – åbn runden Hvad tager jeg med mig?', en: '`checkin closing` – open the What do I take with me? round' },
  'help.checkin.close': { da: '`tjekind afslut` – afslut og send opsummeringen', en: '`checkin close` – close and post the summary' },
} as const satisfies Record<string, { da: string; en: string }>;
