import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNewDocket } from '../../../../shared/casenet/parse-new/docket';
import { parseNewHeader } from '../../../../shared/casenet/parse-new/header';
import { parseOldDocket } from '../../../../shared/casenet/parse-old/docket';
import type { DocketEntry } from '../../../../shared/casenet/types';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/casenet');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const REF = { caseNumber: '14BA-CV01093', courtId: 'CT13' };
const isoToUs = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** The JSON the new case view would send for these entries, written the way that site writes text. */
function asNewJson(entries: DocketEntry[]) {
  return {
    docketTabModelList: entries.map((entry, i) => ({
      filingDate: isoToUs(entry.date),
      docketDesc: entry.title,
      docketText: entry.text?.replaceAll("'", '&#039;').replaceAll('; ', ';\n') ?? null,
      sequenceNumber: 1_000 - i,
      docketCode: 'XX',
      filingPartyFullName: entry.filedBy?.replaceAll(' ', '  \n ') ?? null,
      behalfOfPartiesNames: entry.onBehalfOf,
      associatedDocketInfoDetails: { associatedDate: '01/01/2015', associatedDescription: 'Motion', associatedText: 'ASSOCIATED TEXT' },
      confidential: false,
      document: [],
      ...(entry.scheduledFor === null ? {} : { scheduledFor: entry.scheduledFor }),
    })),
  };
}

describe('new docket JSON', () => {
  it('gives the same entry fields as the old page for the same entries (sequence aside)', () => {
    for (const path of ['docket/old-docket-14BA-CV01093.html', 'docket/handmade-quirks-22SL-CC00807.html']) {
      const old = parseOldDocket(fixture(path));
      if (!old.ok) throw new Error(old.message);
      const fresh = parseNewDocket(asNewJson(old.value.entries), REF);
      if (!fresh.ok) throw new Error(fresh.message);
      expect(fresh.value.entries.map(({ sequence: _s, ...rest }) => rest)).toEqual(old.value.entries.map(({ sequence: _s, ...rest }) => rest));
      expect(fresh.value.entries[0]?.sequence).toBe(1_000);
    }
  });

  it('takes the case from the second argument, else from the body', () => {
    const body = { caseNumber: 'X', courtId: 'Y', docketTabModelList: [] };
    expect(parseNewDocket(body, REF)).toEqual({ ok: true, value: { caseNumber: '14BA-CV01093', courtId: 'CT13', caption: null, entries: [] } });
    expect(parseNewDocket(body)).toMatchObject({ ok: true, value: { caseNumber: 'X', courtId: 'Y' } });
    expect(parseNewDocket({ docketTabModelList: [] })).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('never adds associated-entry info to the text', () => {
    const parsed = parseNewDocket(asNewJson([{ date: '2015-03-04', title: 'Order', text: 'Granted.', filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null }]), REF);
    expect(JSON.stringify(parsed)).not.toContain('ASSOCIATED');
  });

  it('keeps a confidential entry with its public title only', () => {
    const body = { docketTabModelList: [{ filingDate: '03/04/2015', docketDesc: 'Confidential Filing', docketText: 'SEALED', sequenceNumber: 7, filingPartyFullName: 'SEALED PARTY', behalfOfPartiesNames: 'X', confidential: true, document: [] }] };
    const parsed = parseNewDocket(body, REF);
    expect(parsed).toMatchObject({ ok: true, value: { entries: [{ date: '2015-03-04', title: 'Confidential Filing', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: 7 }] } });
    expect(JSON.stringify(parsed)).not.toContain('SEALED');
  });

  it('fails without throwing on bodies of another shape', () => {
    for (const body of [null, 42, 'x', [], {}, { docketTabModelList: 'x' }, { docketTabModelList: [{}] }, { docketTabModelList: [{ filingDate: 7 }] }]) {
      expect(parseNewDocket(body, REF), JSON.stringify(body)).toMatchObject({ ok: false, reason: 'layout-changed' });
    }
    expect(parseNewDocket({ docketTabModelList: [{ filingDate: '2015-03-04', docketDesc: 'x' }] }, REF)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});

describe('new header JSON', () => {
  it('reads newHeaderData.do into the header tab labels', () => {
    const parsed = parseNewHeader(JSON.parse(fixture('header-json/new-header-171155061.json')));
    expect(parsed).toEqual({
      ok: true,
      value: {
        caseNumber: '171155061',
        courtId: 'CT12',
        caption: 'ST V PAULINE ANN SPAULDING',
        fields: {
          'Judge/Commissioner Assigned': 'SCHEIBE, RICHARD L',
          'Date Filed': '03/28/2024',
          Location: 'Warren',
          'Case Type': 'Criminal/Infract.- see Charges',
          Disposition: 'Not Disposed',
        },
      },
    });
  });

  it('leaves absent values out and fails without throwing on other shapes', () => {
    expect(parseNewHeader({ caseNumber: '1', caseDesc: 'A V B', judgeDetails: null })).toEqual({ ok: true, value: { caseNumber: '1', courtId: null, caption: 'A V B', fields: {} } });
    for (const body of [null, [], {}, { caseNumber: 5 }, { caseNumber: '  ' }]) {
      expect(parseNewHeader(body), JSON.stringify(body)).toMatchObject({ ok: false, reason: 'layout-changed' });
    }
  });
});
