// Signed download links (a poll's CSV, a person's own data): an HMAC over what the link grants, so the link alone is
// the permission and the server keeps no state. Replicas share LINK_SECRET; without it each
// process draws its own secret and its links work only on it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function linkSigner(secret: string | null): (text: string) => string {
  const key = secret ?? randomBytes(32).toString('hex');
  return (text) => createHmac('sha256', key).update(text).digest('base64url');
}

export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The fields of a signed grant, `<field>….<expiry ms>.<signature>`, while its signature holds and
 * it has not expired (nor expires later than `maxAgeMs` from now); null otherwise, whatever the
 * reason. `purpose` is signed in front of the fields, so one kind of link cannot pass for another.
 */
export function openGrant(sign: (text: string) => string, grant: string, options: { fields: number; purpose?: string; now: number; maxAgeMs?: number }): string[] | null {
  const parts = grant.split('.');
  if (parts.length !== options.fields + 2) return null;
  const signature = parts.pop()!;
  const expires = parts[parts.length - 1]!;
  if (!/^\d{1,15}$/.test(expires) || !sameSignature(sign(`${options.purpose ?? ''}${parts.join('.')}`), signature)) return null;
  const at = Number(expires);
  if (at < options.now || (options.maxAgeMs !== undefined && at > options.now + options.maxAgeMs)) return null;
  return parts.slice(0, options.fields);
}
