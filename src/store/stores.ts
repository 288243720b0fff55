// Every port the database backs, built from one opened database: the composition root takes
// these and never sees Prisma, so a database swap touches src/store and prisma/ only.
import type { Store } from '../core/ports.ts';
import type { Transact } from '../delivery/outbox.ts';
import type { OutboxStore } from '../delivery/outbox-store.ts';
import type { ScheduleStore } from '../scheduler/schedules.ts';
import type { PlaygroundWorkspace } from '../../adapters/playground/workspace.ts';
import type { InboundDeliveries } from '../../adapters/inbound-deliveries.ts';
import type { SlackInstallations } from '../../adapters/slack/installation-store.ts';
import type { TeamsConversations } from '../../adapters/teams/conversation-store.ts';
import type { DatabaseProbe } from '../app/health.ts';
import type { PrismaClient } from './generated/client.ts';
import type { Database } from './database.ts';
import { createStore } from './index.ts';
import { outboxStore } from './outbox.ts';
import { scheduleStore } from './schedules.ts';
import { slackInstallations } from './slack-installations.ts';
import { teamsConversations } from './teams-conversations.ts';
import { inboundDeliveries } from './inbound-deliveries.ts';
import { playgroundWorkspace } from './playground-workspace.ts';
import { databaseProbe } from './health.ts';
import { joining } from './transaction.ts';

export interface Stores {
  /** The core's Store: every feature's port. */
  store: Store;
  schedules: ScheduleStore;
  /** The outbox's rows, for its worker and for recording outside a unit of work. */
  outbox: OutboxStore;
  /** One transaction whose store and outbox rows join it: the unit of work's. */
  transact: Transact;
  slackInstallations: SlackInstallations;
  teamsConversations: TeamsConversations;
  inboundDeliveries: InboundDeliveries;
  playgroundWorkspace: PlaygroundWorkspace;
  /** For /readyz's database and migrations checks. */
  probe: DatabaseProbe;
}

export function storesOf(database: Database): Stores {
  const { prisma } = database;
  return {
    store: createStore(prisma),
    schedules: scheduleStore(prisma),
    outbox: outboxStore(prisma),
    transact: transactions(prisma),
    slackInstallations: slackInstallations(prisma),
    teamsConversations: teamsConversations(prisma),
    inboundDeliveries: inboundDeliveries(prisma),
    playgroundWorkspace: playgroundWorkspace(prisma),
    probe: databaseProbe(prisma),
  };
}

/** Units of work on this database: the transaction's client stands in for the whole client, so the stores built on it join it. */
export function transactions(prisma: PrismaClient): Transact {
  return (work) =>
    prisma.$transaction(
      async (tx) => {
        const client = joining(tx);
        return work({ store: createStore(client), rows: outboxStore(client) });
      },
      // A fan-out of thousands is recorded in one statement; the wait covers a busy pool.
      { maxWait: 30_000, timeout: 60_000 },
    );
}
