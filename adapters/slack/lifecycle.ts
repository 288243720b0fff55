// What installing and uninstalling mean for a Slack workspace's data (issue 15, point 4). At an
// OAuth install the installer gets a private message with the retention policy and when an
// uninstall deletes the data: after an uninstall Slack revokes the token, so that message is the
// only time Lederrum can say it. An uninstall schedules the deletion; a reinstall cancels it.
import { workspaceOf, type Language, type Lederrum, type Logger } from '../../src/core/index.ts';
import type { OnInstalled } from './installations.ts';
import { sendParts } from './split.ts';
import { webClient, type ClientOptions } from './workspaces.ts';

export interface LifecycleDeps {
  core: Lederrum;
  logger: Logger;
  clientOptions: ClientOptions;
  defaultLanguage: Language;
  mode: 'single' | 'oauth';
}

// An org-wide install is kept under its enterprise id ("E…"), but people and groups are kept under
// the id of the workspace they wrote from: the org's workspaces are not known from the uninstall.
const isOrg = (key: string) => key.startsWith('E');
const targetOf = (key: string) => ({ platform: 'slack' as const, workspace: workspaceOf('slack', key), scope: '' });

export function slackLifecycle(deps: LifecycleDeps): { installed: OnInstalled; uninstalled(key: string): Promise<void> } {
  const { core, logger } = deps;
  return {
    async installed({ key, isEnterpriseInstall, botToken, installerId }) {
      if (isEnterpriseInstall || isOrg(key)) {
        logger.warn('slack org-wide install: data of its workspaces is not deleted by itself after an uninstall; no policy message sent', { enterpriseId: key });
        return;
      }
      // The installer's language is not known yet (no profile read): the deployment's default.
      const { cancelled, notice } = await core.installed(targetOf(key), deps.defaultLanguage);
      if (!installerId) return logger.warn('slack install without an installing user: the data policy was not sent', { teamId: key });
      try {
        const client = webClient(botToken, deps.clientOptions);
        await sendParts(notice, (part) => client.chat.postMessage({ channel: installerId, ...part }));
        logger.info('slack installer told the data policy', { teamId: key, removalCancelled: Boolean(cancelled) });
      } catch (error) {
        // The install itself stands; only the message failed.
        logger.warn('slack install: the data policy message was not delivered', { teamId: key, error: error instanceof Error ? error.message : String(error) });
      }
    },
    async uninstalled(key) {
      if (!key) return logger.warn('slack uninstall without a workspace id: nothing scheduled');
      if (isOrg(key)) {
        logger.warn("slack org-wide uninstall: its token is removed, but its workspaces' data is not matched to the org and is not deleted by itself", { enterpriseId: key });
        return;
      }
      const { removal } = await core.uninstalled(targetOf(key), deps.defaultLanguage, key);
      if (deps.mode === 'single') {
        // No OAuth callback will tell Lederrum about a reinstall in single-token mode.
        logger.warn('slack uninstalled in single-token mode: a reinstall does not cancel the deletion by itself', { teamId: key, deleteAt: removal.deleteAt.toISOString() });
      }
    },
  };
}
