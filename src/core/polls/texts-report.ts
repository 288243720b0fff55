// Poll results as charts (the HR report page and chart images in chat): the words a scoring rule
// draws with (scoring/*.ts name them) and the report page's own. Part of the catalogue; wording
// follows BRIEF point 5: load and balance, never a label on a person.

export const pollReportText = {
  'poll.chart.unit_who5': { da: 'indeks', en: 'index' },
  'poll.chart.norm_who5': { da: 'Gennemsnit i befolkningen', en: 'Population mean' },
  'poll.chart.threshold_who5': { da: 'Under 50: et signal', en: 'Below 50: a signal' },
  'poll.chart.beyond_who5': { da: 'Under 50', en: 'Below 50' },
  'poll.chart.within_who5': { da: '50 eller derover', en: '50 or more' },
  'poll.chart.band_who5_screening': { da: '28 eller derunder', en: '28 or below' },
  'poll.chart.band_who5_risk': { da: 'Under 50', en: 'Below 50' },
  'poll.chart.unit_pss10': { da: 'score', en: 'score' },
  'poll.chart.norm_pss10': { da: 'Gennemsnit i befolkningen', en: 'Population mean' },
  'poll.chart.threshold_pss10': { da: '18 eller derover: højt belastningsniveau', en: '18 or more: a high level of load' },
  'poll.chart.beyond_pss10': { da: '18 eller derover', en: '18 or more' },
  'poll.chart.within_pss10': { da: 'Under 18', en: 'Below 18' },
  'poll.chart.band_pss10_raised': { da: 'Højt belastningsniveau', en: 'High level of load' },
  'poll.chart.band_pss10_high': { da: 'Over 25', en: 'Above 25' },
  'poll.chart.score_title': { da: '{instrument}: fordeling i forhold til grænsen', en: '{instrument}: spread against the threshold' },
  'poll.chart.trend_title': { da: '{instrument} over bølgerne', en: '{instrument} over the waves' },
  'poll.chart.mean_trend_title': { da: 'Gennemsnit over bølgerne: {question}', en: 'Mean over the waves: {question}' },
  'poll.chart.rate_title': { da: 'Svarprocent pr. gruppe', en: 'Response rate by group' },
  'poll.chart.rate_trend_title': { da: 'Svarprocent over bølgerne', en: 'Response rate over the waves' },
  'poll.chart.wave': { da: 'Bølge {wave}', en: 'Wave {wave}' },
  'poll.chart.wave_head': { da: 'Bølge', en: 'Wave' },
  'poll.chart.group_head': { da: 'Gruppe', en: 'Group' },
  'poll.chart.percent_unit': { da: '%', en: '%' },
  'poll.report_button': { da: 'Rapport', en: 'Report' },
  'poll.report.link': { da: 'Rapport med diagrammer: {link}', en: 'Report with charts: {link}' },
  'poll.report.no_address': {
    da: 'Rapporten er en webside, og Lederrum har ingen offentlig adresse her (PUBLIC_URL). Resultaterne står i chatten.',
    en: 'The report is a web page, and Lederrum has no public address here (PUBLIC_URL). The results are in the chat.',
  },
  'poll.report.subtitle': { da: 'Bølge {wave} · lukket {closed}', en: 'Wave {wave} · closed {closed}' },
  'poll.report.rate_heading': { da: 'Svarprocent', en: 'Response rate' },
  'poll.report.score_heading': { da: '{instrument} i forhold til danske normer', en: '{instrument} against Danish norms' },
  'poll.report.questions_heading': { da: 'Svarene spørgsmål for spørgsmål', en: 'The answers question by question' },
  'poll.report.series_heading': { da: 'Over bølgerne', en: 'Over the waves' },
  'poll.report.series_note': {
    da: 'En ring markerer en betydelig ændring fra bølgen før: {change} point eller mere.',
    en: 'A ring marks a meaningful change from the wave before: {change} points or more.',
  },
  'poll.report.series_note_own': {
    da: 'For egne spørgsmål findes ingen offentliggjort grænse for en betydelig ændring, så intet er markeret.',
    en: 'Own questions have no published size of a meaningful change, so nothing is marked.',
  },
  'poll.report.group_heading': { da: 'Gruppe: {name}', en: 'Group: {name}' },
  'poll.report.all': { da: 'Alle grupper', en: 'All groups' },
  'poll.report.mean_of': { da: 'Gennemsnit: {question}', en: 'Mean: {question}' },
  'poll.report.free_text_note': {
    da: 'Fritekstsvar står kun i chatten, aldrig på denne side: siden kan åbnes af alle, der har linket.',
    en: 'Free-text answers are only in the chat, never on this page: anyone who has the link can open it.',
  },
  'poll.report.no_personal': {
    da: 'Siden viser kun samlede, anonyme tal: ingen navne, ingen enkeltsvar.',
    en: 'This page shows only aggregated, anonymous figures: no names, no single answers.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
