import { parseDocument } from 'htmlparser2';
import { findAll, findOne } from 'domutils';
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { normalizeText } from './normalize';

// Small DOM-free helpers over htmlparser2 + domutils. Text and attribute values come back raw
// (entities NOT decoded): normalizeText() decodes them exactly once.

export type { Document, Element };

/** Parse once; entities stay encoded so normalizeText() is the only decoder. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: false });
}

export function hasClass(el: Element, className: string): boolean {
  const value = el.attribs['class'];
  if (value === undefined) return false;
  if (value === className) return true;
  return value.split(/\s+/).includes(className);
}

/** Predicate: tag name (lower case) and, optionally, a class. */
export const byTag =
  (tag: string, className?: string) =>
  (el: Element): boolean =>
    el.name === tag && (className === undefined || hasClass(el, className));

export function findAllIn(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element[] {
  return findAll(test, Array.isArray(root) ? root : [root]);
}

export function findFirstIn(root: AnyNode | AnyNode[], test: (el: Element) => boolean): Element | null {
  return findOne(test, Array.isArray(root) ? root : [root], true);
}

/** Raw attribute value (entities still encoded), or undefined. */
export const attr = (el: Element, name: string): string | undefined => el.attribs[name];

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
// Elements whose boundaries separate words (so `a<br>b` reads "a b", not "ab").
const BREAKING = new Set(['br', 'p', 'div', 'td', 'th', 'tr', 'li', 'table', 'tbody', 'ul', 'ol', 'hr']);

/** Raw visible text of the nodes (script/style skipped, breaks as spaces). Not yet normalised. */
function rawText(nodes: AnyNode | readonly AnyNode[]): string {
  const out: string[] = [];
  collectText(Array.isArray(nodes) ? nodes : [nodes as AnyNode], out);
  return out.join('');
}

function collectText(nodes: readonly AnyNode[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      if (SKIPPED.has(node.name)) continue;
      const breaking = BREAKING.has(node.name);
      if (breaking) out.push(' ');
      collectText(node.children, out);
      if (breaking) out.push(' ');
    }
  }
}

/** Normalised visible text of the nodes, or null when there is none. */
export function textOf(nodes: AnyNode | readonly AnyNode[]): string | null {
  return normalizeText(rawText(nodes));
}

/** The `tr` rows of a table, in order, not descending into nested tables. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node) || node.name === 'table') continue;
      if (node.name === 'tr') rows.push(node);
      else walk(node.children);
    }
  };
  walk(table.children);
  return rows;
}

/** The `td`/`th` cells of a row, in order (through wrappers such as a stray `<form>`). */
export function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node) || node.name === 'tr' || node.name === 'table') continue;
      if (node.name === 'td' || node.name === 'th') cells.push(node);
      else walk(node.children);
    }
  };
  walk(row.children);
  return cells;
}
