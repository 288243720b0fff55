// What the Teams adapter needs configured; src/app/config.ts reads it from the environment.
/** With an app id, requests are authenticated; without one (TEAMS=on) the endpoint is open, for local use. */
export interface TeamsConfig {
  appId: string | null;
  appPassword: string | null;
  appType: 'MultiTenant' | 'SingleTenant';
  tenantId: string | null;
}
