import { defineConfig } from 'prisma/config';

// Migrations are applied by the app at start-up (src/store/migrate.ts); the CLI is only used
// offline for `prisma generate`, which needs no database URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
