// The browser's side of Slack's OAuth install flow against a running Lederrum: open the install
// page, follow the "Add to Slack" link's state, and come back to the redirect with or without
// the state cookie Bolt's InstallProvider set.
import { createHmac } from 'node:crypto';

export const STATE_COOKIE = 'slack-app-oauth-state';

export interface InstallStart {
  status: number;
  /** The Slack authorize URL the install page links (or redirects) to. */
  authorizeUrl: URL;
  state: string;
  /** The state cookie as a `Cookie` request header value ('name=value'), or undefined if none was set. */
  cookie: string | undefined;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** GET /slack/install without following redirects; finds the authorize URL and the state cookie. */
export async function beginInstall(appUrl: string): Promise<InstallStart> {
  const response = await fetch(`${appUrl}slack/install`, { redirect: 'manual' });
  const body = await response.text();
  let link: string | undefined;
  if (response.status >= 300 && response.status < 400) {
    link = response.headers.get('location') ?? undefined;
  } else {
    const href = /href="(https:\/\/[^"]*\/oauth\/v2\/authorize[^"]*)"/.exec(body)?.[1];
    link = href ? unescapeHtml(href) : undefined;
  }
  if (!link) throw new Error(`the install page (${response.status}) has no link to Slack's authorize URL: ${body.slice(0, 300)}`);
  const authorizeUrl = new URL(link);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!.trim())
    .find((pair) => pair.startsWith(`${STATE_COOKIE}=`));
  return { status: response.status, authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** Slack sends the person back to the app's redirect URL with the code and the state. */
export async function returnFromSlack(appUrl: string, query: { code: string; state?: string }, cookie?: string): Promise<{ status: number; text: string; setCookies: string[] }> {
  const params = new URLSearchParams({ code: query.code, ...(query.state !== undefined ? { state: query.state } : {}) });
  const response = await fetch(`${appUrl}slack/oauth_redirect?${params.toString()}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, text: await response.text(), setCookies: response.headers.getSetCookie() };
}

/** A state shaped like Bolt's (an HS256 JWT over the install options) but signed with the wrong secret. */
export function forgedState(wrongSecret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = part({ alg: 'HS256', typ: 'JWT' });
  const body = part({ installOptions: { scopes: ['commands', 'chat:write'] }, now: new Date().toJSON(), random: 4242, iat: Math.floor(Date.now() / 1000) });
  const signature = createHmac('sha256', wrongSecret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}
