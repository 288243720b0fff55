// Workspace roles (HR, admin) on Prisma: one row per person and role held.
import type { RoleStore } from '../core/people/roles-model.ts';
import type { PrismaClient } from './generated/client.ts';
import { toPerson } from './mapping.ts';

export function roles(prisma: PrismaClient): RoleStore {
  return {
    async hasRole(personId, role) {
      return (await prisma.workspaceRole.count({ where: { userId: personId, role } })) > 0;
    },
    async setRole(personId, role, granted) {
      if (granted) await prisma.workspaceRole.upsert({ where: { userId_role: { userId: personId, role } }, create: { userId: personId, role }, update: {} });
      else await prisma.workspaceRole.deleteMany({ where: { userId: personId, role } });
    },
    async holders(workspace, role) {
      const rows = await prisma.user.findMany({ where: { workspace, workspaceRoles: { some: { role } } }, orderBy: { displayName: 'asc' } });
      return rows.map(toPerson);
    },
  };
}
