// Groups: creating one, its members and its welcome.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const groupText = {
  'group.form.title': { da: 'Opret ledergruppe', en: 'Create a leadership group' },
  'group.form.name': { da: 'Gruppens navn', en: 'Group name' },
  'group.form.language': { da: 'Sprog', en: 'Language' },
  'group.form.time_zone': { da: 'Tidszone', en: 'Time zone' },
  'group.form.time_zone_hint': { da: 'Fx Europe/Copenhagen', en: 'For example Europe/Copenhagen' },
  'group.form.members': { da: 'Medlemmer', en: 'Members' },
  'group.form.create': { da: 'Opret', en: 'Create' },
  'group.created': {
    da: 'Gruppen {name} er oprettet, og du er facilitator.',
    en: 'The group {name} is created and you are its facilitator.',
  },
  'group.created.next': {
    da: 'Næste skridt: planlæg, hvornår jeres tjek-ind åbner og lukker af sig selv – tryk på knappen, eller skriv `tjekind plan` i gruppens kanal. Vil I i gang med det samme, så skriv `tjekind start`.',
    en: 'Next step: plan when your check-ins open and close by themselves – press the button, or write `checkin schedule` in the group channel. To begin right away, write `checkin start`.',
  },
  'group.welcome': {
    da: 'Velkommen til {name}. Her holder vi tjek-ind med to runder: Siden sidst og Hvad tager jeg med mig? Du svarer i en formular: på Siden sidst ser gruppen dit svar under dit navn; det, du tager med dig, er privat, medmindre du deler det. Facilitator: {facilitators}. Medlemmer: {members}.',
    en: 'Welcome to {name}. Here we hold check-ins with two rounds: Since last time and What do I take with me? You answer in a form: at Since last time the group sees your answer under your name; what you take with you is private unless you share it. Facilitator: {facilitators}. Members: {members}.',
  },
  'group.add.title': { da: 'Tilføj medlemmer', en: 'Add members' },
  'group.add.submit': { da: 'Tilføj', en: 'Add' },
  'group.add.nobody': {
    da: 'Alle, jeg kender, er allerede med i gruppen.',
    en: 'Everyone I know is already in the group.',
  },
  'group.added': { da: '{names} er nu med i {group}. Velkommen!', en: '{names} joined {group}. Welcome!' },
  'group.remove.title': { da: 'Fjern medlemmer', en: 'Remove members' },
  'group.remove.submit': { da: 'Fjern', en: 'Remove' },
  'group.remove.nobody': { da: 'Der er ingen andre medlemmer at fjerne.', en: 'There are no other members to remove.' },
  'group.removed': { da: '{names} er ikke længere med i {group}.', en: '{names} left {group}.' },
  'group.form.members_follow': {
    da: 'Gruppens medlemmer følger samtalens medlemmer: {names}.',
    en: 'The group’s members follow the conversation’s members: {names}.',
  },
  'group.members_follow_conversation': {
    da: 'Her følger gruppen samtalens medlemmer. Inviter folk til kanalen, eller fjern dem fra den, så følger gruppen med.',
    en: 'Here the group follows the conversation’s members. Invite people to the channel, or remove them from it, and the group follows.',
  },
  'group.pick_none': { da: 'Vælg mindst én person.', en: 'Choose at least one person.' },
  'language.da': { da: 'Dansk', en: 'Danish' },
  'language.en': { da: 'Engelsk', en: 'English' },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.group.create': { da: '`gruppe opret` – opret en ledergruppe', en: '`group create` – create a leadership group' },
  'help.group.members': { da: '`gruppe tilføj` / `gruppe fjern` – tilføj eller fjern medlemmer', en: '`group add` / `group remove` – add or remove members' },
  'help.participation': { da: '`deltagelse` – deltagelse pr. medlem, kun antal', en: '`participation` – participation per member, counts only' },
} as const satisfies Record<string, { da: string; en: string }>;
