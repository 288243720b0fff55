// Verify: the playground has no accounts, so it guards what matters locally. The page carries a
// per-process token that other sites cannot read (same-origin policy), and every API call must
// send it back. Requests must name this machine in their Host header, so a page that points its
// own DNS name at 127.0.0.1 (DNS rebinding) is not answered. And whoever acts must be in the
// conversation they read or write, as on Slack or Teams.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { directConversationId, isDirect, type PlaygroundWorkspace } from './workspace.ts';

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

/**
 * localhost, 127.x.x.x or ::1, with or without IPv6 brackets. No DNS is involved, so no other
 * site can make a browser send one of these names for its own pages.
 */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) return new URL(`http://[${host}]/`).hostname === '[::1]';
  return false;
}

// A name (letters, digits, dots, dashes) or a bracketed IPv6 address, then an optional port.
// Anything else (user info, paths, spaces) is refused before URL parsing could read it kindly.
const HOST_HEADER = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The host name a Host header names, normalised as browsers write it, or null if it is not one. */
export function hostnameOf(header: string | undefined): string | null {
  if (!header || !HOST_HEADER.test(header)) return null;
  try {
    return new URL(`http://${header}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * Whether the playground answers a request with this Host header: a loopback name, or the host of
 * PUBLIC_URL (the name people use when it is deliberately served further), on any port.
 */
export function isPlaygroundHost(header: string | undefined, publicUrl: string | null): boolean {
  const name = hostnameOf(header);
  if (name === null) return false;
  return isLoopbackName(name) || (publicUrl !== null && name === new URL(publicUrl).hostname);
}

/** Whether a person may read and write a conversation: their own chat with Lederrum, or a group they are in. */
export async function isInConversation(workspace: PlaygroundWorkspace, externalId: string, conversationId: string): Promise<boolean> {
  if (isDirect(conversationId)) return conversationId === directConversationId(externalId);
  return (await workspace.channelsOf(externalId)).some((channel) => channel.id === conversationId);
}
