// The HR role: granting and removing it, to a person (a mention or a choice from a list), never
// to whoever happens to carry a name; and what the person is told. See polls/grant.ts.

export const roleText = {
  'hr.list': { da: 'HR-rollen har: {names}.', en: 'The HR role is held by: {names}.' },
  'hr.none': {
    da: 'Ingen har HR-rollen endnu. En administrator giver den med `hr tildel @Navn` – eller `hr tildel` alene og et valg på listen.',
    en: 'No one holds the HR role yet. An admin grants it with `hr grant @Name` – or `hr grant` alone and a choice from the list.',
  },
  'hr.granted': { da: '{name} har nu HR-rollen og kan sende målinger og se samlede resultater.', en: '{name} now holds the HR role and can send polls and see aggregated results.' },
  'hr.revoked': { da: '{name} har ikke længere HR-rollen.', en: '{name} no longer holds the HR role.' },
  'hr.already': { da: '{name} har allerede HR-rollen.', en: '{name} already holds the HR role.' },
  'hr.not_holder': { da: '{name} har ikke HR-rollen.', en: '{name} does not hold the HR role.' },
  'hr.not_told': { da: 'Jeg kunne ikke give {name} besked privat – sig det gerne selv.', en: 'I could not tell {name} privately – please let them know yourself.' },

  // What the person themself is told, privately, in their own language.
  'hr.you_granted': {
    da: '{admin} har givet dig HR-rollen i Lederrum. Du kan nu sende anonyme pulsmålinger til grupperne (`måling`) og se de samlede resultater, når en måling er lukket (`målinger`). Du ser aldrig, hvem der svarede hvad, og aldrig det, medlemmerne skriver i deres grupper.',
    en: '{admin} has given you the HR role in Lederrum. You can now send anonymous pulse polls to the groups (`poll`) and see the aggregated results once a poll has closed (`polls`). You never see who answered what, nor what members write in their groups.',
  },
  'hr.you_revoked': {
    da: '{admin} har fjernet din HR-rolle i Lederrum. Du kan ikke længere sende målinger eller se resultater.',
    en: '{admin} has removed your HR role in Lederrum. You can no longer send polls or see results.',
  },

  // The list to choose from, where no one was named.
  'hr.command.grant': { da: 'hr tildel', en: 'hr grant' },
  'hr.command.revoke': { da: 'hr fjern', en: 'hr revoke' },
  'hr.pick.title_grant': { da: 'Giv HR-rollen', en: 'Grant the HR role' },
  'hr.pick.title_revoke': { da: 'Fjern HR-rollen', en: 'Remove the HR role' },
  'hr.pick.submit_grant': { da: 'Giv rollen', en: 'Grant the role' },
  'hr.pick.submit_revoke': { da: 'Fjern rollen', en: 'Remove the role' },
  'hr.pick.person': { da: 'Hvem', en: 'Who' },
  'hr.pick.intro': {
    da: 'HR kan sende anonyme målinger og se samlede resultater – aldrig enkeltsvar og aldrig det, grupperne skriver.',
    en: 'HR can send anonymous polls and see aggregated results – never single answers, never what the groups write.',
  },
  'hr.pick.only_known': {
    da: 'Listen viser dem, Lederrum kender. Mangler personen, så skriv `{command} @Navn`.',
    en: 'The list shows the people Lederrum knows. If the person is missing, write `{command} @Name`.',
  },
  'hr.pick.everyone_holds': { da: 'Alle, Lederrum kender her, har allerede HR-rollen.', en: 'Everyone Lederrum knows here already holds the HR role.' },

  // How to name a person instead: a mention where the platform has them, else the list.
  'hr.how.mention': {
    da: 'Skriv @ og vælg personen i den liste, chatten viser (fx `{command} @Navn`), eller skriv `{command}` alene og vælg på Lederrums liste.',
    en: 'Type @ and pick the person from the list the chat shows (e.g. `{command} @Name`), or write `{command}` alone and choose from Lederrum’s list.',
  },
  'hr.how.picker': { da: 'Skriv `{command}` alene og vælg personen på listen.', en: 'Write `{command}` alone and choose the person from the list.' },

  'error.not_admin': { da: 'Kun en administrator kan give eller fjerne HR-rollen.', en: 'Only an admin can grant or remove the HR role.' },
  'error.hr_usage': {
    da: 'Skriv `hr`, `hr tildel @Navn` eller `hr fjern @Navn` – eller `hr tildel` alene for at vælge på en liste.',
    en: 'Write `hr`, `hr grant @Name` or `hr revoke @Name` – or `hr grant` alone to choose from a list.',
  },
  'error.hr_unknown_person': { da: 'Jeg kender ingen, der hedder "{name}". {how}', en: 'I know no one called "{name}". {how}' },
  'error.hr_ambiguous': {
    da: 'Flere hedder "{name}": {candidates}. Jeg ændrer ikke nogens rolle ud fra et navn, der passer på flere. {how}',
    en: 'More than one person is called "{name}": {candidates}. I change no one’s role from a name that fits several. {how}',
  },
  'error.hr_not_offered': {
    da: 'Den person var ikke på listen, jeg viste dig. Intet er ændret – skriv `{command}` for en ny liste.',
    en: 'That person was not on the list I showed you. Nothing has changed – write `{command}` for a fresh list.',
  },
  'error.hr_pick_none': { da: 'Vælg en person.', en: 'Choose a person.' },
} as const satisfies Record<string, { da: string; en: string }>;
