// The fake Slack's files.uploadV2 wire, driven by the real WebClient: the upload URL, the bytes,
// the completion into a DM or a channel, and Slack's refusals for a file never uploaded, an id it
// never issued, and a channel the bot is not in (or cannot see).
import { ErrorCode, LogLevel, WebClient, type Logger } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';

const BOT_TOKEN = 'xoxb-test-T0001';
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };
let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: 'U0ANNA', teamId: 'T0001', name: 'anna', realName: 'Anna Holm' });
  fake.addChannel({ id: 'C0LEAD', name: 'ledergruppen', members: ['UBOT', 'U0ANNA'] });
  fake.addChannel({ id: 'G0SECRET', name: 'secret', isPrivate: true, members: ['U0ANNA'] });
  fake.addChannel({ id: 'C0NOBOT', name: 'general', members: ['U0ANNA'] });
  client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
});
afterAll(async () => fake?.close());

describe('fake Slack: files.uploadV2', () => {
  it('takes the three steps and shares the file into the DM', async () => {
    const dm = (await client.conversations.open({ users: 'U0ANNA' })).channel!.id!;
    await client.filesUploadV2({ channel_id: dm, filename: 'data.json', content: '{"æøå":1}', title: 'Data', initial_comment: 'Her' });
    expect(fake.calls.map((c) => c.method).filter((m) => m.startsWith('files.'))).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(fake.files()).toEqual([expect.objectContaining({ filename: 'data.json', content: '{"æøå":1}', title: 'Data', channel: dm, dmUser: 'U0ANNA', initialComment: 'Her', completed: true })]);
  });

  it('refuses a file not uploaded, an id it never issued, and a channel the bot is not in', async () => {
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'x.md', length: 3 });
    await expect(client.files.completeUploadExternal({ files: [{ id: file_id! }], channel_id: 'C0LEAD' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'file_not_found' } });
    await expect(client.files.completeUploadExternal({ files: [{ id: 'F0FORGED' }], channel_id: 'C0LEAD' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.filesUploadV2({ channel_id: 'C0NOBOT', filename: 'y.md', content: 'abc' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    // A private channel the bot is not in does not exist, as far as the bot can tell.
    await expect(client.filesUploadV2({ channel_id: 'G0SECRET', filename: 'z.md', content: 'abc' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });
});
