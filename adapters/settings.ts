// How an adapter declares its configuration: the environment variables it reads (a zod schema
// per variable, with an example each and which are secrets), and how those make its config.
// src/app/config.ts joins every adapter's variables with its own, parses the environment once
// (ARCHITECTURE rule 4) and asks each adapter for its config, so a new platform's variables live
// in its folder.
import { z } from 'zod';

/** Its config, none when its variables are not set, or what is wrong with them (named, with an example). */
export type SettingsRead<C> = { config: C | null } | { problems: string[] };

export interface PlatformSettings<Shape extends z.ZodRawShape, C> {
  variables: Shape;
  examples: { readonly [K in keyof Shape]: string };
  secrets: ReadonlyArray<keyof Shape & string>;
  /** `others`: whether another platform is configured (the playground stands in when none is). */
  read(vars: z.output<z.ZodObject<Shape>>, context: { others: boolean; host: string }): SettingsRead<C>;
}

/** on/off, as people write it in .env files. */
export const onOff = z.enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be on or off' }).transform((value) => value === 'on' || value === 'true' || value === '1');
