// Retention and uninstall clean-up over the register (issue 15, point 4).
import type { RetentionStore } from '../core/people/retention-model.ts';
import type { PrismaClient } from './generated/client.ts';

export function retention(_prisma: PrismaClient): RetentionStore {
  return {};
}
