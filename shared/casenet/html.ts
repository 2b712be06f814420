import { Parser } from 'htmlparser2';
import { scanHtml } from './html-scan';
import { TreeBuilder, addAttr, isElement, type Document, type Element, type Node } from './html-tree';
import { normalizeText } from './normalize';

// Parsing a page into a small DOM-free tree, and the few queries the readers need. Text and
// attribute values come back raw (entities NOT decoded): normalizeText() decodes them exactly once.

export type { Document, Element, Node };
export { isElement };

/** Parse once: the fast scanner when it can vouch for the tree, htmlparser2 otherwise. */
export function parseHtml(html: string): Document {
  return scanHtml(html) ?? parseWithHtmlparser2(html);
}

/** htmlparser2's tree (entities left encoded), attributes in page order. */
export function parseWithHtmlparser2(html: string): Document {
  const tree = new TreeBuilder();
  // Attributes arrive before their tag; those of a tag htmlparser2 drops (a nested form) are lost.
  let attrs: string[] = [];
  const parser = new Parser(
    {
      onopentagname: () => (attrs = []),
      onattribute: (name, value) => addAttr(attrs, name, value),
      onopentag: (name) => {
        tree.openTag(name, attrs);
        attrs = [];
      },
      onclosetag: () => tree.closeTag(),
      ontext: (data) => tree.text(data),
      oncomment: () => tree.boundary(),
      onprocessinginstruction: () => tree.boundary(),
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return tree.doc;
}

/** Raw attribute value (entities still encoded), or undefined. */
export function attr(el: Element, name: string): string | undefined {
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

const CLASS_SEPARATOR = /\s+/;

export function hasClass(el: Element, className: string): boolean {
  const value = attr(el, 'class');
  if (value === undefined || !value.includes(className)) return false; // the common answer, cheaply
  return value === className || value.split(CLASS_SEPARATOR).includes(className);
}

/** Predicate: tag name (lower case) and, optionally, a class. */
export const byTag =
  (tag: string, className?: string) =>
  (el: Element): boolean =>
    el.name === tag && (className === undefined || hasClass(el, className));

const isNodeList = (nodes: Node | readonly Node[]): nodes is readonly Node[] => Array.isArray(nodes);

/** Every matching element, in page order (a match's own descendants are searched too). */
export function findAllIn(nodes: readonly Node[], test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  collectMatches(nodes, test, found);
  return found;
}

function collectMatches(nodes: readonly Node[], test: (el: Element) => boolean, found: Element[]): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) found.push(node);
    collectMatches(node.children, test, found);
  }
}

/** The first matching element in page order, or null. */
export function findFirstIn(nodes: readonly Node[], test: (el: Element) => boolean): Element | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (test(node)) return node;
    const inner = findFirstIn(node.children, test);
    if (inner !== null) return inner;
  }
  return null;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
// Elements whose boundaries separate words (so `a<br>b` reads "a b", not "ab").
const BREAKING = new Set(['br', 'p', 'div', 'td', 'th', 'tr', 'li', 'table', 'tbody', 'ul', 'ol', 'hr']);

/** Raw visible text of the nodes (script/style skipped, breaks as spaces). Not yet normalised. */
function rawText(nodes: Node | readonly Node[]): string {
  return isNodeList(nodes) ? textIn(nodes, '') : textIn([nodes], '');
}

/** `text` followed by the raw text of the nodes. */
function textIn(nodes: readonly Node[], text: string): string {
  let out = text;
  for (const node of nodes) {
    if (!isElement(node)) out += node;
    else if (!SKIPPED.has(node.name)) {
      const breaking = BREAKING.has(node.name);
      out = textIn(node.children, breaking ? `${out} ` : out);
      if (breaking) out += ' ';
    }
  }
  return out;
}

/** Normalised visible text of the nodes, or null when there is none. */
export function textOf(nodes: Node | readonly Node[]): string | null {
  return normalizeText(rawText(nodes));
}

/** The `tr` rows of a table, in order, not descending into nested tables. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  collectRows(table.children, rows);
  return rows;
}

function collectRows(nodes: readonly Node[], rows: Element[]): void {
  for (const node of nodes) {
    if (!isElement(node) || node.name === 'table') continue;
    if (node.name === 'tr') rows.push(node);
    else collectRows(node.children, rows);
  }
}

/** The `td`/`th` cells of a row, in order (through wrappers such as a stray `<form>`). */
export function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  collectCells(row.children, cells);
  return cells;
}

function collectCells(nodes: readonly Node[], cells: Element[]): void {
  for (const node of nodes) {
    if (!isElement(node) || node.name === 'tr' || node.name === 'table') continue;
    if (node.name === 'td' || node.name === 'th') cells.push(node);
    else collectCells(node.children, cells);
  }
}
