// Strings for issue 15 (retention and uninstall). Danish and English side by side. The install
// notice is the one chance to tell an admin when an uninstall deletes the data: after Slack's
// uninstall the bot's token is revoked and nothing can be sent any more.
export const retentionText = {
  'retention.policy': {
    da: 'Lederrum gemmer svar og takeaways fra runderne i {days, plural, one {# dag} other {# dage}} efter et tjek-ind er lukket, og afsluttede aftaler i {days, plural, one {# dag} other {# dage}} efter deres sidste ændring. Derefter sletter Lederrum dem af sig selv.',
    en: 'Lederrum keeps round answers and takeaways for {days, plural, one {# day} other {# days}} after a check-in closes, and finished agreements for {days, plural, one {# day} other {# days}} after their last change. Then Lederrum deletes them by itself.',
  },
  'retention.install.title': { da: 'Lederrum er installeret', en: 'Lederrum is installed' },
  'retention.install.uninstall': {
    da: 'Afinstallerer I Lederrum, sletter Lederrum alt, hvad det har gemt fra jeres arbejdsområde (grupper, runder, svar, aftaler, målinger og personer), {grace, plural, one {# dag} other {# dage}} efter. Installerer I igen inden da, bliver intet slettet.',
    en: 'If you uninstall Lederrum, it deletes everything it keeps from your workspace (groups, rounds, answers, agreements, polls and people) {grace, plural, one {# day} other {# days}} later. Install it again before then and nothing is deleted.',
  },
  'retention.install.no_message_after': {
    da: 'Gem denne besked: når Lederrum er afinstalleret, kan det ikke længere skrive til jer.',
    en: 'Keep this message: once Lederrum is uninstalled, it can no longer write to you.',
  },
  'retention.install.cancelled': {
    da: 'Lederrum var afinstalleret, og jeres data skulle slettes {date}. Den sletning er aflyst, fordi I har installeret igen.',
    en: 'Lederrum had been uninstalled and your data was to be deleted on {date}. That deletion is cancelled because you installed it again.',
  },
  'retention.removed.group_chat': { da: 'gruppechatten', en: 'the group chat' },
  'retention.removed.title': { da: 'Lederrum er fjernet', en: 'Lederrum was removed' },
  'retention.removed.text': {
    da: 'Lederrum er fjernet fra {place}. Alt, hvad Lederrum har gemt derfra (grupper, runder, svar, aftaler og målinger), slettes {date}. Tilføjer I Lederrum igen inden da, bliver intet slettet.',
    en: 'Lederrum was removed from {place}. Everything Lederrum keeps from there (groups, rounds, answers, agreements and polls) is deleted on {date}. Add Lederrum again before then and nothing is deleted.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
