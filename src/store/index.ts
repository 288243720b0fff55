// The Prisma implementation of the core's Store port.
import type { Store } from '../core/ports.ts';
import type { PrismaClient } from './generated/client.ts';
import { peopleAndGroups } from './people-groups.ts';
import { checkins } from './checkins.ts';
import { overview } from './overview.ts';
import { tools } from './tools.ts';
import { roles } from './roles.ts';
import { agreements } from './agreements.ts';
import { polls } from './polls.ts';
import { pollRegions } from './poll-regions.ts';
import { pollControls } from './poll-controls.ts';
import { personalExport } from './personal-export.ts';
import { personalDelete } from './personal-delete.ts';
import { retention } from './retention.ts';
import { wellbeing } from './wellbeing.ts';

export function createStore(prisma: PrismaClient): Store {
  return {
    ...peopleAndGroups(prisma),
    ...checkins(prisma),
    ...overview(prisma),
    ...tools(prisma),
    ...roles(prisma),
    ...agreements(prisma),
    ...polls(prisma),
    ...pollRegions(prisma),
    ...pollControls(prisma),
    ...personalExport(prisma),
    ...personalDelete(prisma),
    ...retention(prisma),
    ...wellbeing(prisma),
  };
}

export { openDatabase, type Database, type DatabaseTarget } from './database.ts';
