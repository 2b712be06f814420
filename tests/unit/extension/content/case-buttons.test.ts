import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { beforeEach, describe, expect, it } from 'vitest';
import { mountCaseButtons } from '../../../../extension/entrypoints/content/features/case-buttons';

const URL_HEADER = 'https://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13';

beforeEach(() => {
  document.body.replaceChildren();
  const table = document.createElement('table');
  const cell = table.insertRow().insertCell();
  cell.className = 'searchType';
  cell.textContent = '14BA-CV01093 - LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI';
  document.body.append(table);
});

describe('case buttons on a case page', () => {
  it('mount in an open shadow root inside the caption cell, named Track and Save', async () => {
    const ctx = new ContentScriptContext('content');
    const cleanup = await mountCaseButtons(ctx, document, URL_HEADER, { key: 'CT13|14BA-CV01093', caseNumber: '14BA-CV01093', saved: true, tracked: false, newEntryIndexes: [] }, async () => '');
    const host = document.querySelector('td.searchType docket-watch-ui');
    expect(host?.shadowRoot).toBeTruthy();
    const names = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => [b.textContent, b.getAttribute('aria-pressed')]);
    expect(names).toEqual([['Track', 'false'], ['Saved', 'true']]);
    expect(document.querySelector('td.searchType')?.firstChild?.textContent).toContain('LEIGH BRITT');
    cleanup();
    expect(document.querySelector('docket-watch-ui')).toBeNull();
  });
});
