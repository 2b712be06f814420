import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseKey, caseKey, isCaseKey, normalizeCaseNumber, normalizeCourtId, parseCaseKey, tryCaseKey } from '../../../../shared/casenet/key';

describe('normalizeCourtId', () => {
  it.each([
    ['CT22', 'CT22'],
    [' ct22 ', 'CT22'],
    ['SMPDB0010_CT22', 'CT22'],
    ['smpdb0001_ct06', 'CT06'],
    ['SMPDB0005_CT16', 'CT16'],
    ['OSCDB0024_SUP', 'SUP'],
    ['OSCDB0024_EAP', 'EAP'],
  ])('%j → %j', (raw, id) => expect(normalizeCourtId(raw)).toBe(id));

  it.each(['', '   ', 'C', 'CT|22', 'CT 22', 'SMPDB0010_', 'CT22<script>', 'X'.repeat(17)])('rejects %j', (raw) => {
    expect(normalizeCourtId(raw)).toBeNull();
  });
});

describe('normalizeCaseNumber', () => {
  it.each(['20SL-CC00807', '14BA-CV01093', '1622-FC01709-01', '22JE-CR01234', '0722-CV12345', '171155061', 'SC99999', 'ED112233', 'WD86000', 'SD37000'])(
    'accepts the Case.net format %s',
    (n) => expect(normalizeCaseNumber(n)).toBe(n),
  );

  it('trims and upper-cases', () => {
    expect(normalizeCaseNumber('  20sl-cc00807\n')).toBe('20SL-CC00807');
  });

  it.each(['', 'ABCDE', '1234', '-20SL-CC00807', '20SL-CC00807-', '20SL--CC00807', '20SL CC00807', '20SL|CC00807', '1'.repeat(26), '20SL-CC0080%'])(
    'rejects %j',
    (n) => expect(normalizeCaseNumber(n)).toBeNull(),
  );
});

describe('caseKey', () => {
  it('builds court|number from raw parts, dropping the database prefix', () => {
    expect(caseKey('SMPDB0010_CT22', ' 22sl-cc00807 ')).toBe('CT22|22SL-CC00807');
    expect(tryCaseKey('OSCDB0024_SUP', 'sc99999')).toBe('SUP|SC99999');
  });

  it('gives the same key for the same case however it is spelled', () => {
    expect(caseKey('ct22', '22SL-CC00807')).toBe(caseKey('SMPDB0010_CT22', '22sl-cc00807'));
  });

  it('keeps the same number in two courts apart', () => {
    expect(caseKey('CT21', '20SL-CC00807')).not.toBe(caseKey('CT22', '20SL-CC00807'));
  });

  it('throws on invalid parts (tryCaseKey gives null)', () => {
    expect(() => caseKey('', '20SL-CC00807')).toThrow(/not a Case.net case/);
    expect(() => caseKey('CT22', 'nope')).toThrow();
    expect(tryCaseKey('CT22', 'nope')).toBeNull();
    expect(tryCaseKey('CT|22', '20SL-CC00807')).toBeNull();
  });
});

describe('parseCaseKey / isCaseKey / CaseKey', () => {
  it('round-trips', () => {
    expect(parseCaseKey('CT22|22SL-CC00807')).toEqual({ courtId: 'CT22', caseNumber: '22SL-CC00807' });
    expect(isCaseKey('SUP|SC99999')).toBe(true);
    expect(CaseKey.parse('CT13|14BA-CV01093')).toBe('CT13|14BA-CV01093');
  });

  it.each(['', 'CT22', 'CT22|', '|22SL-CC00807', 'ct22|22SL-CC00807', 'SMPDB0010_CT22|22SL-CC00807', 'CT22|22sl-cc00807', 'CT22|22SL-CC00807|X', ' CT22|22SL-CC00807'])(
    'rejects the non-key %j',
    (s) => {
      expect(parseCaseKey(s)).toBeNull();
      expect(isCaseKey(s)).toBe(false);
      expect(CaseKey.safeParse(s).success).toBe(false);
    },
  );

  it('parses every key it builds back into its parts (property)', () => {
    const court = fc.stringMatching(/^(SMPDB\d{4}_)?[A-Za-z0-9]{2,16}$/);
    const number = fc.stringMatching(/^[A-Za-z0-9]{2,8}(-[A-Za-z0-9]{1,8}){0,2}\d$/);
    fc.assert(
      fc.property(court, number, (c, n) => {
        const key = tryCaseKey(c, n);
        if (key === null) return;
        const parts = parseCaseKey(key);
        expect(parts).not.toBeNull();
        expect(caseKey(parts!.courtId, parts!.caseNumber)).toBe(key);
      }),
    );
  });
});
