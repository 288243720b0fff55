// Checks for the group form's fields. Each failure names its field, so the form can show it.
import { LederrumError } from '../errors.ts';
import { LANGUAGES, type Language } from '../model/domain.ts';

export const MAX_GROUP_NAME = 80;

export function groupName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length === 0) throw new LederrumError('INVALID_INPUT', 'error.group_name_empty', { field: 'name' });
  if (name.length > MAX_GROUP_NAME) {
    throw new LederrumError('INVALID_INPUT', 'error.group_name_long', { field: 'name', params: { max: MAX_GROUP_NAME } });
  }
  return name;
}

export function language(raw: unknown): Language {
  if (typeof raw === 'string' && (LANGUAGES as readonly string[]).includes(raw)) return raw as Language;
  throw new LederrumError('INVALID_INPUT', 'error.language_unknown', { field: 'language' });
}

/** An IANA time zone name the runtime knows, in its canonical spelling. */
export function timeZone(raw: unknown): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  try {
    if (value.length === 0) throw new RangeError('empty');
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new LederrumError('INVALID_INPUT', 'error.time_zone_unknown', { field: 'time_zone', params: { value } });
  }
}

export function pickedIds(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((value): value is string => typeof value === 'string');
  return typeof raw === 'string' && raw.length > 0 ? [raw] : [];
}
