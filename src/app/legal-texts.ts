// What /privacy and /terms say, in Danish and English: honestly what Lederrum stores, who sees
// what, how long it is kept and how to see or delete it (README "Your data", BRIEF points 6-7).
// The numbers come from the running configuration, so the page says what this server does.
import type { Language } from '../core/model/domain.ts';

export interface LegalFacts {
  /** Days round answers, takeaways, attendance and finished agreements are kept. */
  retentionDays: number;
  /** Days a workspace's data waits after Lederrum is uninstalled. */
  uninstallGraceDays: number;
}

export interface LegalPage {
  title: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
}

const days = (language: Language, n: number) => `${n} ${new Intl.PluralRules(language).select(n) === 'one' ? (language === 'da' ? 'dag' : 'day') : language === 'da' ? 'dage' : 'days'}`;

export function privacyPage(language: Language, facts: LegalFacts): LegalPage {
  const kept = days(language, facts.retentionDays);
  const grace = days(language, facts.uninstallGraceDays);
  if (language === 'da') {
    return {
      title: 'Lederrum – privatliv',
      sections: [
        {
          heading: 'Hvem står for dine data',
          paragraphs: [
            'Lederrum er open source-software, som din organisation selv driver. Det, Lederrum gemmer, ligger i den database, organisationen har valgt, og organisationen er dataansvarlig. Lederrum sender intet videre til andre end den chat-platform (Slack eller Microsoft Teams), beskederne vises i. Der er ingen reklamer og ingen sporing.',
          ],
        },
        {
          heading: 'Hvad Lederrum gemmer',
          paragraphs: [
            'Om dig: din id og dit navn på platformen, det sprog og den tidszone, du har valgt, dine grupper og din rolle i dem.',
            'Det, du skriver: dine svar og det, du tager med dig, fra tjek-ind-runderne; hvem der var med; dine aftaler med opfølgning og historik; dine svar i refleksionsværktøjerne; dine påmindelser.',
            'Målinger: hvem der er inviteret, og om de har svaret. Selve svarene gemmes uden navn og uden tidspunkt og kan ikke føres tilbage til dig.',
            'Loggen indeholder koder og antal, aldrig hvad nogen har skrevet.',
          ],
        },
        {
          heading: 'Hvem ser hvad',
          paragraphs: [
            'Dit svar i runden Siden sidst ser gruppen under dit navn. Det, du tager med dig, ser kun du, medmindre du selv deler det med gruppen. Private aftaler og dine svar i værktøjerne ser kun du, medmindre du selv deler dem.',
            'Facilitatoren ser, hvem der var med, som antal – aldrig hvad nogen har skrevet privat.',
            'HR-rollen giver kun adgang til samlede tal fra målinger, efter at de er lukket, og aldrig til et tal bag færre svar end grænsen – aldrig til runde-svar, takeaways eller private aftaler. Arbejdsgiveren ser dem heller ikke.',
            'Slack og Microsoft Teams gemmer deres egne kopier af beskederne efter deres egne vilkår.',
          ],
        },
        {
          heading: 'Hvor længe',
          paragraphs: [
            `Svar, takeaways og deltagelse gemmes i ${kept} efter, at et tjek-ind er lukket; afsluttede aftaler i ${kept} efter deres sidste ændring. Derefter sletter Lederrum dem af sig selv.`,
            `Afinstalleres Lederrum, slettes arbejdsområdets data ${grace} efter, medmindre det installeres igen inden da.`,
          ],
        },
        {
          heading: 'Dine rettigheder',
          paragraphs: [
            'Skriv “mine data” til Lederrum for at se og hente alt, hvad der er gemt om dig, og “slet mine data” for at slette det. En administrator kan slette en tidligere kollegas data med “slet data”.',
          ],
        },
      ],
    };
  }
  return {
    title: 'Lederrum – privacy',
    sections: [
      {
        heading: 'Who is responsible for your data',
        paragraphs: [
          'Lederrum is open-source software that your organisation runs itself. What Lederrum stores is kept in the database your organisation chose, and your organisation is the data controller. Lederrum passes nothing on to anyone but the chat platform (Slack or Microsoft Teams) its messages are shown in. There are no ads and no tracking.',
        ],
      },
      {
        heading: 'What Lederrum stores',
        paragraphs: [
          'About you: your id and name on the platform, the language and time zone you chose, your groups and your role in them.',
          'What you write: your answers and what you take with you from the check-in rounds; who took part; your agreements with their follow-ups and history; your answers in the reflection tools; your reminders.',
          'Polls: who is invited and whether they answered. The answers themselves are stored without a name or a time and cannot be traced back to you.',
          'The log holds codes and counts, never what anyone wrote.',
        ],
      },
      {
        heading: 'Who sees what',
        paragraphs: [
          'Your answer in the Since last time round is seen by the group under your name. What you take with you is seen only by you, unless you share it with the group yourself. Private agreements and your answers in the tools are seen only by you, unless you share them.',
          'The facilitator sees who took part, as counts – never what anyone wrote privately.',
          'The HR role gives access only to aggregated poll figures, after the poll has closed, and never to a figure behind fewer answers than the threshold – never to round answers, takeaways or private agreements. Nor does the employer see them.',
          'Slack and Microsoft Teams keep their own copies of messages under their own terms.',
        ],
      },
      {
        heading: 'How long',
        paragraphs: [
          `Answers, takeaways and attendance are kept for ${kept} after a check-in closes; finished agreements for ${kept} after their last change. Then Lederrum deletes them by itself.`,
          `If Lederrum is uninstalled, the workspace's data is deleted ${grace} later, unless it is installed again before then.`,
        ],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          'Write “my data” to Lederrum to see and download everything it keeps about you, and “delete my data” to delete it. An admin can delete a former colleague’s data with “delete data”.',
        ],
      },
    ],
  };
}

export function termsPage(language: Language): LegalPage {
  if (language === 'da') {
    return {
      title: 'Lederrum – vilkår',
      sections: [
        {
          heading: 'Hvad Lederrum er',
          paragraphs: [
            'Lederrum er et værktøj til ledergruppers faste tjek-ind, aftaler og refleksion. Det er ikke behandling eller rådgivning, og det stiller ingen diagnoser. Er du belastet i en grad, der bekymrer dig, så tal med din læge eller en, du har tillid til.',
          ],
        },
        {
          heading: 'Hvem driver det',
          paragraphs: [
            'Lederrum er open source (MIT-licens) og drives af den organisation, der har installeret det. Organisationen bestemmer, hvem der må bruge det, og svarer for driften. Softwaren leveres, som den er, uden garanti.',
          ],
        },
        {
          heading: 'God brug',
          paragraphs: [
            'Del kun det, du selv vil dele. Det, der deles i en gruppe, er fortroligt i gruppen: brug det ikke imod nogen. Målinger bruges til at forstå trivslen i en gruppe, aldrig til at vurdere enkeltpersoner.',
          ],
        },
        { heading: 'Dine data', paragraphs: ['Hvad der gemmes, hvem der ser det, og hvordan du sletter det, står på siden om privatliv.'] },
      ],
    };
  }
  return {
    title: 'Lederrum – terms of use',
    sections: [
      {
        heading: 'What Lederrum is',
        paragraphs: [
          'Lederrum is a tool for leadership groups’ regular check-ins, agreements and reflection. It is not treatment or counselling, and it makes no diagnosis. If you are under a load that worries you, talk to your doctor or someone you trust.',
        ],
      },
      {
        heading: 'Who runs it',
        paragraphs: [
          'Lederrum is open source (MIT licence) and run by the organisation that installed it. That organisation decides who may use it and answers for running it. The software is provided as is, without warranty.',
        ],
      },
      {
        heading: 'Good use',
        paragraphs: [
          'Share only what you want to share. What is shared in a group is confidential within the group: do not use it against anyone. Polls are for understanding well-being in a group, never for judging individuals.',
        ],
      },
      { heading: 'Your data', paragraphs: ['What is stored, who sees it and how to delete it is on the privacy page.'] },
    ],
  };
}
