// A small client for the playground's JSON API, speaking real HTTP to a running app the way
// its page does: the token from the page's <meta>, sent back in x-playground-token.
import { request } from 'node:http';

export interface Person {
  externalId: string;
  displayName: string;
  locale: 'da' | 'en';
  timeZone: string | null;
}

export interface Workspace {
  people: Person[];
  me: Person | null;
  channels: Array<{ id: string; name: string; kind: string }>;
  direct: { id: string; name: string } | null;
  language: string;
}

export interface ShownMessage {
  id: string;
  threadOf: string | null;
  onlyYou: boolean;
  author: string;
  bot: boolean;
  html: string;
}

export type ReplyView =
  | { kind: 'none' }
  | { kind: 'message' }
  /** Shown once in the page, with no copy kept in the conversation (a poll score). */
  | { kind: 'message'; keepNoCopy: true; html: string }
  | { kind: 'form'; html: string }
  | { kind: 'form_errors'; errors: Record<string, string> };

export type FormValues = Record<string, string | string[] | boolean>;

export async function pageToken(baseUrl: string): Promise<string> {
  const response = await fetch(baseUrl);
  if (response.status !== 200) throw new Error(`GET / answered ${response.status}`);
  const token = /<meta name="playground-token" content="([^"]+)">/.exec(await response.text())?.[1];
  if (!token) throw new Error('the page carries no playground-token meta');
  return token;
}

export class Playground {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async connect(baseUrl: string): Promise<Playground> {
    return new Playground(baseUrl, await pageToken(baseUrl));
  }

  /** One API call; the token is sent unless `token: null`. Returns the status and parsed body. */
  async call<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, options: { body?: unknown; rawBody?: string; token?: string | null } = {}): Promise<{ status: number; body: T }> {
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['x-playground-token'] = token;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(new URL(`/api${path}`, this.baseUrl), { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text so a test can show what came back
    }
    return { status: response.status, body: parsed as T };
  }

  private async ok<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const { status, body: answer } = await this.call<T>(method, path, body === undefined ? {} : { body });
    if (status !== 200) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  workspace(as?: string): Promise<Workspace> {
    return this.ok('GET', `/workspace${as ? `?as=${encodeURIComponent(as)}` : ''}`);
  }

  async person(displayName: string): Promise<Person> {
    const person = (await this.workspace()).people.find((p) => p.displayName === displayName);
    if (!person) throw new Error(`${displayName} is not in the playground`);
    return person;
  }

  messages(conversationId: string, as: string): Promise<ShownMessage[]> {
    return this.ok('GET', `/conversations/${encodeURIComponent(conversationId)}/messages?as=${encodeURIComponent(as)}`);
  }

  command(as: string, conversationId: string, text: string): Promise<ReplyView> {
    return this.ok('POST', '/command', { as, conversationId, text });
  }

  button(as: string, conversationId: string, action: string, value: string): Promise<ReplyView> {
    return this.ok('POST', '/button', { as, conversationId, action, value });
  }

  form(as: string, conversationId: string, formId: string, state: string, values: FormValues): Promise<ReplyView> {
    return this.ok('POST', '/form', { as, conversationId, formId, state, values });
  }

  removePerson(externalId: string): Promise<{ ok: true }> {
    return this.ok('DELETE', `/people/${encodeURIComponent(externalId)}`);
  }

  /** "gruppe opret" in the person's DM, then the form submitted with the named members ticked. */
  async createGroup(creator: Person, name: string, memberNames: string[]): Promise<{ reply: ReplyView; channelId: string }> {
    const direct = `D-${creator.externalId}`;
    const opened = await this.command(creator.externalId, direct, 'gruppe opret');
    if (opened.kind !== 'form') throw new Error(`expected the group form, got ${JSON.stringify(opened)}`);
    const options = checkboxes(opened.html, 'members');
    const members = memberNames.map((n) => {
      const option = options.find((o) => o.label === n);
      if (!option) throw new Error(`${n} is not offered in the group form`);
      return option.value;
    });
    const reply = await this.form(creator.externalId, direct, 'group.create', '', {
      name,
      language: 'da',
      time_zone: 'Europe/Copenhagen',
      members,
    });
    const channel = (await this.workspace(creator.externalId)).channels.find((c) => c.name === name);
    if (!channel) throw new Error(`${name} is not among ${creator.displayName}'s channels`);
    return { reply, channelId: channel.id };
  }
}

/** The checkboxes a form's HTML offers under one name: value and visible label. */
export function checkboxes(html: string, name: string): Array<{ value: string; label: string }> {
  const pattern = new RegExp(`<input type="checkbox" name="${name}" value="([^"]*)"[^>]*> ([^<]*)</label>`, 'g');
  return [...html.matchAll(pattern)].map((m) => ({ value: decode(m[1]!), label: decode(m[2]!) }));
}

/** The ids the round message's buttons carry (data-value), by action. */
export function buttonValue(html: string, action: string): string | undefined {
  const match = new RegExp(`data-action="${action.replace('.', '\\.')}" data-value="([^"]*)"`).exec(html);
  return match ? decode(match[1]!) : undefined;
}

export function decode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request with a Host header of our choosing, as a DNS-rebinding page's browser would send
 * it (fetch does not let a caller set Host). `host: null` sends none at all (HTTP/1.0 style).
 */
export function rawRequest(baseUrl: string, options: { path: string; host: string | null; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const req = request(
      {
        // Test apps listen on 127.0.0.1; connecting there directly keeps the Host header ours alone.
        host: '127.0.0.1',
        port: url.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers,
        setHost: options.host !== null,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    if (options.host !== null) req.setHeader('host', options.host);
    req.on('error', reject);
    req.end(options.body);
  });
}
