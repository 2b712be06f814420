import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOldDocket } from '../../../../shared/casenet/parse-old/docket';
import { parseOldHeader } from '../../../../shared/casenet/parse-old/header';
import { parseOldParties, splitParty } from '../../../../shared/casenet/parse-old/parties';
import { parseOldEvents } from '../../../../shared/casenet/parse-old/events';
import { parseOldSearch } from '../../../../shared/casenet/parse-old/search';
import type { DocketEntry, DocketPage, Parsed } from '../../../../shared/casenet/types';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/casenet');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const SAMPLE = fixture('docket/old-docket-14BA-CV01093.html');
const QUIRKS = fixture('docket/handmade-quirks-22SL-CC00807.html');

function ok<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a parse, got ${parsed.reason}: ${parsed.message}`);
  return parsed.value;
}
const docket = (html: string): DocketPage => ok(parseOldDocket(html));
const withoutSequence = (entries: DocketEntry[]) => entries.map(({ sequence: _sequence, ...rest }) => rest);

describe('old docket page', () => {
  it('reads the saved 14BA-CV01093 docket: 32 entries exactly as expected', () => {
    const expected = JSON.parse(fixture('docket/old-docket-14BA-CV01093.html.expected.json'));
    const page = docket(SAMPLE);
    expect(page.caseNumber).toBe('14BA-CV01093');
    expect(page.courtId).toBe('CT13');
    expect(page.caption).toBe('LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI');
    expect(page.entries).toHaveLength(32);
    expect(withoutSequence(page.entries)).toEqual(expected.entries);
    expect(page.entries.every((entry) => entry.sequence === null)).toBe(true);
  });

  it('same-date entries (thin separator, empty <b></b>) carry the date of the entry before them', () => {
    const entries = docket(SAMPLE).entries;
    expect(entries.slice(0, 4).map((e) => e.date)).toEqual(['2015-03-04', '2015-03-04', '2015-03-04', '2015-03-04']);
    expect(entries[4]?.date).toBe('2015-02-10');
    const quirks = docket(QUIRKS).entries;
    expect(quirks.map((e) => e.date)).toEqual(['2014-05-15', '2014-05-15', '2014-05-01', '2014-05-01']);
  });

  it('joins names wrapped over several lines', () => {
    const entries = docket(SAMPLE).entries;
    expect(entries[0]?.filedBy).toBe('RICHARD ANDREW BARRY III');
    expect(entries.find((e) => e.title === 'Entry of Appearance Filed')?.filedBy).toBe('AMANDA ALLEN MILLER');
  });

  it('reads labels with &nbsp; inside or outside the <b>', () => {
    const [scheduled, continued] = docket(QUIRKS).entries;
    expect(scheduled?.scheduledFor).toBe('06/10/2014; 9:00 AM ; JUDGE; St. Louis County');
    expect(continued?.onBehalfOf).toBe('JANE DOE, JOHN DOE & SONS LLC');
    expect(continued?.filedBy).toBe('RICHARD ANDREW BARRY III');
  });

  it('keeps Associated Entries: and Hearing Continued From: out of the entry text and fields', () => {
    const [scheduled, continued] = docket(QUIRKS).entries;
    expect(scheduled?.text).toBe("Scheduled hearing on Plaintiff's motion; counsel to appear.");
    expect(continued?.text).toBe("Continued at D's request.");
    const all = JSON.stringify(docket(QUIRKS).entries);
    expect(all).not.toContain('04/01/2014 - Motion Filed');
    expect(all).not.toContain('05/01/2014; 9:00 AM');
  });

  it('a bold title alone ("Filing:") has no text', () => {
    expect(docket(QUIRKS).entries[2]).toMatchObject({ title: 'Filing:', text: null, filedBy: null });
  });

  it('reads a 5,000-entry docket built from the sample row markup', () => {
    const open = SAMPLE.indexOf('<tr>', SAMPLE.indexOf('class="detailRecordTable"'));
    const second = SAMPLE.indexOf('<td class="detailSeperator"', SAMPLE.indexOf('<td class="detailSeperator"', open) + 10);
    const group = SAMPLE.slice(open, SAMPLE.lastIndexOf('<tr>', second)); // one date with four entries
    expect(group.split('<b>03/04/2015</b>')).toHaveLength(2);
    const groups: string[] = [];
    for (let i = 0; i < 1_250; i++) {
      const day = new Date(Date.UTC(2015, 2, 4) - i * 86_400_000);
      const us = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
      groups.push(group.replace('<b>03/04/2015</b>', `<b>${us}</b>`));
    }
    const tableEnd = SAMPLE.indexOf('</table>', open);
    const big = SAMPLE.slice(0, open) + groups.join('') + SAMPLE.slice(tableEnd);
    const entries = docket(big).entries;
    expect(entries).toHaveLength(5_000);
    expect(entries[3]?.date).toBe('2015-03-04');
    expect(entries[4_999]?.date).toBe(entries[4_996]?.date);
    expect(entries[4_999]?.date).toBe('2011-10-02') // 1,249 days before 2015-03-04;
    expect(entries[4_999]?.filedBy).toBe('RICHARD ANDREW BARRY III');
  });

  it('a truncated page is an error, never a shorter docket', () => {
    const start = SAMPLE.indexOf('class="detailRecordTable"');
    for (let cut = start; cut < SAMPLE.length - 5; cut += 1_499) {
      const parsed = parseOldDocket(SAMPLE.slice(0, cut));
      expect(parsed, `cut at ${cut}`).toMatchObject({ ok: false, reason: 'truncated' });
    }
  });

  it('a page whose docket table is gone is a layout change', () => {
    expect(parseOldDocket(SAMPLE.replace('class="detailRecordTable"', 'class="docketList"'))).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('an unreadable date or a table of unknown rows is a layout change', () => {
    expect(parseOldDocket(SAMPLE.replace('<b>03/04/2015</b>', '<b>2015-03-04</b>'))).toMatchObject({ ok: false, reason: 'layout-changed' });
    const renamed = SAMPLE.replaceAll('class="detailData"', 'class="entryCell"');
    expect(parseOldDocket(renamed)).toMatchObject({ ok: false, reason: 'layout-changed' });
  });

  it('script-like titles come out as plain text', () => {
    const entry = docket(fixture('hostile/docket-script-titles.html')).entries[0];
    expect(entry?.title).toBe('<script>alert(1)</script>');
    expect(entry?.text).toBe('Order entered <b>bold</b> &lt;i&gt;');
  });
});

describe('old header page', () => {
  const header = `<html><head><title>Case.net: 14BA-CV01093 - Case Header</title><script>var pageName = "header";</script></head><body>
    <table><tr><td class="searchType">14BA-CV01093 - LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI&nbsp;(E-CASE)</td></tr></table>
    <form name="casePalletteForm"><input type="hidden" name="inputVO.caseNumber" value="14BA-CV01093"><input type="hidden" name="inputVO.courtId" value="CT13"></form>
    <table class="detailRecordTable">
      <tr><td class="detailLabels">Judge/Commissioner Assigned:</td><td class="detailData">JODIE C&nbsp;ASEL</td>
          <td class="detailLabels">Date Filed:</td><td class="detailData">03/31/2014</td></tr>
      <tr><td class="detailLabels">Location:</td><td class="detailData">Boone</td>
          <td class="detailLabels">Case Type:</td><td class="detailData">CV Other Tort</td></tr>
      <tr><td class="detailLabels">Disposition:</td><td class="detailData">&nbsp;</td></tr>
    </table></body></html>`;

  it('reads label/value cells, dropping the colon and empty values', () => {
    expect(ok(parseOldHeader(header))).toEqual({
      caseNumber: '14BA-CV01093',
      courtId: 'CT13',
      caption: 'LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI',
      fields: { 'Judge/Commissioner Assigned': 'JODIE C ASEL', 'Date Filed': '03/31/2014', Location: 'Boone', 'Case Type': 'CV Other Tort' },
    });
  });

  it('a header without label cells is a layout change', () => {
    expect(parseOldHeader(header.replaceAll('detailLabels', 'x'))).toMatchObject({ ok: false, reason: 'layout-changed' });
  });
});

describe('old parties page', () => {
  it('reads parties and attorneys with their roles', () => {
    const page = ok(parseOldParties(fixture('parties/old-parties-200833276.html')));
    expect(page).toMatchObject({ caseNumber: '200833276', courtId: 'SMPDB0001_CT06', caption: 'ST V RUBY I AGUILAR' });
    expect(page.parties).toEqual([
      { name: 'AGUILAR, RUBY I', role: 'Defendant' },
      { name: 'SIMONS, RICHARD CHRISTOPHER', role: 'Attorney for Defendant' },
      { name: 'GIBSON, MARK L.', role: 'Assistant Prosecuting Attorney' },
    ]);
  });

  it('splits "LAST , FIRST , Role" cells', () => {
    expect(splitParty('ACME WIDGETS , INC. , Plaintiff')).toEqual({ name: 'ACME WIDGETS, INC.', role: 'Plaintiff' });
    expect(splitParty('STATE OF MISSOURI')).toEqual({ name: 'STATE OF MISSOURI', role: null });
    expect(splitParty(null)).toBeNull();
  });
});

describe('old hearings page', () => {
  it('reads scheduled hearings with time, description and details', () => {
    const page = ok(parseOldEvents(fixture('events/handmade-events-14BA-CV01093.html')));
    expect(page.hearings).toEqual([
      { date: '2015-04-10', time: '1:30 PM', description: 'Motion Hearing', details: { Judge: 'JODIE C ASEL', Location: 'Division 5' } },
      { date: '2015-06-01', time: '9:00 AM', description: 'Jury Trial', details: { Judge: 'JODIE C ASEL' } },
    ]);
  });
});

describe('old search results', () => {
  it('reads each result row with its columns', () => {
    const rows = ok(parseOldSearch(fixture('search/old-search-filing-date-CT12-2021-02-02.html')));
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual({
      caseNumber: '200019121',
      courtId: 'CT12',
      caption: 'CITY OF WRIGHT CITY V GRANT IGNATIUS SCHUETTE',
      filingDate: '2021-02-02',
      location: 'Wright City Municipal',
      caseType: 'Municipal Ordinance - Traffic',
    });
    expect(new Set(rows.map((row) => row.caseNumber)).size).toBe(15);
  });

  it('a "no matches" page has no rows', () => {
    expect(ok(parseOldSearch(fixture('search/old-search-filing-date-no-results.html')))).toEqual([]);
  });
});
