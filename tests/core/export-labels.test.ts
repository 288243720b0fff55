// data.md shows stored values in the reader's words, from tables the compiler checks are complete;
// a value no table knows (a document from another version) is shown as written, never a raw key.
import { describe, expect, it } from 'vitest';
import { LABELS, labelOf } from '../../src/core/people/export-labels.ts';
import { translator } from '../../src/core/i18n/translate.ts';

describe('labels in data.md', () => {
  const da = translator('da');
  const en = translator('en');

  it('names each stored value in the reader’s language', () => {
    expect(labelOf(da, LABELS.agreementStatus, 'kept')).toBe('Holdt');
    expect(labelOf(en, LABELS.agreementStatus, 'kept')).toBe('Kept');
    expect(labelOf(en, LABELS.groupRole, 'facilitator')).toBe('facilitator');
    expect(labelOf(da, LABELS.personalJob, 'prompt.weekly')).toMatch(/^Ugentligt spørgsmål/);
  });

  it('shows a value it does not know as written, and never reaches up the prototype chain', () => {
    expect(labelOf(en, LABELS.agreementStatus, 'archived')).toBe('archived');
    expect(labelOf(en, LABELS.agreementStatus, 'constructor')).toBe('constructor');
  });
});
