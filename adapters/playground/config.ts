// What the playground needs configured, and the environment variables it is read from. It is on
// by default when no other platform is configured, and never reachable from the network unless
// that is asked for knowingly: it has no accounts.
import { onOff, type PlatformSettings } from '../settings.ts';
import { isLoopbackName } from './verify.ts';

/** exposedToNetwork: enabled on a HOST other machines can reach, as PLAYGROUND_EXPOSE_TO_NETWORK allowed. */
export interface PlaygroundConfig {
  enabled: boolean;
  demoMembers: boolean;
  exposedToNetwork: boolean;
}

const variables = {
  /** The local web chat. On by default when no Slack or Teams credentials are set. */
  PLAYGROUND: onOff.optional(),
  PLAYGROUND_DEMO_MEMBERS: onOff.default(true),
  /** The playground has no accounts: on a non-loopback HOST it starts only when this says so. */
  PLAYGROUND_EXPOSE_TO_NETWORK: onOff.default(false),
};

const examples = {
  PLAYGROUND: 'PLAYGROUND=on',
  PLAYGROUND_DEMO_MEMBERS: 'PLAYGROUND_DEMO_MEMBERS=on',
  PLAYGROUND_EXPOSE_TO_NETWORK: 'PLAYGROUND_EXPOSE_TO_NETWORK=on (anyone who reaches the playground can act as anyone)',
} as const satisfies Record<keyof typeof variables, string>;

export const playgroundSettings: PlatformSettings<typeof variables, PlaygroundConfig> = {
  variables,
  examples,
  secrets: [],
  read(vars, { others, host }) {
    const enabled = vars.PLAYGROUND ?? !others;
    const exposedToNetwork = enabled && !isLoopbackName(host);
    if (exposedToNetwork && !vars.PLAYGROUND_EXPOSE_TO_NETWORK) {
      return {
        problems: [
          [
            `HOST=${host} would serve the playground to the network, and the playground has no accounts: anyone who reaches it can act as anyone.`,
            'Listen on this machine only (Example: HOST=127.0.0.1), turn the playground off (PLAYGROUND=off),',
            `or allow it knowingly. Example: ${examples.PLAYGROUND_EXPOSE_TO_NETWORK}`,
          ].join(' '),
        ],
      };
    }
    // Off is still a config: the composition root reads `enabled` (the network warning, tests).
    return { config: { enabled, demoMembers: vars.PLAYGROUND_DEMO_MEMBERS, exposedToNetwork } };
  },
};
