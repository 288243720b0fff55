// The welcome on first contact (a person's private chat with Lederrum, Slack's App Home, a Teams
// team that just added Lederrum): what Lederrum is for, who sees what, and the one next step.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const welcomeText = {
  'welcome.header': { da: 'Velkommen til Lederrum', en: 'Welcome to Lederrum' },
  'welcome.purpose': {
    da: 'Lederrum er et rum for ledere, her i chatten: faste tjek-ind i jeres ledergruppe med runderne “Siden sidst” og “Hvad tager jeg med mig?”, aftaler der bliver fulgt op, og værktøjer til at holde balancen, når der er meget at bære.',
    en: 'Lederrum is a room for leaders, right here in your chat: regular check-ins in your leadership group with the rounds “Since last time” and “What do I take with me?”, agreements that get followed up, and tools for keeping your balance when the load is high.',
  },
  'welcome.who_sees.title': { da: 'Hvem ser hvad', en: 'Who sees what' },
  'welcome.who_sees': {
    da: '• Dit svar i en runde ser gruppen – under dit navn.\n• Det, du tager med dig, og dine private aftaler ser kun du (medmindre du selv deler dem).\n• Pulsmålinger er anonyme: HR ser kun samlede tal, og kun når mange nok har svaret – aldrig hvem der svarede hvad.',
    en: '• Your answer in a round is seen by the group – under your name.\n• What you take with you and your private agreements are seen only by you (unless you share them yourself).\n• Pulse polls are anonymous: HR sees only combined figures, and only once enough people have answered – never who answered what.',
  },
  'welcome.next.title': { da: 'Næste skridt', en: 'Next step' },
  // Where a group is made differs: Slack's slash command in the channel, a channel message to
  // Lederrum on Teams (its renderer adds the @mention), and the playground, which makes the
  // channel itself from the private chat.
  'welcome.next.create': {
    da: '{platform, select, slack {Opret jeres ledergruppe: skriv `/lederrum gruppe opret` i den kanal, gruppen skal bruge. Er du medlem, tilføjer jeres facilitator dig.} teams {Opret jeres ledergruppe: skriv `gruppe opret` i den kanal, gruppen skal bruge. Er du medlem, tilføjer jeres facilitator dig.} other {Opret jeres ledergruppe: skriv `gruppe opret` her. Er du medlem, tilføjer jeres facilitator dig.}}',
    en: '{platform, select, slack {Create your leadership group: write `/lederrum group create` in the channel the group will use. If you are a member, your facilitator adds you.} teams {Create your leadership group: write `group create` in the channel the group will use. If you are a member, your facilitator adds you.} other {Create your leadership group: write `group create` here. If you are a member, your facilitator adds you.}}',
  },
  'welcome.next.member': {
    da: 'Du er med i {groups}. Når en runde åbner, svarer du med knappen i gruppens kanal. Skriv `overblik` for at se dine tjek-ind.',
    en: 'You are in {groups}. When a round opens, answer with the button in the group’s channel. Write `overview` to see your check-ins.',
  },
  'welcome.help': { da: 'Skriv `hjælp` for at se alle kommandoer.', en: 'Write `help` to see every command.' },

  // — A Teams team that has just added Lederrum: said in its General channel.
  'welcome.team.header': { da: 'Lederrum er med i teamet', en: 'Lederrum has joined the team' },
  'welcome.team.next': {
    da: 'Opret en ledergruppe: skriv `gruppe opret` i den kanal, gruppen skal bruge. Gruppens medlemmer følger kanalens medlemmer.',
    en: 'Create a leadership group: write `group create` in the channel the group will use. The group’s members follow the channel’s members.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
