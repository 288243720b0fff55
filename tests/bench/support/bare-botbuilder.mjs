// The Teams baseline: a bare botbuilder echo bot (CloudAdapter with no app id, so requests are
// not authenticated, as Lederrum's TEAMS=on endpoint) that answers each message by sending one
// activity to the message's serviceUrl: the same fake Bot Connector Lederrum replies to.
// Env: PORT.
import express from 'express';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => {
  process.stderr.write(`echo bot turn failed: ${error.message}\n`);
};
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text}`);
  await next();
});

const app = express();
app.use(express.json());
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('bare botbuilder ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
