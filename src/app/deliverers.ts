// One Deliverer for the core that hands each message to its platform's adapter.
import { LederrumError } from '../core/errors.ts';
import type { Deliverer } from '../core/ports.ts';
import type { Platform } from '../core/model/domain.ts';

export function routeByPlatform(deliverers: Partial<Record<Platform, Deliverer>>): Deliverer {
  const pick = (platform: Platform): Deliverer => {
    const deliverer = deliverers[platform];
    if (!deliverer) {
      throw new LederrumError('DELIVERY_FAILED', 'error.internal', { detail: `No adapter is running for platform "${platform}".` });
    }
    return deliverer;
  };
  return {
    post: (to, message, options) => pick(to.platform).post(to, message, options),
    update: (to, ref, message) => pick(to.platform).update(to, ref, message),
    sendPrivate: (person, message) => pick(person.platform).sendPrivate(person, message),
    canSendFile: (platform) => Boolean(deliverers[platform]?.sendFile),
    async sendFile(person, file) {
      const deliverer = pick(person.platform);
      if (!deliverer.sendFile) throw new LederrumError('DELIVERY_FAILED', 'error.internal', { detail: `No file delivery on platform "${person.platform}".` });
      await deliverer.sendFile(person, file);
    },
    async membersOf(to) {
      const deliverer = pick(to.platform);
      return deliverer.membersOf ? deliverer.membersOf(to) : null;
    },
    async createConversation(platform, name, members) {
      const deliverer = pick(platform);
      if (!deliverer.createConversation) {
        throw new LederrumError('NO_GROUP_HERE', 'error.no_group_here');
      }
      return deliverer.createConversation(platform, name, members);
    },
  };
}
