import { describe, expect, it } from 'vitest';
import { domContentLoaded, whenParsed } from '../../../../extension/entrypoints/content/features/parsed';

/** A document the "parser" is still filling: readyState stays `loading` until `finish()`. */
function loadingDocument() {
  const doc = document.implementation.createHTMLDocument('case page');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { get: () => state });
  const finish = () => {
    state = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
  };
  return { doc, finish };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const caption = (doc: Document) => doc.querySelector('td.searchType');

function captionRow(doc: Document): HTMLTableRowElement {
  const table = doc.createElement('table');
  doc.body.append(table);
  const row = table.insertRow();
  const cell = row.insertCell();
  cell.className = 'searchType';
  cell.textContent = '14BA-CV01093 - LEIGH BRITT V THE CURATORS';
  return row;
}

describe('waiting for the page parser', () => {
  it('answers at once on a parsed page', async () => {
    captionRow(document);
    expect(await whenParsed(document, () => caption(document))).toBe(caption(document));
    await domContentLoaded(document);
  });

  it('takes an element as soon as something follows it, before DOMContentLoaded', async () => {
    const { doc } = loadingDocument();
    let found: Element | null | undefined;
    void whenParsed(doc, () => caption(doc)).then((el) => (found = el));
    const row = captionRow(doc);
    await settle();
    expect(found).toBeUndefined(); // the cell may still get more text
    row.insertCell();
    await settle();
    expect(found).toBe(caption(doc));
  });

  it('answers null at DOMContentLoaded when the element never comes', async () => {
    const { doc, finish } = loadingDocument();
    let found: Element | null | undefined;
    let loaded = false;
    void whenParsed(doc, () => caption(doc)).then((el) => (found = el));
    void domContentLoaded(doc).then(() => (loaded = true));
    await settle();
    expect([found, loaded]).toEqual([undefined, false]);
    finish();
    await settle();
    expect([found, loaded]).toEqual([null, true]);
  });
});
