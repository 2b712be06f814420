import { describe, expect, it } from 'vitest';
import { normalizeText, usDateToIso } from '../../../../shared/casenet/normalize';

describe('normalizeText', () => {
  it('decodes entities once, counts &nbsp; as whitespace, collapses and trims', () => {
    expect(normalizeText('&nbsp;&nbsp;RICHARD \n\t ANDREW&nbsp;BARRY\n III ')).toBe('RICHARD ANDREW BARRY III');
    expect(normalizeText('Defendant&#039;s motion &amp; order')).toBe("Defendant's motion & order");
    expect(normalizeText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
    expect(normalizeText('a\u00a0\u00a0b')).toBe('a b');
    expect(normalizeText('&nbsp')).toBeNull();
  });

  it('gives null for empty, blank or absent text', () => {
    expect(normalizeText('')).toBeNull();
    expect(normalizeText(' \n&nbsp; ')).toBeNull();
    expect(normalizeText(null)).toBeNull();
    expect(normalizeText(undefined)).toBeNull();
  });

  it('keeps typos and odd spacing before punctuation as the clerk wrote them', () => {
    expect(normalizeText('04/10/2015; 1:30 PM ; JUDGE; Boone')).toBe('04/10/2015; 1:30 PM ; JUDGE; Boone');
    expect(normalizeText('Propoosed')).toBe('Propoosed');
  });
});

describe('usDateToIso', () => {
  it('turns MM/DD/YYYY into an ISO date', () => {
    expect(usDateToIso('03/04/2015')).toBe('2015-03-04');
    expect(usDateToIso(' 3/4/2015&nbsp;')).toBe('2015-03-04');
    expect(usDateToIso('02/29/2024')).toBe('2024-02-29');
  });

  it('refuses what is not a real calendar date', () => {
    for (const bad of ['02/29/2023', '02/30/2024', '13/01/2015', '00/10/2015', '04/31/2015', '2015-03-04', '03/04/15', 'Filing:', '', null]) {
      expect(usDateToIso(bad), String(bad)).toBeNull();
    }
    expect(usDateToIso('02/29/2000')).toBe('2000-02-29');
    expect(usDateToIso('02/29/1900')).toBeNull();
  });
});
