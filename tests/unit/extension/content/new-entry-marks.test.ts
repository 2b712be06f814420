import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { markEntries, newViewEntryRows, oldDocketEntryRows, waitForRows } from '../../../../extension/entrypoints/content/features/new-entry-marks';

const SAMPLE = readFileSync(join(process.cwd(), 'tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html'), 'utf8')
  // happy-dom would try to load the page's stylesheets
  .replace(/<link\b[^>]*>/gi, '');

describe('new-entry marks on the old docket page', () => {
  let doc: Document;
  beforeEach(() => {
    doc = new DOMParser().parseFromString(SAMPLE, 'text/html');
  });

  it('finds the 32 entries of the saved page in page order', () => {
    const entries = oldDocketEntryRows(doc);
    expect(entries).toHaveLength(32);
    expect(entries[0]?.[0]?.textContent).toContain('Notice to Take Deposition');
  });

  it('adds only a class and a style to the marked rows, and cleanup restores them', () => {
    const entries = oldDocketEntryRows(doc);
    const before = doc.documentElement.outerHTML;
    const unmark = markEntries(entries, [0, 2]);
    const marked = doc.querySelectorAll('tr.docket-watch-new');
    expect(marked.length).toBe((entries[0]?.length ?? 0) + (entries[2]?.length ?? 0));
    expect(entries[1]?.[0]?.classList.contains('docket-watch-new')).toBe(false);
    unmark();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('new case view rows', () => {
  it('waits for rendered rows, and gives up after the timeout', async () => {
    document.body.replaceChildren();
    const waiting = waitForRows(document, () => newViewEntryRows(document), 1_000);
    const table = document.createElement('table');
    const row = table.insertRow();
    row.dataset['entry'] = '1';
    document.body.append(table);
    expect(await waiting).toHaveLength(1);
    document.body.replaceChildren();
    expect(await waitForRows(document, () => newViewEntryRows(document), 20)).toEqual([]);
  });
});
