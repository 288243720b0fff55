// Strings for issue 16 (delivery): what the person who started a fan-out hears when not every
// message arrived. Counts only, never names: who could not be reached is not theirs to know.
export const deliveryText = {
  'fanout.poll.invitations.sent': {
    da: 'Invitationerne til «{title}» er sendt til {sent} af {total}.',
    en: 'The invitations to “{title}” were sent to {sent} of {total}.',
  },
  'fanout.undelivered.left': {
    da: '{count} kunne ikke nås (har forladt arbejdsområdet eller er deaktiveret).',
    en: '{count} could not be reached (they have left the workspace or were deactivated).',
  },
  'fanout.undelivered.no_private_chat': {
    da: '{count} har ikke en privat chat med Lederrum endnu. De kan åbne én ved at skrive til Lederrum, og så får de næste påmindelse.',
    en: '{count, plural, one {# has} other {# have}} no private chat with Lederrum yet. They can open one by writing to Lederrum, and then they get the next reminder.',
  },
  'fanout.undelivered.refused': {
    da: '{count} blev afvist af platformen. Prøv igen senere, eller bed en administrator se i loggen.',
    en: '{count, plural, one {# was} other {# were}} refused by the platform. Try again later, or ask an administrator to look at the log.',
  },
  'fanout.undelivered.too_late': {
    da: '{count} nåede ikke frem i tide og blev ikke sendt.',
    en: '{count, plural, one {# could not be delivered in time and was} other {# could not be delivered in time and were}} not sent.',
  },
  'fanout.undelivered.withdrawn': {
    da: '{count} blev ikke sendt, fordi målingen var afsluttet, før det blev deres tur.',
    en: '{count, plural, one {# was} other {# were}} not sent because the poll had closed before their turn came.',
  },
  'fanout.undelivered.unknown': {
    da: '{count} blev måske ikke leveret (Lederrum blev genstartet under afsendelsen) og sendes ikke igen, så ingen får den to gange.',
    en: '{count} may not have arrived (Lederrum restarted while sending) and {count, plural, one {is} other {are}} not resent, so nobody gets it twice.',
  },
} as const;
