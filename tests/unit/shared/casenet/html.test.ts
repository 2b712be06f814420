import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml, parseWithHtmlparser2 } from '../../../../shared/casenet/html';
import { scanHtml } from '../../../../shared/casenet/html-scan';

// The fast scanner must build exactly htmlparser2's tree, or give up (null). Checked on every
// saved page and on thousands of damaged copies of them (inserted markup, cuts, dropped tags).

const FIXTURES = join(import.meta.dirname, '../../../fixtures/casenet');
const pages = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => ({ name: entry.name, html: readFileSync(join(entry.parentPath, entry.name), 'utf8') }));

/** Same tree as htmlparser2, or null. */
function expectSameOrNull(html: string, label: string): boolean {
  const fast = scanHtml(html);
  if (fast !== null) expect(fast, label).toEqual(parseWithHtmlparser2(html));
  return fast !== null;
}

const SNIPPETS = [
  '<p>', '</p>', '<td>', '</td>', '<tr>', '</tr>', '<b>', '</b>', '<br>', '</br>', '<br/>', '<div>', '</div>', '<li>', '<option>',
  '<table>', '</table>', '<tbody>', '<th>', '<form>', '</form>', '<input type="hidden" name="x" value="1">', '<select>',
  '<script>', '</script>', '<title>', '</title>', '<textarea>', '<style>', '<xmp>', '<svg>', '<plaintext>', '<image>',
  '<!-- x -->', '<!--', '-->', '<!-->', '--!>', '<!DOCTYPE x>', '<!x>', '<![CDATA[x]]>', '<?x?>', '<', '</', '</ x>', '>', '"', "'", '=',
  '<a href="#">', '</a>', '<TD CLASS=detailData>', '<td class="a" class="b">', '<td a=b/>', '<td =x>', '&nbsp;', '\x0f', '\x1c', '<SCRIPT>', '</SCRIPT >',
];

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x80000000;
}

function damaged(html: string, next: () => number): string {
  let out = html;
  for (let edit = 0; edit < 1 + Math.floor(next() * 3); edit++) {
    const at = Math.floor(next() * out.length);
    const op = next();
    if (op < 0.5) out = out.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + out.slice(at);
    else if (op < 0.75) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 40));
    else {
      const tag = out.indexOf('<', at);
      if (tag !== -1) out = out.slice(0, tag) + out.slice(out.indexOf('>', tag) + 1);
    }
  }
  return out;
}

describe('fast HTML scanner', () => {
  it.each(pages.map((page) => [page.name, page.html]))('builds htmlparser2’s tree for %s', (name, html) => {
    expectSameOrNull(html, name);
  });

  it('reads the real Case.net pages itself', () => {
    for (const page of pages.filter((p) => !p.name.startsWith('bot-check'))) expect(scanHtml(page.html), page.name).not.toBeNull();
  });

  it('never differs from htmlparser2 on damaged pages', () => {
    const next = random(20_26);
    let fast = 0;
    for (let i = 0; i < 1_000; i++) {
      const page = pages[i % pages.length];
      if (page === undefined) continue;
      const html = damaged(page.html, next);
      if (expectSameOrNull(html, `${page.name} #${i}`)) fast++;
    }
    expect(fast).toBeGreaterThan(100); // it still reads damaged pages it can vouch for
  });

  it('never differs from htmlparser2 on a page cut anywhere', () => {
    const html = pages.find((p) => p.name === 'handmade-quirks-22SL-CC00807.html')?.html ?? '';
    for (let cut = 0; cut < html.length; cut += 7) expectSameOrNull(html.slice(0, cut), `cut at ${cut}`);
  });

  it('gives up where htmlparser2 closes elements by itself', () => {
    expect(scanHtml('<table><tr><td>a<td>b</table>')).toBeNull();
    expect(scanHtml('<p>a<div>b</div></p>')).toBeNull();
    expect(scanHtml('<b><i>x</b></i>')).toBeNull();
    expect(scanHtml('<form><form></form></form>')).toBeNull();
    expect(scanHtml('<svg><path/></svg>')).toBeNull();
    expect(scanHtml('<table><tr><td>a</td></tr></table>')).not.toBeNull();
  });

  it('keeps text raw, drops comments but keeps the text on either side apart', () => {
    expect(parseHtml('<td class="x">a&amp;b<!-- c -->d<script>if (a<b) x="</td>";</script></td>')).toEqual({
      children: [{ name: 'td', attrs: ['class', 'x'], children: ['a&amp;b', 'd', { name: 'script', attrs: [], children: ['if (a<b) x="</td>";'] }] }],
    });
  });
});
