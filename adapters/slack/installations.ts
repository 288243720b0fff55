// Bolt's InstallationStore on Lederrum's database: what the OAuth flow stores when a workspace
// installs the app, and what Bolt asks for to authorize each incoming request.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock } from '../../src/core/index.ts';
import type { SlackInstallations } from './installation-store.ts';

function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key) throw new Error('A Slack installation needs a team id, or an enterprise id for an org-wide install.');
  return key;
}

/** What the adapter does once an install is stored: tell the installer the data policy (and cancel a pending removal). */
export type OnInstalled = (install: { key: string; isEnterpriseInstall: boolean; botToken: string; installerId: string | null }) => Promise<void>;

export function installationStore(records: SlackInstallations, clock: Clock, onRemoved: (id: string) => void, onInstalled?: OnInstalled): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall ?? false, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      if (!installation.bot?.token || !installation.bot.userId) throw new Error('The installation carries no bot token; the manifest must request bot scopes.');
      await records.save(
        {
          id: key,
          enterpriseId: installation.enterprise?.id ?? null,
          teamId: installation.team?.id ?? null,
          botUserId: installation.bot.userId,
          botToken: installation.bot.token,
          installation,
        },
        clock.now(),
      );
      await onInstalled?.({ key, isEnterpriseInstall: installation.isEnterpriseInstall ?? false, botToken: installation.bot.token, installerId: installation.user?.id ?? null });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await records.find(keyOf(query));
      if (!record) throw new Error(`No Slack installation for ${keyOf(query)}.`);
      return record.installation as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      await records.remove(key);
      onRemoved(key);
    },
  };
}
