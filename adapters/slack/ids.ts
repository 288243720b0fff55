// Slack's user and channel ids are unique within a workspace. Lederrum can serve many
// workspaces from one database (OAuth distribution), so it keys them as "T…:U…" / "T…:C…".
export function scoped(teamId: string, slackId: string): string {
  return `${teamId}:${slackId}`;
}

export function unscoped(scopedId: string): { teamId: string; slackId: string } {
  const at = scopedId.indexOf(':');
  if (at < 1) throw new Error(`Not a workspace-scoped Slack id: ${scopedId}`);
  return { teamId: scopedId.slice(0, at), slackId: scopedId.slice(at + 1) };
}
