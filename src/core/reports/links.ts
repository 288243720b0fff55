// Signed links to a report page or a file: what the link grants (ids) and its expiry, signed with
// the link's purpose in front, so a link made for one kind of page never opens another
// (src/app/links.ts `openGrant` checks the same shape). The link alone is the permission: whoever
// holds it can open it until it expires, and the texts beside every link say so.
import type { CoreDeps } from '../context.ts';

export interface SignedLink {
  url: string;
  expires: Date;
}

/** A link to `path(grant)` on Lederrum's public address, or null where it has none (or cannot sign). */
export function signedLink(
  deps: Pick<CoreDeps, 'publicUrl' | 'sign' | 'clock'>,
  options: { purpose: string; fields: readonly string[]; lifetimeMs: number; path: (grant: string) => string },
): SignedLink | null {
  const { publicUrl, sign, clock } = deps;
  if (!publicUrl || !sign) return null;
  const expires = clock.now().getTime() + options.lifetimeMs;
  const grant = [...options.fields, expires].join('.');
  return { url: new URL(options.path(`${grant}.${sign(`${options.purpose}${grant}`)}`), publicUrl).toString(), expires: new Date(expires) };
}
