// "Delete my data" and an admin's data request (issue 15, points 2 and 3). Danish and English
// side by side. Counts only, never content: the person is told how much goes, not what it said.
export const forgetText = {
  // — Asking.
  'forget.ask.title': { da: 'Slet dine data i Lederrum', en: 'Delete your data in Lederrum' },
  'forget.ask_for.title': { da: 'Slet data om {name} i Lederrum', en: 'Delete {name}’s data in Lederrum' },
  'forget.will_delete': { da: 'Det her bliver slettet:', en: 'This will be deleted:' },
  'forget.will_keep': { da: 'Det her bliver ikke slettet:', en: 'This will not be deleted:' },
  'forget.posts_note': {
    da: 'Lederrums egne indlæg med dine ord eller dit navn (svar i tråde, opsummeringer, delte værktøjer og aftaler) bliver redigeret, så de ikke længere viser dem.',
    en: 'Lederrum’s own posts with your words or your name (answers in threads, summaries, shared tools and agreements) are edited so they no longer show them.',
  },
  'forget.posts_note_for': {
    da: 'Lederrums egne indlæg med personens ord eller navn bliver redigeret, så de ikke længere viser dem.',
    en: 'Lederrum’s own posts with the person’s words or name are edited so they no longer show them.',
  },
  'forget.keep.others': {
    da: 'Det, andre har skrevet – også i de tråde og grupper, personen var med i.',
    en: 'What others wrote – also in the threads and groups the person took part in.',
  },
  'forget.keep.platform': {
    da: 'Beskeder i chathistorikken på {platform}, som Lederrum ikke gemmer (fx de kommandoer, der blev skrevet). De slettes i {platform}.',
    en: 'Messages in the chat history on {platform}, which Lederrum does not keep (such as the commands that were typed). Those are deleted in {platform}.',
  },
  'forget.keep.poll_answers': {
    da: 'Svar på anonyme målinger: intet forbinder dem med nogen, så de kan hverken findes eller slettes.',
    en: 'Answers to anonymous polls: nothing links them to anyone, so they can be neither found nor deleted.',
  },
  'forget.keep.group_agreements': {
    da: 'Foreslåede gruppeaftaler ({count}) bliver hos gruppen – uden navn.',
    en: 'Proposed group agreements ({count}) stay with the group – without the name.',
  },
  'forget.keep.agreement_history': {
    da: 'Svar på gruppens aftaler ({count}) bliver i deres historik – uden navn.',
    en: 'Answers to the group’s agreements ({count}) stay in their history – without the name.',
  },
  'forget.keep.polls_created': {
    da: 'Målinger oprettet som HR ({count}) bliver hos organisationen – uden navn.',
    en: 'Polls created as HR ({count}) stay with the organisation – without the name.',
  },
  'forget.cannot_undo': { da: 'Det kan ikke fortrydes.', en: 'This cannot be undone.' },
  'forget.confirm': { da: 'Slet for altid', en: 'Delete for good' },
  'forget.cancel': { da: 'Fortryd', en: 'Cancel' },
  'forget.cancelled': { da: 'Intet er slettet.', en: 'Nothing was deleted.' },

  // — What goes, counted.
  'forget.kind.settings': { da: 'Indstillinger, du selv har valgt (sprog, tidszone, påmindelser, pause)', en: 'Settings you chose (language, time zone, reminders, pause)' },
  'forget.kind.profile': { da: 'Profil (navn og id fra platformen)', en: 'Profile (name and id from the platform)' },
  'forget.kind.groups': { da: 'Medlemskaber af grupper: {count}', en: 'Group memberships: {count}' },
  'forget.kind.roles': { da: 'Roller (HR, administrator): {count}', en: 'Roles (HR, admin): {count}' },
  'forget.kind.answers': { da: 'Svar i runder og det, der blev taget med: {count}', en: 'Round answers and takeaways: {count}' },
  'forget.kind.attendance': { da: 'Registreret deltagelse i tjek-ind: {count}', en: 'Recorded check-in attendance: {count}' },
  'forget.kind.tool_sessions': { da: 'Forløb i værktøjer med svar: {count}', en: 'Tool sessions with answers: {count}' },
  'forget.kind.wellbeing': { da: 'Egne trivselsmålinger (WHO-5): {count}', en: 'Own well-being entries (WHO-5): {count}' },
  'forget.kind.agreements': { da: 'Egne aftaler og prøvehandlinger med deres historik: {count}', en: 'Own agreements and trials, with their history: {count}' },
  'forget.kind.posts': { da: 'Lederrum-indlæg med ord eller navn (redigeres): {count}', en: 'Lederrum posts with words or name (edited): {count}' },
  'forget.kind.schedules': { da: 'Planlagte påmindelser og beskeder: {count}', en: 'Planned reminders and messages: {count}' },
  'forget.kind.poll_invitations': { da: 'Invitationer til målinger (om der blev svaret – aldrig hvad): {count}', en: 'Poll invitations (whether answered – never what): {count}' },
  'forget.kind.chat': { da: 'Den private chat med Lederrum, som Lederrum gemmer: {count}', en: 'The private chat with Lederrum, as Lederrum keeps it: {count}' },

  // — Done.
  'forget.done': { da: 'Dine data er slettet. Det her er væk:', en: 'Your data has been deleted. This is gone:' },
  'forget.done_for': { da: 'Data om {name} er slettet. Det her er væk:', en: '{name}’s data has been deleted. This is gone:' },
  'forget.kept_title': { da: 'Tilbage, uden navn:', en: 'Kept, without the name:' },
  'forget.posts_edited': { da: 'Indlæg redigeret: {edited} af {total}.', en: 'Posts edited: {edited} of {total}.' },
  'forget.posts_failed': {
    da: '{failed, plural, one {# indlæg} other {# indlæg}} kunne ikke redigeres (fx slettet eller i en arkiveret kanal) – de findes måske stadig på platformen.',
    en: '{failed, plural, one {# post} other {# posts}} could not be edited (deleted, say, or in an archived channel) – they may still exist on the platform.',
  },
  'forget.fresh_start': {
    da: 'Skriver du til Lederrum igen, starter du helt forfra.',
    en: 'If you write to Lederrum again, you start from scratch.',
  },
  'forget.nothing': {
    da: 'Lederrum gemmer intet (mere) om dig at slette – kun det navn, din platform sender med hver besked.',
    en: 'Lederrum keeps nothing (more) about you to delete – only the name your platform sends with each message.',
  },
  'forget.nothing_for': { da: 'Lederrum gemmer intet (mere) om {name} at slette.', en: 'Lederrum keeps nothing (more) about {name} to delete.' },

  // — What the bot's posts become.
  'forget.post.deleted': { da: 'Indholdet er slettet.', en: 'This content has been deleted.' },
  'forget.post.a_member': { da: 'et medlem', en: 'a member' },
  'forget.post.group_agreement': { da: 'Gruppeaftale', en: 'Group agreement' },
  'forget.post.members_changed': { da: 'Medlemmerne af {group} er ændret.', en: 'The members of {group} have changed.' },

  // — An admin's data request.
  'forget.pick.title': { da: 'Slet en persons data', en: 'Delete a person’s data' },
  'forget.pick.intro': {
    da: 'Til en tidligere medarbejders ønske om sletning. Vælg personen – du bekræfter, før noget slettes.',
    en: 'For a former colleague’s request to be deleted. Choose the person – you confirm before anything is deleted.',
  },
  'forget.pick.person': { da: 'Hvem', en: 'Who' },
  'forget.pick.submit': { da: 'Vis, hvad der slettes', en: 'Show what will be deleted' },
  'forget.pick.nobody': { da: 'Lederrum kender ingen andre i dit arbejdsområde.', en: 'Lederrum knows no one else in your workspace.' },

  // — Refusals.
  'error.forget_not_yours': {
    da: 'Den bekræftelse er ikke din: kun den, der bad om sletningen, kan bekræfte den. Intet er slettet.',
    en: 'That confirmation is not yours: only the person who asked for the deletion can confirm it. Nothing was deleted.',
  },
  'error.forget_not_admin': {
    da: 'Kun en administrator kan slette en andens data. Dine egne sletter du med `slet mine data`.',
    en: 'Only an admin can delete someone else’s data. You delete your own with `delete my data`.',
  },
  'error.forget_by_identity': {
    da: 'Skriv `slet data @Navn` med en rigtig omtale, eller `slet data` alene og vælg på listen – et navn alene kan passe på flere.',
    en: 'Write `delete data @Name` with a real mention, or `delete data` alone and choose from the list – a name alone can fit several people.',
  },
  'error.forget_one_at_a_time': { da: 'Én person ad gangen, tak.', en: 'One person at a time, please.' },
  'error.forget_unknown_person': {
    da: 'Lederrum kender ingen {name} i dit arbejdsområde – der er intet at slette.',
    en: 'Lederrum knows no {name} in your workspace – there is nothing to delete.',
  },
  'error.forget_pick_none': { da: 'Vælg en person.', en: 'Choose a person.' },
} as const satisfies Record<string, { da: string; en: string }>;
