// The parsed page: a minimal DOM-free tree. Text and attribute values stay raw (entities NOT
// decoded): normalizeText() decodes them exactly once. Comments and `<!DOCTYPE>` are not kept, but
// the text on either side of one stays two strings, as domhandler would keep two text nodes.

/** An element. `attrs` holds name/value pairs (`[name0, value0, name1, …]`); the first of a name wins. */
export type Element = { name: string; attrs: string[]; children: Node[] };
/** Raw text, or an element. */
export type Node = Element | string;
export type Document = { children: Node[] };

export const isElement = (node: Node): node is Element => typeof node !== 'string';

/** Adds a name/value pair unless the element has that name already (htmlparser2 keeps the first). */
export function addAttr(attrs: string[], name: string, value: string): void {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return;
  attrs.push(name, value);
}

/** Builds a Document from parser events (htmlparser2's Parser or the fast scanner). */
export class TreeBuilder {
  readonly doc: Document = { children: [] };
  private readonly open: (Document | Element)[] = [this.doc];
  private current: Document | Element = this.doc;
  /** The last child of `current` is text that the next text continues. */
  private inText = false;

  openTag(name: string, attrs: string[]): void {
    const element: Element = { name, attrs, children: [] };
    this.current.children.push(element);
    this.open.push(element);
    this.current = element;
    this.inText = false;
  }

  closeTag(): void {
    if (this.open.length > 1) this.open.pop();
    this.current = this.open[this.open.length - 1] ?? this.doc;
    this.inText = false;
  }

  text(data: string): void {
    const children = this.current.children;
    if (this.inText) children[children.length - 1] += data;
    else children.push(data);
    this.inText = true;
  }

  /** A comment or declaration: dropped, but it separates the text around it. */
  boundary(): void {
    this.inText = false;
  }
}
