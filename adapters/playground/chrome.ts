// The playground page's own words (its "chrome"), Danish and English, following the locale of
// the person one is acting as. Lederrum's messages come from the core's catalogue.
export const chrome = {
  title: { da: 'Lederrum – legeplads', en: 'Lederrum – playground' },
  unknownPerson: { da: 'Den person er ikke længere på legepladsen. Vælg en anden i vælgeren.', en: 'That person is no longer in the playground. Pick another in the switcher.' },
  actingAs: { da: 'Du er', en: 'You are' },
  // The button that shows and hides the sidebar on a narrow screen.
  menu: { da: 'Grupper og personer', en: 'Groups and people' },
  messageLabel: { da: 'Besked', en: 'Message' },
  addPerson: { da: 'Tilføj person', en: 'Add person' },
  removePerson: { da: 'Fjern', en: 'Remove' },
  removeConfirm: {
    da: 'Fjern {name} og alt, Lederrum har gemt om personen?',
    en: 'Remove {name} and everything Lederrum keeps about them?',
  },
  newPersonName: { da: 'Navn på ny person', en: 'Name of the new person' },
  channels: { da: 'Grupper', en: 'Groups' },
  noChannels: {
    da: 'Ingen grupper endnu. Skriv `gruppe opret` til Lederrum.',
    en: 'No groups yet. Write `group create` to Lederrum.',
  },
  direct: { da: 'Direkte beskeder', en: 'Direct messages' },
  newGroup: { da: 'Ny gruppe', en: 'New group' },
  onlyYou: { da: 'Kun synlig for dig', en: 'Only visible to you' },
  // One and many, as Intl.PluralRules names them for the page's language (app.js): never "1 replies".
  replyOne: { da: '{count} svar', en: '{count} reply' },
  replies: { da: '{count} svar', en: '{count} replies' },
  thread: { da: 'Tråd', en: 'Thread' },
  close: { da: 'Luk', en: 'Close' },
  cancel: { da: 'Annuller', en: 'Cancel' },
  send: { da: 'Send', en: 'Send' },
  placeholderChannel: {
    da: 'Skriv i kanalen – eller en kommando, fx /lederrum tjekind start',
    en: 'Write in the channel – or a command, e.g. /lederrum checkin start',
  },
  placeholderDirect: { da: 'Skriv til Lederrum, fx hjælp', en: 'Write to Lederrum, e.g. help' },
  shortcuts: { da: 'Kommandoer', en: 'Commands' },
  offline: { da: 'Forbindelsen til Lederrum er væk – prøver igen …', en: 'Lost the connection to Lederrum – retrying …' },
  reloading: { da: 'Lederrum er tilbage – henter siden igen …', en: 'Lederrum is back – reloading the page …' },
  failed: {
    da: 'Det lykkedes ikke at sende. Intet er gået tabt – prøv igen.',
    en: 'Sending failed. Nothing was lost – please try again.',
  },
  edited: { da: 'rettet', en: 'edited' },
  notInConversation: {
    da: 'Du er ikke med i den samtale, så du kan hverken læse eller skrive i den.',
    en: 'You are not in that conversation, so you can neither read nor write in it.',
  },
  otherHost: {
    da: 'Legepladsen svarer kun på localhost (og på adressen i PUBLIC_URL). Åbn den dér.',
    en: 'The playground answers only on localhost (and on the address in PUBLIC_URL). Open it there.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
