// The Slack baseline: a bare Bolt app over HTTP (ExpressReceiver, the same v0 signature check)
// whose listeners ack and then post one ephemeral reply to the response_url, on the same fake
// Slack Lederrum uses. Plain JavaScript run by plain node, as the compiled app is.
// Env: PORT, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL.
import bolt from '@slack/bolt';

const { App, ExpressReceiver, LogLevel } = bolt;
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, logLevel: LogLevel.ERROR });
const app = new App({ token: process.env.SLACK_BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });

app.command('/lederrum', async ({ ack, respond, command }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: `You said: ${command.text}` });
});
app.action(/.*/, async ({ ack, respond, action }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: `You pressed ${action.action_id}` });
});

await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('bare bolt ready\n');
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
