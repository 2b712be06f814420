// The content script starts at document_start, while the HTML parser is still building the page:
// these wait for exactly as much of the page as a feature needs.

/** Resolves at DOMContentLoaded (at once when the parser is already done). */
export function domContentLoaded(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Whether the parser is done with `el`: the whole document is parsed, or a node already follows
 * `el` (the parser only appends, so nothing more goes inside it).
 */
function isParsed(el: Element): boolean {
  if (el.ownerDocument.readyState !== 'loading') return true;
  for (let node: Node | null = el; node !== null; node = node.parentNode) {
    if (node.nextSibling !== null) return true;
  }
  return false;
}

/**
 * The element `find()` returns, as soon as the parser is done with it (long before the rest of a
 * long page); at DOMContentLoaded, whatever `find()` returns then (null: there is none).
 */
export function whenParsed<T extends Element>(doc: Document, find: () => T | null): Promise<T | null> {
  /** The answer, or undefined while it may still come. */
  const answer = (): T | null | undefined => {
    const el = find();
    if (el !== null && isParsed(el)) return el;
    return doc.readyState === 'loading' ? undefined : el;
  };
  const now = answer();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const check = (): void => {
      const el = answer();
      if (el === undefined) return;
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', check);
      resolve(el);
    };
    const observer = new MutationObserver(check);
    observer.observe(doc, { childList: true, subtree: true });
    doc.addEventListener('DOMContentLoaded', check);
  });
}
