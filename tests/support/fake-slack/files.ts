// The three steps of WebClient.filesUploadV2, as Slack speaks them: files.getUploadURLExternal
// hands out an upload URL and a file id, the bytes are POSTed to that URL (the SDK sends them as
// multipart form data), and files.completeUploadExternal shares the uploaded files into a
// conversation. Slack's answers for a missing argument, an id it never issued, a file not
// uploaded yet or completed twice, and a conversation the bot cannot write to are kept.
import type { IncomingMessage } from 'node:http';
import { asBot, type BotContext, type Handler } from './context.ts';
import type { SlackState } from './state.ts';
import type { SlackReply } from './types.ts';
import { fail, ok, stringArg } from './validate.ts';

export interface FakeSlackFile {
  id: string;
  teamId: string;
  filename: string;
  /** The byte length announced in files.getUploadURLExternal. */
  length: number;
  /** What arrived at the upload URL, as text; undefined until then. */
  content?: string;
  /** Set by files.completeUploadExternal. */
  title?: string;
  /** The conversation it was shared into (a channel id, or the IM id of a DM) and the person for a DM. */
  channel?: string;
  dmUser?: string;
  initialComment?: string;
  completed: boolean;
}

const filesOf = (state: SlackState) => state.files;

function getUploadUrl({ state, args, team, origin }: BotContext): SlackReply {
  const filename = stringArg(args, 'filename');
  const length = Number(stringArg(args, 'length'));
  if (!filename || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const id = state.nextId('F');
  filesOf(state).set(id, { id, teamId: team.id, filename, length, completed: false });
  return ok({ upload_url: `${origin}/upload/v1/${id}`, file_id: id });
}

function completeUpload({ state, args, team }: BotContext): SlackReply {
  let files: unknown;
  try {
    files = typeof args['files'] === 'string' ? JSON.parse(args['files']) : args['files'];
  } catch {
    return fail('invalid_arguments');
  }
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  const channelId = stringArg(args, 'channel_id');
  const conversation = channelId ? state.resolve(team, channelId) : undefined;
  if (channelId && !conversation) return fail('channel_not_found');
  if (conversation?.kind === 'channel' && !conversation.channel.members.includes(team.botUserId)) return fail('not_in_channel');
  const shared = [];
  for (const entry of files as Array<{ id?: unknown; title?: unknown }>) {
    const file = typeof entry.id === 'string' ? filesOf(state).get(entry.id) : undefined;
    if (!file || file.teamId !== team.id) return fail('file_not_found');
    if (file.content === undefined || file.completed) return fail('file_not_found');
    if (Buffer.byteLength(file.content) !== file.length) return fail('file_upload_size_mismatch');
    file.completed = true;
    file.title = typeof entry.title === 'string' ? entry.title : file.filename;
    if (conversation) {
      file.channel = conversation.kind === 'channel' ? conversation.channel.id : conversation.imId;
      if (conversation.kind === 'im') file.dmUser = conversation.userId;
    }
    const comment = stringArg(args, 'initial_comment');
    if (comment) file.initialComment = comment;
    shared.push({ id: file.id, title: file.title });
  }
  return ok({ files: shared });
}

export const fileMethods: Record<string, Handler> = {
  'files.getUploadURLExternal': asBot(getUploadUrl),
  'files.completeUploadExternal': asBot(completeUpload),
};

/** POST /upload/v1/<file id>: the bytes, raw or as the single file of a multipart form. */
export async function receiveUpload(state: SlackState, id: string, req: IncomingMessage, raw: Buffer): Promise<{ status: number; body: string }> {
  const file = filesOf(state).get(id);
  if (!file || file.completed) return { status: 404, body: 'not found' };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
    const parts = [...form.values()].filter((value): value is File => typeof value !== 'string');
    if (parts.length !== 1) return { status: 400, body: 'expected one file' };
    file.content = await parts[0]!.text();
  } else {
    file.content = raw.toString('utf8');
  }
  return { status: 200, body: `OK - ${Buffer.byteLength(file.content)}` };
}
