// Every adapter's driver: each scenario file runs once per entry (describe.each).
import type { DriverFactory } from '../driver.ts';
import { playgroundDriver } from './playground.ts';
import { slackDriver } from './slack.ts';
import { teamsDriver } from './teams.ts';

export const drivers: DriverFactory[] = [slackDriver, teamsDriver, playgroundDriver];
