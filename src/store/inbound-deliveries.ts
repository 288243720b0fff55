// Remembers deliveries a platform may send again (a Slack event retried after a slow answer,
// a Teams activity resent), so the second copy has no effect. The database decides, so this
// holds across replicas; rows older than a day are pruned, long after any retry.
import type { InboundDeliveries } from '../../adapters/inbound-deliveries.ts';
import type { PrismaClient } from './generated/client.ts';

const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

export function inboundDeliveries(prisma: PrismaClient): InboundDeliveries {
  let sincePrune = 0;
  return {
    async first(platform, key, at) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO "InboundDelivery" ("platform", "key", "receivedAt") VALUES (${platform}, ${key}, ${at})
        ON CONFLICT DO NOTHING`;
      if (++sincePrune >= PRUNE_EVERY) {
        sincePrune = 0;
        await prisma.inboundDelivery.deleteMany({ where: { receivedAt: { lt: new Date(at.getTime() - KEEP_MS) } } });
      }
      return inserted === 1;
    },
  };
}
