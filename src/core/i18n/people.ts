// Groups, a person's own overview and their own choices.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const peopleText = {
  // — Groups.
  'group.form.title': { da: 'Opret ledergruppe', en: 'Create a leadership group' },
  'group.form.name': { da: 'Gruppens navn', en: 'Group name' },
  'group.form.language': { da: 'Sprog', en: 'Language' },
  'group.form.time_zone': { da: 'Tidszone', en: 'Time zone' },
  'group.form.time_zone_hint': { da: 'Fx Europe/Copenhagen', en: 'For example Europe/Copenhagen' },
  'group.form.members': { da: 'Medlemmer', en: 'Members' },
  'group.form.create': { da: 'Opret', en: 'Create' },
  'group.created': {
    da: 'Gruppen {name} er oprettet, og du er facilitator. Start jeres første tjek-ind med `tjekind start` i gruppens kanal.',
    en: 'The group {name} is created and you are its facilitator. Start your first check-in with `checkin start` in the group channel.',
  },
  'group.welcome': {
    da: 'Velkommen til {name}. Her holder vi tjek-ind med to runder: Siden sidst og Hvad tager jeg med mig? Du svarer privat i en formular; det, du tager med dig, er privat, medmindre du deler det. Facilitator: {facilitators}. Medlemmer: {members}.',
    en: 'Welcome to {name}. Here we hold check-ins with two rounds: Since last time and What do I take with me? You answer privately in a form; what you take with you is private unless you share it. Facilitator: {facilitators}. Members: {members}.',
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

  // — A person's own overview (Slack's App Home, `overblik` elsewhere).
  'home.header': { da: 'Dit overblik', en: 'Your overview' },
  'home.checkins_title': { da: 'Tjek-ind', en: 'Check-ins' },
  'home.open_checkin': {
    da: '*{group}*: tjek-ind #{sequence} er åben – runden {round}.',
    en: '*{group}*: check-in #{sequence} is open – the {round} round.',
  },
  'home.next_checkin': {
    da: '*{group}*: næste tjek-ind åbner {when}.',
    en: '*{group}*: the next check-in opens {when}.',
  },
  'home.answered': { da: 'Du har svaret. Du kan rette dit svar, indtil runden lukker.', en: 'You have answered. You can edit your answer until the round closes.' },
  'home.not_answered': { da: 'Du har ikke svaret endnu.', en: 'You have not answered yet.' },
  'home.no_open_checkin': {
    da: '*{group}*: ingen åben tjek-ind. Den næste åbner, når facilitatoren starter den.',
    en: '*{group}*: no open check-in. The next one opens when the facilitator starts it.',
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
    da: 'Sprog: {language}. Tidszone: {zone}. Skift med `sprog en` eller `tidszone Europe/London`; `auto` følger igen din profil.',
    en: 'Language: {language}. Time zone: {zone}. Change with `language da` or `timezone Europe/London`; `auto` follows your profile again.',
  },
  'prefs.language_set': { da: 'Jeg skriver på dansk til dig fra nu af.', en: 'I will write to you in English from now on.' },
  'prefs.time_zone_set': { da: 'Din tidszone er nu {zone}.', en: 'Your time zone is now {zone}.' },
  'prefs.follow_profile': { da: 'Jeg følger igen din profil.', en: 'I follow your profile again.' },
  'prefs.unset': { da: 'fra din profil', en: 'from your profile' },
} as const satisfies Record<string, { da: string; en: string }>;
