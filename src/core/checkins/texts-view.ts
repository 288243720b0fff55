// The facilitator's view of an open round and the one gentle nudge it can send (round-view.ts).
// Names only, never content; a nudge that nags gets a bot muted (BRIEF point 3), so it is worded
// as an invitation and says that passing is just as fine.

export const roundViewText = {
  'roundview.header': { da: '{round} · tjek-ind #{sequence}: hvem er med?', en: '{round} · check-in #{sequence}: who has taken part?' },
  'roundview.answered': { da: 'Har svaret ({count})', en: 'Answered ({count})' },
  'roundview.passed': { da: 'Har meldt pas ({count})', en: 'Passed ({count})' },
  'roundview.missing': { da: 'Mangler endnu ({count})', en: 'Not answered yet ({count})' },
  'roundview.nobody': { da: 'ingen', en: 'no one' },
  'roundview.note': {
    da: 'Kun navne – aldrig hvad nogen har skrevet. Kun du ser denne oversigt.',
    en: 'Names only – never what anyone wrote. Only you see this overview.',
  },
  'roundview.nudge_button': { da: 'Send en venlig påmindelse', en: 'Send a gentle reminder' },
  'roundview.nudge_hint': {
    da: 'Påmindelsen kan sendes én gang i runden, kun til dem, der mangler – ikke til dem, der har slået påmindelser fra eller holder pause.',
    en: 'The reminder can be sent once per round, only to those missing – not to anyone who has turned reminders off or paused them.',
  },
  'roundview.nudged': { da: 'Rundens påmindelse er sendt.', en: 'The round’s reminder has been sent.' },
  'roundview.closed': {
    da: 'Runden {title} er lukket, så der er ingen at se efter eller minde om her.',
    en: 'The {title} round is closed, so there is no one to look for or remind here.',
  },
  'roundview.all_in': { da: 'Alle er med – der er ingen at minde om.', en: 'Everyone has taken part – there is no one to remind.' },

  // — What the facilitator hears after pressing "send".
  'roundview.nudge_sent': { da: 'En venlig påmindelse er på vej til {names}.', en: 'A gentle reminder is on its way to {names}.' },
  'roundview.nudge_withheld': {
    da: '{count} har slået påmindelser fra eller holder pause og får ingen.',
    en: '{count, plural, one {# person has} other {# people have}} turned reminders off or paused them and will get none.',
  },
  'roundview.nudge_nobody': {
    da: 'Der er ingen at minde om: alle er med, eller de, der mangler, har slået påmindelser fra.',
    en: 'There is no one to remind: everyone has taken part, or those missing have turned reminders off.',
  },
  'roundview.nudge_already': {
    da: 'Rundens påmindelse er allerede sendt. Én er nok – resten er op til hver enkelt.',
    en: 'The round’s reminder has already been sent. One is enough – the rest is up to each person.',
  },

  // — The nudge itself, in each recipient's private chat.
  'roundview.nudge_text': {
    da: '{facilitator} sender en venlig påmindelse: runden {round} i {group} er stadig åben. Svar, når det passer dig – eller meld pas. Begge dele er helt i orden.',
    en: '{facilitator} sends a gentle reminder: the {round} round in {group} is still open. Answer when it suits you – or pass. Either is quite all right.',
  },
  'roundview.nudge_footer': { da: 'Du får ikke flere påmindelser i denne runde.', en: 'You will get no more reminders in this round.' },

  // — A member who presses a facilitator's button in the channel.
  'error.facilitator_button': {
    da: 'Den knap er til gruppens facilitator ({facilitators}) – du behøver ikke gøre noget.',
    en: 'That button is for the group’s facilitator ({facilitators}) – there is nothing you need to do.',
  },

  'help.checkin.status': {
    da: '`tjekind status` – hvem har svaret, meldt pas eller mangler i den åbne runde, og én venlig påmindelse',
    en: '`checkin status` – who has answered, passed or is missing in the open round, and one gentle reminder',
  },
} as const satisfies Record<string, { da: string; en: string }>;
