// What htmlparser2 12's Parser does by itself with each tag name (its voidElements and
// openImpliesClose tables, plus the elements whose content is raw text), for the fast scanner
// (html-scan.ts). Known names are found without making a string: by length and first and last
// letter, then compared letter by letter.

export type Tag = {
  /** Lower case. */
  readonly name: string;
  /** Open elements that htmlparser2 closes when this one starts. */
  readonly closes: readonly string[];
  /** `raw`: content is text up to the end tag; `unsupported`: parsed in ways the scanner does not follow. */
  readonly kind: 'void' | 'raw' | 'unsupported' | 'normal';
};

const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM_CONTROLS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const CLOSED_BY_OPENING: Record<string, readonly string[]> = {
  tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], a: ['a'], li: ['li'],
  p: P, h1: HEADINGS, h2: HEADINGS, h3: HEADINGS, h4: HEADINGS, h5: HEADINGS, h6: HEADINGS,
  select: FORM_CONTROLS, input: FORM_CONTROLS, output: FORM_CONTROLS, button: FORM_CONTROLS, datalist: FORM_CONTROLS, textarea: FORM_CONTROLS,
  option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'], rt: ['rt', 'rp'], rp: ['rt', 'rp'],
  address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P, footer: P,
  form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P, tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
};
const KINDS: Record<Exclude<Tag['kind'], 'normal'>, readonly string[]> = {
  void: ['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
  raw: ['script', 'style', 'title', 'textarea'],
  unsupported: ['svg', 'math', 'image', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'],
};
/** Other names common on Case.net pages (no rules of their own; listed only to be found fast). */
const PLAIN = ['html', 'head', 'span', 'font', 'center', 'label', 'strong', 'b', 'i', 'u', 'em', 'small', 'big', 'sup', 'sub', 'nobr', 'caption', 'thead', 'colgroup', 'noscript'];

const NONE: readonly string[] = [];
const KNOWN = new Map<string, Tag>();
for (const name of PLAIN) KNOWN.set(name, { name, closes: NONE, kind: 'normal' });
for (const [name, closes] of Object.entries(CLOSED_BY_OPENING)) KNOWN.set(name, { name, closes, kind: 'normal' });
for (const [kind, names] of Object.entries(KINDS) as [Tag['kind'], readonly string[]][]) {
  for (const name of names) KNOWN.set(name, { name, closes: KNOWN.get(name)?.closes ?? NONE, kind });
}

/** ASCII upper-case letters lower-cased; every other code unit as it is. */
export const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

const keyOf = (length: number, first: number, last: number): number => length * 65_536 + first * 256 + last;
const BY_KEY = new Map<number, Tag[]>();
for (const tag of KNOWN.values()) {
  const key = keyOf(tag.name.length, tag.name.charCodeAt(0), tag.name.charCodeAt(tag.name.length - 1));
  BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), tag]);
}

/** Whether `html` spells the lower-case ASCII `name` at `start`, in any letter case. */
export function spells(html: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (lowerAscii(html.charCodeAt(start + i)) !== name.charCodeAt(i)) return false;
  return true;
}

/** The tag named by `html` from `start` to `end` (ASCII letters and digits only). */
export function tagAt(html: string, start: number, end: number): Tag {
  const key = keyOf(end - start, lowerAscii(html.charCodeAt(start)), lowerAscii(html.charCodeAt(end - 1)));
  for (const tag of BY_KEY.get(key) ?? NO_TAGS) if (spells(html, start, tag.name)) return tag;
  return { name: html.slice(start, end).toLowerCase(), closes: NONE, kind: 'normal' };
}
const NO_TAGS: readonly Tag[] = [];
