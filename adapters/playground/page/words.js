// The page's own words in Danish and English (adapters/playground/chrome.ts, put into the page
// by the server), in the language of the person one is acting as. They are in the page itself,
// so even "the connection is lost" is said in the page's language while the server is away.
const CHROME = JSON.parse(document.querySelector('meta[name="playground-words"]').content);
const STORED = 'lederrum.language';

/** The page's language: the acting person's, remembered for the next load (which may be offline). */
export function language() {
  const stored = localStorage.getItem(STORED);
  return stored === 'en' || stored === 'da' ? stored : document.documentElement.lang === 'en' ? 'en' : 'da';
}

export function setLanguage(value) {
  localStorage.setItem(STORED, value);
  applyWords();
}

export function t(key) {
  const text = CHROME[key];
  return text ? text[language()] : key;
}

/** Every text and label of the page's own frame, in its language. */
export function applyWords() {
  document.documentElement.lang = language();
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t(el.dataset.label));
}

/** What went wrong, in the page's language: the server's refusals by their code, anything else as "failed". */
const BY_CODE = { offline: 'offline', unknown_person: 'unknownPerson', not_in_conversation: 'notInConversation' };

export function errorText(error) {
  return t(BY_CODE[error?.code] ?? 'failed');
}
