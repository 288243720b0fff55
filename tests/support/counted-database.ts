// An in-memory PGlite whose SQL statements are counted, for tests that pin how many statements a
// command costs (a count, not a time: the same on every machine). Prisma reaches it as the app's does (forPrisma).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { forPrisma } from '../../src/store/pglite-database.ts';
import { PrismaClient } from '../../src/store/generated/client.ts';
import { PRISMA_OPTIONS, pgliteTemplate } from '../../src/store/database.ts';
import { withCompilerFromFile } from '../../src/store/query-compiler.ts';
import { inMemory } from './memory-database.ts';

export interface CountedDatabase {
  prisma: PrismaClient;
  /** The SQL statements run since the last reset(), in order. */
  readonly statements: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function countedPglite(): Promise<CountedDatabase> {
  const target = inMemory();
  const template = 'template' in target && target.template ? target.template : await pgliteTemplate();
  const client = await PGlite.create({ loadDataDir: template });
  const statements: string[] = [];
  const prisma = withCompilerFromFile(new PrismaClient({ ...PRISMA_OPTIONS, adapter: new PrismaPGlite(forPrisma(client)), log: [{ emit: 'event', level: 'query' }] }));
  prisma.$on('query', (event) => statements.push(event.query));
  return {
    prisma,
    statements,
    reset: () => {
      statements.length = 0;
    },
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}
