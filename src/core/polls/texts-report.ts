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
} as const satisfies Record<string, { da: string; en: string }>;
