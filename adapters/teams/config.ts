// What the Teams adapter needs configured, and the environment variables it is read from.
import { z } from 'zod';
import { onOff, type PlatformSettings } from '../settings.ts';

/** With an app id, requests are authenticated; without one (TEAMS=on) the endpoint is open, for local use. */
export interface TeamsConfig {
  appId: string | null;
  appPassword: string | null;
  appType: 'MultiTenant' | 'SingleTenant';
  tenantId: string | null;
}

const variables = {
  MICROSOFT_APP_ID: z.uuid({ error: 'must be the bot’s Microsoft App ID (a GUID)' }).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant'], { error: 'must be MultiTenant or SingleTenant' }).default('MultiTenant'),
  /** The Teams endpoint without credentials, for local development against a tool such as the Bot Framework Emulator. */
  TEAMS: onOff.optional(),
};

const examples = {
  MICROSOFT_APP_ID: 'MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 (Azure Bot → Configuration)',
  MICROSOFT_APP_PASSWORD: 'MICROSOFT_APP_PASSWORD=… (a client secret of the app registration)',
  MICROSOFT_APP_TENANT_ID: 'MICROSOFT_APP_TENANT_ID=00000000-0000-0000-0000-000000000000',
  MICROSOFT_APP_TYPE: 'MICROSOFT_APP_TYPE=MultiTenant',
  TEAMS: 'TEAMS=on',
} as const satisfies Record<keyof typeof variables, string>;

export const teamsSettings: PlatformSettings<typeof variables, TeamsConfig> = {
  variables,
  examples,
  secrets: ['MICROSOFT_APP_PASSWORD'],
  read(vars) {
    if (!vars.MICROSOFT_APP_ID) return { config: vars.TEAMS ? { appId: null, appPassword: null, appType: vars.MICROSOFT_APP_TYPE, tenantId: null } : null };
    const problems: string[] = [];
    if (!vars.MICROSOFT_APP_PASSWORD) problems.push(`MICROSOFT_APP_PASSWORD is missing: the bot needs its client secret to answer Teams. Example: ${examples.MICROSOFT_APP_PASSWORD}`);
    if (vars.MICROSOFT_APP_TYPE === 'SingleTenant' && !vars.MICROSOFT_APP_TENANT_ID) {
      problems.push(`MICROSOFT_APP_TENANT_ID is missing: a SingleTenant bot needs its tenant. Example: ${examples.MICROSOFT_APP_TENANT_ID}`);
    }
    if (vars.TEAMS === false) return { config: null };
    if (problems.length > 0) return { problems };
    return { config: { appId: vars.MICROSOFT_APP_ID, appPassword: vars.MICROSOFT_APP_PASSWORD ?? null, appType: vars.MICROSOFT_APP_TYPE, tenantId: vars.MICROSOFT_APP_TENANT_ID ?? null } };
  },
};
