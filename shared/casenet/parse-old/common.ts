import { attr, hasClass, isElement, parseHtml, textOf, type Document, type Element, type Node } from '../html';
import { normalizeText } from '../normalize';

// What every old (JSP) page shares, gathered in ONE walk of the parsed document: title, the tab
// name from the page script, the caption cell(s), data tables and forms with their hidden inputs.

export type OldPage = {
  doc: Document;
  title: string | null;
  /** `var pageName = "dockets";` in the page script of a case tab. */
  pageName: string | null;
  /** `td.searchType`: `CASENUMBER - CAPTION (E-CASE)` on case tabs, a title on search pages. */
  captionCells: Element[];
  /** Every `table.detailRecordTable`, in page order. */
  detailTables: Element[];
  /** Forms in page order, with their non-empty hidden input values (first of each name wins). */
  forms: { name: string | null; inputs: Map<string, string> }[];
};

export type CaseIdentity = {
  caseNumber: string | null;
  courtId: string | null;
  caption: string | null;
};

type Form = OldPage['forms'][number];

export function indexOldPage(doc: Document): OldPage {
  const page: OldPage = { doc, title: null, pageName: null, captionCells: [], detailTables: [], forms: [] };
  walk(doc.children, page, null);
  return page;
}

export const parseOldPage = (html: string): OldPage => indexOldPage(parseHtml(html));

function walk(nodes: readonly Node[], page: OldPage, form: Form | null): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    let inner = form;
    switch (node.name) {
      case 'title':
        page.title ??= textOf(node);
        continue;
      case 'script':
        page.pageName ??= scriptPageName(node);
        continue;
      case 'style':
        continue;
      case 'td':
        if (hasClass(node, 'searchType')) page.captionCells.push(node);
        break;
      case 'table':
        if (hasClass(node, 'detailRecordTable')) page.detailTables.push(node);
        break;
      case 'form':
        inner = { name: attr(node, 'name') ?? null, inputs: new Map() };
        page.forms.push(inner);
        break;
      case 'input':
        if (form !== null) addHiddenInput(node, form.inputs);
        break;
    }
    walk(node.children, page, inner);
  }
}

function scriptPageName(script: Element): string | null {
  const first = script.children[0];
  if (first === undefined || isElement(first)) return null;
  return /\bpageName\s*=\s*["'](\w+)["']/.exec(first)?.[1] ?? null;
}

function addHiddenInput(input: Element, inputs: Map<string, string>): void {
  if ((attr(input, 'type') ?? '').toLowerCase() !== 'hidden') return;
  const name = attr(input, 'name');
  const value = normalizeText(attr(input, 'value'));
  if (name !== undefined && value !== null && !inputs.has(name)) inputs.set(name, value);
}

/**
 * Hidden `inputVO.*` values of the case-pallette form, or of the first form that carries a
 * non-empty case number AND court id. Search pages carry these inputs empty: they yield nothing.
 */
export function caseFormInputs(page: OldPage): Map<string, string> {
  const pallette = page.forms.find((form) => form.name === 'casePalletteForm');
  for (const form of pallette ? [pallette, ...page.forms] : page.forms) {
    if (form.inputs.has('inputVO.caseNumber') && form.inputs.has('inputVO.courtId')) return form.inputs;
  }
  return new Map();
}

/** Case number, court id and caption of an old case tab (nulls for what is absent). */
export function readCaseIdentity(page: OldPage): CaseIdentity {
  const inputs = caseFormInputs(page);
  const fromCell = readCaptionCell(page, inputs.get('inputVO.fileId') ?? null);
  return {
    caseNumber: inputs.get('inputVO.caseNumber') ?? fromCell?.caseNumber ?? null,
    courtId: inputs.get('inputVO.courtId') ?? null,
    caption: fromCell?.caption ?? inputs.get('inputVO.caseDesc') ?? null,
  };
}

const CAPTION_CELL = /^(\S+) - (.*)$/;
const DEFAULT_FILE_ID = /\s*\((?:E-CASE|PAPER)\)$/;

/** `CASENUMBER - CAPTION (E-CASE)` from `td.searchType`, the file id removed; null if none. */
export function readCaptionCell(page: OldPage, fileId: string | null = null): { caseNumber: string; caption: string | null } | null {
  for (const cell of page.captionCells) {
    const text = textOf(cell);
    const match = text === null ? null : CAPTION_CELL.exec(text);
    const caseNumber = match?.[1];
    if (!match || caseNumber === undefined || !looksLikeCaseNumber(caseNumber)) continue;
    let caption = match[2] ?? '';
    if (fileId !== null && caption.endsWith(fileId)) caption = caption.slice(0, -fileId.length);
    else caption = caption.replace(DEFAULT_FILE_ID, '');
    caption = caption.trim(); // already normalised: decoding again would unescape `&amp;lt;`
    return { caseNumber, caption: caption === '' ? null : caption };
  }
  return null;
}

/** Loose shape check: letters, digits and dashes with at least one digit (`14BA-CV01093`, `171155061`). */
const looksLikeCaseNumber = (text: string): boolean => /^[A-Z0-9][A-Z0-9-]{3,39}$/i.test(text) && /\d/.test(text);

/**
 * A detail cell that starts with a bold label (`&nbsp;&nbsp;<b>Filed By:</b> NAME`): the label
 * (normalised, colon kept) and the nodes after it. Null when the cell does not start with one.
 */
export function leadingLabel(cell: Element): { label: string; rest: Node[] } | null {
  const children = cell.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node === undefined) break;
    if (!isElement(node)) {
      if (normalizeText(node) === null) continue;
      return null;
    }
    if (node.name !== 'b' && node.name !== 'strong') return null;
    const label = textOf(node);
    if (label === null || !label.endsWith(':')) return null;
    return { label, rest: children.slice(i + 1) };
  }
  return null;
}
