// Signed grants, the permission a download link carries (a poll's CSV, a person's own data):
// only an intact, unexpired grant of the right purpose opens; anything else gives nothing.
import { describe, expect, it } from 'vitest';
import { linkSigner, openGrant } from '../../src/app/links.ts';

const sign = linkSigner('a-test-secret-of-enough-length');
const NOW = 1_800_000_000_000;
const grantOf = (fields: string, purpose = '') => `${fields}.${sign(`${purpose}${fields}`)}`;

describe('openGrant', () => {
  it('gives the fields of an intact, unexpired grant', () => {
    expect(openGrant(sign, grantOf(`poll1.person1.${NOW + 60_000}`), { fields: 2, now: NOW })).toEqual(['poll1', 'person1']);
    expect(openGrant(sign, grantOf(`person1.${NOW + 60_000}`, 'mydata.'), { fields: 1, purpose: 'mydata.', now: NOW })).toEqual(['person1']);
  });

  it('refuses a forged or altered grant, an expired one, one of another purpose, one made to outlive its kind, and a malformed one', () => {
    const valid = grantOf(`person1.${NOW + 60_000}`, 'mydata.');
    const options = { fields: 1, purpose: 'mydata.', now: NOW, maxAgeMs: 16 * 60_000 };
    expect(openGrant(sign, valid.replace('person1', 'person2'), options)).toBeNull();
    expect(openGrant(linkSigner('another-secret-of-enough-length'), valid, options)).toBeNull();
    expect(openGrant(sign, valid, { ...options, now: NOW + 60_001 })).toBeNull();
    expect(openGrant(sign, valid, { ...options, purpose: '' })).toBeNull();
    expect(openGrant(sign, grantOf(`person1.${NOW + 60 * 60_000}`, 'mydata.'), options)).toBeNull();
    expect(openGrant(sign, grantOf('person1.soon', 'mydata.'), options)).toBeNull();
    expect(openGrant(sign, valid, { ...options, fields: 2 })).toBeNull();
    expect(openGrant(sign, '', options)).toBeNull();
  });
});
