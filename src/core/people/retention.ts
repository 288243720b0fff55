// Retention and uninstall clean-up, run by the scheduler (issue 15, point 4). Once a day the
// retention pass deletes what the register marks for retention and is older than the period; an
// uninstall records a removal due after the grace period, which a reinstall before then cancels.
// The store decides what goes, table by table; here is when, and what people are told.
import { DateTime } from 'luxon';
import type { CoreDeps, JobHandlers } from '../context.ts';
import type { Language } from '../model/domain.ts';
import type { Message } from '../model/messages.ts';
import type { Job } from '../ports.ts';
import type { DATA_JOB_PAYLOADS } from './payloads.ts';
import { translator } from '../i18n/translate.ts';
import type { PendingRemoval, RemovalTarget } from './retention-model.ts';

export const DATA_JOBS = { retention: 'data.retention', removal: 'data.removal' } as const;

/** The documented defaults (README): a year for answers and finished agreements, 30 days after an uninstall. */
export const RETENTION_DEFAULTS = { days: 365, uninstallGraceDays: 30 } as const;

/**
 * The daily retention pass, a system schedule ensured at start-up in the deployment's zone: at
 * night, when nobody is in a round. One row for all replicas; the occurrence key runs it once.
 */
export const RETENTION_SCHEDULE = { kind: DATA_JOBS.retention, subject: 'system', cron: '30 3 * * *' } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionPolicy(deps: CoreDeps): { days: number; uninstallGraceDays: number } {
  return deps.retention ?? RETENTION_DEFAULTS;
}

/** The removal job's subject: one per workspace (or Teams team), so a new uninstall moves it. */
export function removalSubject(target: RemovalTarget): string {
  return `${target.platform}|${target.workspace}|${target.scope}`;
}

export const dataJobs: JobHandlers<keyof typeof DATA_JOB_PAYLOADS> = {
  'data.retention': (deps, job) => retentionPass(deps, job.at),
  'data.removal': removal,
};

/** Deletes what is older than the period, counted from the occurrence's time (not the tick's). */
async function retentionPass(deps: CoreDeps, at: Date): Promise<void> {
  const { days } = retentionPolicy(deps);
  const cutoff = new Date(at.getTime() - days * DAY_MS);
  const counts = await deps.store.retentionSweep(cutoff);
  deps.logger.info('retention pass done', { days, cutoff: cutoff.toISOString(), ...counts });
  // A removal job missed by more than the scheduler's grace (Lederrum was down at its time) is
  // skipped, never delivered: the daily pass runs what is overdue, so an uninstall is never forgotten.
  for (const overdue of await deps.store.dueRemovals(deps.clock.now())) {
    deps.logger.warn('data removal overdue: run by the daily retention pass', { ...targetFields(overdue), deleteAt: overdue.deleteAt.toISOString() });
    await removal(deps, { kind: DATA_JOBS.removal, subject: removalSubject(overdue), groupId: null, payload: targetFields(overdue), at: overdue.deleteAt });
  }
}

const targetFields = (t: RemovalTarget): RemovalTarget => ({ platform: t.platform, workspace: t.workspace, scope: t.scope });

async function removal(deps: CoreDeps, job: Job<'data.removal'>): Promise<void> {
  const target = job.payload;
  const counts = await deps.store.removeWorkspaceData(target, deps.clock.now());
  // Cancelled by a reinstall (or already done): nothing was deleted, and that is right.
  if (!counts) return deps.logger.info('data removal not due any more: cancelled or done', { ...target });
  deps.logger.info('workspace data deleted after uninstall', { ...target, ...counts });
}

/**
 * Lederrum was uninstalled from a workspace (or a Teams team): its data is deleted after the grace
 * period. Returns the removal and a notice for whoever can still be told.
 */
export async function workspaceUninstalled(deps: CoreDeps, target: RemovalTarget, language: Language, place: string): Promise<{ removal: PendingRemoval; notice: Message }> {
  const now = deps.clock.now();
  // Slack sends app_uninstalled and tokens_revoked for one uninstall: the first one sets the day.
  const removal: PendingRemoval = (await deps.store.pendingRemoval(target)) ?? {
    ...target,
    requestedAt: now,
    deleteAt: new Date(now.getTime() + retentionPolicy(deps).uninstallGraceDays * DAY_MS),
  };
  await deps.store.requestRemoval(removal);
  if (deps.planner) {
    await deps.planner.once({ kind: DATA_JOBS.removal, subject: removalSubject(target), groupId: null, at: removal.deleteAt, payload: { ...target } });
  } else {
    deps.logger.warn('no scheduler runs here: the removal is recorded and runs where one does', { ...target });
  }
  deps.logger.info('lederrum uninstalled: the workspace data is deleted at deleteAt unless it is installed again first', { ...target, deleteAt: removal.deleteAt.toISOString() });
  const t = translator(language);
  const text = t('retention.removed.text', { place, date: dayOf(deps, removal.deleteAt, language) });
  return {
    removal,
    notice: {
      text,
      blocks: [
        { type: 'header', text: t('retention.removed.title') },
        { type: 'text', text },
      ],
    },
  };
}

/**
 * Lederrum was installed (again): a pending removal is cancelled. Returns what the installer is
 * told: the retention policy, when an uninstall would delete the data, and any cancellation.
 */
export async function workspaceInstalled(deps: CoreDeps, target: RemovalTarget, language: Language): Promise<{ cancelled: PendingRemoval | null; notice: Message }> {
  const cancelled = await deps.store.cancelRemoval(target);
  if (cancelled) {
    await deps.planner?.cancel(DATA_JOBS.removal, removalSubject(target));
    deps.logger.info('lederrum installed again within the grace period: the data removal is cancelled', { ...target, deleteAt: cancelled.deleteAt.toISOString() });
  }
  return { cancelled, notice: installNotice(deps, language, cancelled) };
}

export function installNotice(deps: CoreDeps, language: Language, cancelled: PendingRemoval | null): Message {
  const t = translator(language);
  const { days, uninstallGraceDays } = retentionPolicy(deps);
  const lines = [
    ...(cancelled ? [t('retention.install.cancelled', { date: dayOf(deps, cancelled.deleteAt, language) })] : []),
    t('retention.policy', { days }),
    t('retention.install.uninstall', { grace: uninstallGraceDays }),
  ];
  return {
    text: lines.join('\n\n'),
    blocks: [{ type: 'header', text: t('retention.install.title') }, ...lines.map((text) => ({ type: 'text' as const, text })), { type: 'context', text: t('retention.install.no_message_after') }],
  };
}

function dayOf(deps: CoreDeps, at: Date, language: Language): string {
  return DateTime.fromJSDate(at, { zone: deps.defaultTimeZone })
    .setLocale(language === 'da' ? 'da-DK' : 'en-GB')
    .toLocaleString(DateTime.DATE_FULL);
}
