// The one way Lederrum makes a Prisma client, on either driver's adapter: the app's options and
// the query compiler loaded from its file (query-compiler.ts). (The statement-counting test
// database builds its own, for Prisma's typed query events, with the same two.)
import { PrismaClient } from './generated/client.ts';
import { PRISMA_OPTIONS } from './database.ts';
import { withCompilerFromFile } from './query-compiler.ts';

type Options = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>;

export function prismaClient(adapter: NonNullable<Options['adapter']>): PrismaClient {
  return withCompilerFromFile(new PrismaClient({ ...PRISMA_OPTIONS, adapter }));
}
