// Signed download links (a poll's CSV): an HMAC over what the link grants, so the link alone is
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
