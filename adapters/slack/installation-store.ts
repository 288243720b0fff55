// The Slack adapter's port for its installations (one per workspace or Enterprise org, holding
// the bot token it granted): declared here, where Bolt's installation store uses it, and
// implemented on the database by src/store/slack-installations.ts.

export interface SlackInstallationRecord {
  /** The team id ("T…"), or the enterprise id ("E…") for an org-wide install. */
  id: string;
  enterpriseId: string | null;
  teamId: string | null;
  botUserId: string;
  botToken: string;
  installation: unknown;
}

export interface SlackInstallations {
  save(record: SlackInstallationRecord, at: Date): Promise<void>;
  find(id: string): Promise<SlackInstallationRecord | null>;
  remove(id: string): Promise<boolean>;
}
