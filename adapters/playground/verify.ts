// Verify: the playground has no accounts, so it guards the one thing that matters locally —
// that requests come from its own page. The page carries a per-process token that other
// sites cannot read (same-origin policy), and every API call must send it back.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface PlaygroundGuard {
  token: string;
  verify(header: string | undefined): boolean;
}

export function playgroundGuard(token = randomBytes(24).toString('base64url')): PlaygroundGuard {
  const expected = Buffer.from(token);
  return {
    token,
    verify(header) {
      if (!header) return false;
      const given = Buffer.from(header);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
