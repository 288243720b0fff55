// `mine data` / `my data`: what Lederrum keeps about the person, privately, with downloads (issue
// 15, point 1). The reply counts; the words travel only in the files: through two signed links
// that work for a quarter of an hour, and, where the platform lets a bot send files (Slack), as
// files in the person's private chat. Only ever the asking person's own data.
import type { Language } from '../model/domain.ts';
import { plainText, textMessage, type Block, type Reply } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { personalLanguage, type CoreDeps, type Turn } from '../context.ts';
import { notYours } from '../ownership.ts';
import type { OutboundFile } from '../ports.ts';
import { chosenSettings, exportCounts, exportDocument, type ExportCountKind, type ExportDocument } from './export-schema.ts';
import { exportMarkdown } from './export-markdown.ts';

export const MY_DATA_ACTIONS = { file: 'mydata.file' } as const;

/** How long a download link works: long enough to click, short enough that a forwarded one dies soon. */
export const MY_DATA_LINK_MINUTES = 15;

export async function showMyData(turn: Turn): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const doc = await documentFor(turn.deps, turn.person.id);
  if (!doc) return nothing(t);
  const counts = exportCounts(doc);
  const lines = [t('mydata.count.profile', { platform: platformName(doc.person.platform) })];
  if (chosenSettings(doc)) lines.push(t('mydata.count.settings'));
  for (const kind of Object.keys(counts) as ExportCountKind[]) if (counts[kind] > 0) lines.push(t(`mydata.count.${kind}`, { count: counts[kind] }));
  const blocks: Block[] = [
    { type: 'header', text: t('mydata.title') },
    { type: 'section', title: t('mydata.intro'), text: lines.map((line) => `• ${line}`).join('\n') },
    { type: 'context', text: t('mydata.not_included') },
  ];
  if (turn.deps.retention) blocks.push({ type: 'context', text: t('retention.policy', { days: turn.deps.retention.days }) });
  const links = downloadLinks(turn.deps, turn.person.id);
  if (links) {
    blocks.push({ type: 'text', text: t('mydata.links', links) }, { type: 'context', text: t('mydata.links_warning', { minutes: MY_DATA_LINK_MINUTES }) });
  } else {
    blocks.push({ type: 'context', text: t('mydata.no_public_url') });
  }
  if (turn.deps.deliverer.canSendFile?.(turn.person.platform)) {
    blocks.push({ type: 'buttons', buttons: [{ action: MY_DATA_ACTIONS.file, value: turn.person.id, label: t('mydata.file_button') }] });
  }
  // The links carry their own permission: shown once, never kept in a chat history Lederrum stores.
  return { kind: 'message', message: { text: plainText(blocks), blocks }, keepNoCopy: true };
}

/** "Send as files": the button names the person it was shown to; anyone else pressing it is refused. */
export async function sendFile(turn: Turn, value: string): Promise<Reply> {
  if (value !== turn.person.id) throw notYours('my-data file button of someone else');
  const language = personalLanguage(turn);
  const t = translator(language);
  const { deliverer } = turn.deps;
  if (!deliverer.sendFile || !deliverer.canSendFile?.(turn.person.platform)) return { kind: 'message', message: textMessage(t('mydata.files_unavailable')) };
  const doc = await documentFor(turn.deps, turn.person.id);
  if (!doc) return nothing(t);
  for (const file of exportFiles(doc, language, turn.deps, t)) await deliverer.sendFile(turn.person, file);
  return { kind: 'message', message: textMessage(t('mydata.files_sent')) };
}

/** The person's document, or null when Lederrum keeps nothing of theirs beyond the platform's name and id. */
export async function documentFor(deps: Pick<CoreDeps, 'store' | 'clock'>, personId: string): Promise<ExportDocument | null> {
  const data = await deps.store.personalExport(personId);
  if (!data) return null;
  const doc = exportDocument(data, deps.clock.now());
  const empty = Object.values(exportCounts(doc)).every((n) => n === 0) && !chosenSettings(doc);
  return empty ? null : doc;
}

/** data.json and data.md, as the download route and the chat files both give them. */
export function exportFiles(doc: ExportDocument, language: Language, deps: Pick<CoreDeps, 'content'>, t: Translator = translator(language)): [OutboundFile, OutboundFile] {
  const date = doc.exportedAt.slice(0, 10);
  const comment = t('mydata.file_comment', { date });
  const toolTitle = (id: string) => deps.content?.tools.find((tool) => tool.id === id)?.title[language];
  return [
    { name: `lederrum-data-${date}.json`, mimeType: 'application/json', content: `${JSON.stringify(doc, null, 2)}\n`, title: `Lederrum data ${date} (JSON)`, comment },
    { name: `lederrum-data-${date}.md`, mimeType: 'text/markdown', content: exportMarkdown(doc, { language, toolTitle }), title: `Lederrum data ${date} (Markdown)`, comment },
  ];
}

/** Two links that carry their own permission: this person, until the expiry, signed. */
export function downloadLinks(deps: Pick<CoreDeps, 'publicUrl' | 'sign' | 'clock'>, personId: string): { json: string; markdown: string } | null {
  const { publicUrl, sign, clock } = deps;
  if (!publicUrl || !sign) return null;
  const expires = clock.now().getTime() + MY_DATA_LINK_MINUTES * 60_000;
  const grant = `${personId}.${expires}`;
  const base = `/me/${grant}.${sign(`mydata.${grant}`)}`;
  return { json: new URL(`${base}/data.json`, publicUrl).toString(), markdown: new URL(`${base}/data.md`, publicUrl).toString() };
}

function nothing(t: Translator): Reply {
  return { kind: 'message', message: textMessage(t('mydata.nothing')) };
}

function platformName(platform: string): string {
  return platform === 'slack' ? 'Slack' : platform === 'teams' ? 'Teams' : 'Playground';
}
