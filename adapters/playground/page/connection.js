// The live feed of changes, kept alive across a server restart. When it breaks the page says so
// (in its language) and tries again, waiting a little longer each time, up to 15 s. When the
// server answers again: the same process takes the page's token, and the feed is simply reopened;
// a restarted one has made a new token, so the page reloads itself to get it.
import { t } from './words.js';

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 15_000;

/**
 * `onChange(conversationId)` for each change; `onBack()` once the feed is open again after a break;
 * `showStatus(text)` to say the connection is lost ('' once it is back).
 */
export function keepConnected({ token, onChange, onBack, showStatus }) {
  let wait = FIRST_WAIT_MS;
  let broken = false;

  const open = () => {
    const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    events.onmessage = (event) => onChange(JSON.parse(event.data).conversationId);
    events.onopen = () => {
      wait = FIRST_WAIT_MS;
      if (!broken) return;
      broken = false;
      showStatus('');
      onBack();
    };
    events.onerror = () => {
      // The browser's own retry never gets past a refused token: the page retries itself.
      events.close();
      broken = true;
      showStatus(t('offline'));
      retry();
    };
  };

  const retry = () => {
    setTimeout(probe, wait);
    wait = Math.min(wait * 2, LONGEST_WAIT_MS);
  };

  const probe = async () => {
    let answer;
    try {
      answer = await fetch('/api/workspace', { headers: { 'x-playground-token': token }, cache: 'no-store' });
    } catch {
      return retry();
    }
    const body = await answer.json().catch(() => ({}));
    if (body.code === 'stale_page') return reload(showStatus);
    if (!answer.ok) return retry();
    open();
  };

  open();
}

/** The server was restarted: its page, with its new token. */
export function reload(showStatus) {
  showStatus(t('reloading'));
  location.reload();
}
