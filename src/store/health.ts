// The SQL behind /readyz's database checks (src/app/health.ts): a trivial query, and the
// migrations Prisma's own table records as applied.
import type { DatabaseProbe } from '../app/health.ts';
import type { PrismaClient } from './generated/client.ts';

export function databaseProbe(prisma: PrismaClient): DatabaseProbe {
  return {
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    async appliedMigrations() {
      const rows = await prisma.$queryRaw<Array<{ migration_name: string }>>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      return rows.map((r) => r.migration_name);
    },
  };
}
