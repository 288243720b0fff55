// Slack and Teams fetch a message's pictures themselves, from their own servers on the internet,
// and only over HTTPS (Slack refuses the whole message otherwise: invalid_blocks, "downloading
// image failed"). A picture at any other address (the playground's own http://localhost/ when
// PUBLIC_URL is unset) is shown as its text instead: the message still goes out, whole.
import { isIP } from 'node:net';

const LOOPBACK = /^(localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether Slack's or Teams' servers could fetch a picture from this address. */
export function fetchableByPlatform(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  // A private address in a bare IP is as unreachable as loopback; a name is the operator's to get right.
  const privateIp = isIP(host) === 4 && /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/.test(host);
  return parsed.protocol === 'https:' && !LOOPBACK.test(host) && !privateIp;
}
