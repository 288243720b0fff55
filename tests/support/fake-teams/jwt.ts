// RS256 JSON Web Tokens with node:crypto only: the fake identity provider signs channel tokens
// (Teams -> bot) and client-credential access tokens (bot -> connector) with these, publishes the
// public half as a JWKS, and checks the bearer tokens the bot presents to the connector.
import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A public key as the JWKS publishes it (RSA modulus/exponent, base64url). */
export interface Jwk {
  kty: 'RSA';
  use: 'sig';
  alg: 'RS256';
  kid: string;
  n: string;
  e: string;
  /** Bot Framework keys carry the channel ids they may sign for; botbuilder enforces this. */
  endorsements?: string[];
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export function jwkOf(key: SigningKey, endorsements?: string[]): Jwk {
  const exported = key.publicKey.export({ format: 'jwk' }) as { n?: string; e?: string };
  if (!exported.n || !exported.e) throw new Error('fake-teams: RSA key export lacks n/e');
  return { kty: 'RSA', use: 'sig', alg: 'RS256', kid: key.kid, n: exported.n, e: exported.e, ...(endorsements ? { endorsements } : {}) };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Signs `claims` as a compact RS256 JWT whose header names `kid` (which may differ from the key's). */
export function signJwt(claims: Record<string, unknown>, key: SigningKey, kid: string = key.kid): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const [header, payload] = token.split('.');
  if (!header || !payload) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
      claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
    };
  } catch {
    return undefined;
  }
}

/** The claims of `token` if it is RS256-signed by `key` and not expired; otherwise why not. */
export function verifyJwt(token: string, key: SigningKey, nowSeconds = Math.floor(Date.now() / 1000)): { claims: Record<string, unknown> } | { error: string } {
  const parts = token.split('.');
  const decoded = decodeJwt(token);
  if (parts.length !== 3 || !decoded) return { error: 'malformed token' };
  if (decoded.header['alg'] !== 'RS256') return { error: 'unexpected alg' };
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const ok = verify('sha256', signed, key.publicKey, Buffer.from(parts[2] ?? '', 'base64url'));
  if (!ok) return { error: 'invalid signature' };
  const exp = decoded.claims['exp'];
  if (typeof exp !== 'number' || exp <= nowSeconds) return { error: 'token expired' };
  return { claims: decoded.claims };
}
