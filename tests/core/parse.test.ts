// One parser for every adapter: Danish and English words, any case, "/lederrum" or not.
import { describe, expect, it } from 'vitest';
import { parseCommand, type CommandName } from '../../src/core/features.ts';

const spellings: Array<[string, CommandName, 'da' | 'en']> = [
  ['help', 'help', 'en'],
  ['hjælp', 'help', 'da'],
  ['group add', 'group.add', 'en'],
  ['gruppe tilføj', 'group.add', 'da'],
  ['group remove', 'group.remove', 'en'],
  ['gruppe fjern', 'group.remove', 'da'],
  ['checkin start', 'checkin.start', 'en'],
  ['tjekind start', 'checkin.start', 'da'],
  ['checkin closing', 'checkin.closing', 'en'],
  ['tjekind afrunding', 'checkin.closing', 'da'],
  ['checkin close', 'checkin.close', 'en'],
  ['tjekind afslut', 'checkin.close', 'da'],
  ['participation', 'participation', 'en'],
  ['deltagelse', 'participation', 'da'],
  ['group create', 'group.create', 'en'],
  ['gruppe opret', 'group.create', 'da'],
];

describe('parseCommand', () => {
  it.each(spellings)('understands "%s"', (text, name, language) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'known', name, args: '', language });
  });

  it('keeps the group name argument in its original case', () => {
    expect(parseCommand('gruppe opret Ledergruppen Nord')).toEqual({
      kind: 'known',
      name: 'group.create',
      args: 'Ledergruppen Nord',
      length: 2,
      language: 'da',
    });
    expect(parseCommand('Group Create HR Partners DK')).toEqual({
      kind: 'known',
      name: 'group.create',
      args: 'HR Partners DK',
      length: 2,
      language: 'en',
    });
  });

  it('leaves a group name that contains "tjek-ind" or "check in" exactly as written', () => {
    expect(parseCommand('gruppe opret Tjek-ind Holdet')).toMatchObject({ name: 'group.create', args: 'Tjek-ind Holdet' });
    expect(parseCommand('/lederrum group create Check in Crew')).toMatchObject({ name: 'group.create', args: 'Check in Crew' });
  });

  it('does not mistake "closing" for "close" or the other way round', () => {
    expect(parseCommand('checkin closing')).toMatchObject({ name: 'checkin.closing' });
    expect(parseCommand('checkin close')).toMatchObject({ name: 'checkin.close' });
  });

  it.each([
    ['Tjek-ind start', 'checkin.start', 'da'],
    ['tjek ind afrunding', 'checkin.closing', 'da'],
    ['TJEK-IND AFSLUT', 'checkin.close', 'da'],
    ['check-in start', 'checkin.start', 'en'],
    ['check in start', 'checkin.start', 'en'],
    ['Check-In Closing', 'checkin.closing', 'en'],
    ['check in close', 'checkin.close', 'en'],
  ] as const)('reads the spelling variant "%s"', (text, name, language) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'known', name, args: '', language });
  });

  it.each([
    ['/lederrum tjekind start', 'checkin.start'],
    ['lederrum help', 'help'],
    ['/Lederrum Deltagelse', 'participation'],
    ['  /lederrum   check-in    start  ', 'checkin.start'],
  ] as const)('accepts a leading "lederrum": "%s"', (text, name) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'known', name, args: '' });
  });

  it('ignores case and extra spaces', () => {
    expect(parseCommand('HJÆLP')).toMatchObject({ kind: 'known', name: 'help', args: '', language: 'da' });
    expect(parseCommand('  Gruppe    TILFØJ  ')).toMatchObject({ kind: 'known', name: 'group.add', args: '', language: 'da' });
    expect(parseCommand('\tTjekInd\n Start ')).toMatchObject({ kind: 'known', name: 'checkin.start', args: '', language: 'da' });
    expect(parseCommand('gruppe   opret   Ledere   Syd')).toMatchObject({ name: 'group.create', args: 'Ledere Syd' });
  });

  it('reads empty text (or just "/lederrum") as bare: the core offers a group or help', () => {
    for (const text of ['', '   ', '/lederrum', 'lederrum ']) {
      expect(parseCommand(text)).toEqual({ kind: 'empty' });
    }
  });

  it('reports unknown text as unknown, with the text the person wrote', () => {
    expect(parseCommand('hvordan har du det?')).toEqual({ kind: 'unknown', text: 'hvordan har du det?' });
    expect(parseCommand('Gruppe Slet Alt')).toEqual({ kind: 'unknown', text: 'Gruppe Slet Alt' });
    expect(parseCommand('tjekind')).toEqual({ kind: 'unknown', text: 'tjekind' });
    expect(parseCommand('startcheckin')).toEqual({ kind: 'unknown', text: 'startcheckin' });
  });

  it('does not read a command inside a longer word', () => {
    expect(parseCommand('helpdesk')).toMatchObject({ kind: 'unknown' });
    expect(parseCommand('checkins start')).toMatchObject({ kind: 'unknown' });
  });
});
