import { TreeBuilder, addAttr, type Document } from './html-tree';
import { spells, tagAt } from './html-tags';

// A fast path in front of htmlparser2 for the plain, well-nested markup of Case.net's JSP pages.
// It builds the tree htmlparser2's Parser would build (decodeEntities off, HTML mode), but finds
// markup with indexOf instead of a per-character state machine (several times faster on the 80 kB
// docket page). Wherever the two could differ it gives up and returns null, and the caller parses
// the page with htmlparser2: an end tag that does not close the current element, a start tag
// htmlparser2 would use to close its parent implicitly, a nested form, SVG/MathML, unusual
// `<!…>`/`</…>` markup, or input that ends inside a tag or comment.
// tests/unit/shared/casenet/html.test.ts compares both on saved pages and on mutated ones.

const TAB = 9, LF = 10, FF = 12, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, SQUOTE = 39, DASH = 45, SLASH = 47, EQ = 61, GT = 62, QMARK = 63;

const DOCTYPE = 'doctype';

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === FF || c === CR;
const endsTagName = (c: number): boolean => c === SLASH || c === GT || isSpace(c);
const isAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAlnum = (c: number): boolean => isAlpha(c) || (c >= 48 && c <= 57);
/** A character `toLowerCase()` may change (ASCII capitals; anything non-ASCII is left to it). */
const mayChangeCase = (c: number): boolean => (c >= 65 && c <= 90) || c > 127;

/** The tree htmlparser2 would build from `html`, or null when this scanner cannot be sure of it. */
export function scanHtml(html: string): Document | null {
  // htmlparser2 compares end-tag bytes with `| 0x20`, so U+000F and U+001C would match `/` and `<`.
  if (html.includes('\x0f') || html.includes('\x1c')) return null;
  const tree = new TreeBuilder();
  return new Scanner(html, tree).run() ? tree.doc : null;
}

/** Each step takes the index of a `<` and returns the index after its construct, or -1 to give up. */
class Scanner {
  /** Names of the open elements, innermost last (htmlparser2's stack). */
  private readonly stack: string[] = [];
  constructor(
    private readonly html: string,
    private readonly tree: TreeBuilder,
  ) {}

  run(): boolean {
    const { html } = this;
    let textStart = 0;
    let at = html.indexOf('<');
    while (at !== -1) {
      const next = html.charCodeAt(at + 1);
      if (!isAlpha(next) && next !== SLASH && next !== BANG && next !== QMARK) {
        if (at + 1 >= html.length) return false;
        at = html.indexOf('<', at + 1); // a lone `<` is text
        continue;
      }
      if (at > textStart) this.tree.text(html.slice(textStart, at));
      const end = isAlpha(next) ? this.startTag(at) : next === SLASH ? this.endTag(at) : this.declaration(at);
      if (end === -1) return false;
      textStart = end;
      at = html.indexOf('<', end);
    }
    if (textStart < html.length) this.tree.text(html.slice(textStart));
    return true;
  }

  /** `<name attrs>`. */
  private startTag(at: number): number {
    const { html, stack } = this;
    let i = at + 1;
    while (isAlnum(html.charCodeAt(i))) i++;
    if (!endsTagName(html.charCodeAt(i))) return -1; // other characters in the name, or the end of input
    const tag = tagAt(html, at + 1, i);
    const attrs: string[] = [];
    const end = this.attributes(i, attrs);
    if (end === -1 || tag.kind === 'unsupported') return -1;
    const top = stack[stack.length - 1];
    if (top !== undefined && tag.closes.includes(top)) return -1;
    if (tag.name === 'form' && stack.includes('form')) return -1;
    this.tree.openTag(tag.name, attrs);
    if (tag.kind === 'void') {
      this.tree.closeTag();
      return end;
    }
    stack.push(tag.name);
    return tag.kind === 'raw' ? this.rawText(tag.name, end) : end;
  }

  /**
   * Attributes from `start` to the tag's `>` (in HTML a `/>` is a `>`), as htmlparser2 reads
   * them: names lower-cased, values raw, the first of a name kept.
   */
  private attributes(start: number, attrs: string[]): number {
    const { html } = this;
    let i = start;
    for (;;) {
      if (i >= html.length) return -1;
      const c = html.charCodeAt(i);
      if (c === GT) return i + 1;
      if (c === SLASH || isSpace(c)) {
        i++;
        continue;
      }
      if (c === EQ) return -1; // htmlparser2 would start the name with `=`
      const nameStart = i;
      let lower = true;
      for (let d = c; i < html.length && d !== EQ && !endsTagName(d); d = html.charCodeAt(++i)) lower &&= !mayChangeCase(d);
      const name = lower ? html.slice(nameStart, i) : html.slice(nameStart, i).toLowerCase();
      while (isSpace(html.charCodeAt(i))) i++;
      let value = '';
      if (html.charCodeAt(i) === EQ) {
        i++;
        while (isSpace(html.charCodeAt(i))) i++;
        const quote = html.charCodeAt(i);
        if (quote === DQUOTE || quote === SQUOTE) {
          const close = html.indexOf(quote === DQUOTE ? '"' : "'", i + 1);
          if (close === -1) return -1;
          value = html.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== GT) i++;
          value = html.slice(valueStart, i);
        }
      }
      addAttr(attrs, name, value);
    }
  }

  /** Content of script/style/title/textarea (from `start`) up to its end tag, and that end tag. */
  private rawText(name: string, start: number): number {
    const { html } = this;
    for (let at = html.indexOf('</', start); at !== -1; at = html.indexOf('</', at + 1)) {
      let i = 0;
      while (i < name.length && (html.charCodeAt(at + 2 + i) | 0x20) === name.charCodeAt(i)) i++;
      if (i < name.length || !endsTagName(html.charCodeAt(at + 2 + i))) continue;
      if (at > start) this.tree.text(html.slice(start, at));
      return this.endTag(at);
    }
    return -1;
  }

  /** `</name …>`: must close the current element. */
  private endTag(at: number): number {
    const { html, stack } = this;
    const top = stack[stack.length - 1];
    if (!isAlpha(html.charCodeAt(at + 2)) || top === undefined) return -1;
    let i = at + 2;
    while (i < html.length && !endsTagName(html.charCodeAt(i))) i++;
    const close = html.indexOf('>', i);
    if (close === -1 || i - (at + 2) !== top.length || !spells(html, at + 2, top)) return -1;
    stack.pop();
    this.tree.closeTag();
    return close + 1;
  }

  /** `<!-- … -->`, `<!DOCTYPE …>` or `<? … >`: not kept, but a text boundary. */
  private declaration(at: number): number {
    const { html } = this;
    if (html.charCodeAt(at + 1) === QMARK) return this.boundary(html.indexOf('>', at + 2), 1);
    if (html.startsWith('<!--', at)) return this.comment(at + 4);
    for (let i = 0; i < DOCTYPE.length; i++) {
      if ((html.charCodeAt(at + 2 + i) | 0x20) !== DOCTYPE.charCodeAt(i)) return -1;
    }
    return this.boundary(html.indexOf('>', at + 2 + DOCTYPE.length), 1);
  }

  /** A comment's text from `start` to the first `-->`. */
  private comment(start: number): number {
    const { html } = this;
    const first = html.charCodeAt(start);
    if (first === GT || (first === DASH && html.charCodeAt(start + 1) === GT)) return -1; // `<!-->`, `<!--->`
    const close = html.indexOf('-->', start);
    if (close === -1 || html.slice(start, close).includes('--!>')) return -1;
    return this.boundary(close, 3);
  }

  /** Past the end marker (`length` long) at `close`; -1 when there is none. */
  private boundary(close: number, length: number): number {
    if (close === -1) return -1;
    this.tree.boundary();
    return close + length;
  }
}
