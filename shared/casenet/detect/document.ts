// Document detectors: what a Case.net answer IS before anyone reads data from it. Case.net answers
// "no match" and maintenance with status 200, and bot walls sit in front of it, so none of these
// may be read as "docket now empty". Each takes the raw response text. Written examples live in
// document.examples.ts (tests only; production code never imports them).
//
// Messages sit above the data, so the text checks look only at the part of the page before the
// first data table: a docket entry that says "Defendant not found" must not turn a docket into a
// not-found page.

/** Markup only real Case.net pages carry: the caption/title cell or a data table. */
const CASENET_CONTENT = /class=["']?(?:searchType|detailRecordTable)\b/i;

/** Where the first data table is named (`detailRecordTable`), or -1. */
function firstDataTable(html: string): number {
  // Looks for the rarer half first: V8 finds `RecordTable` far faster than `detail…`, whose `d`
  // occurs all over a page.
  for (let at = html.indexOf('RecordTable'); at !== -1; at = html.indexOf('RecordTable', at + 1)) {
    if (at >= 6 && html.startsWith('detail', at - 6)) return at - 6;
  }
  return -1;
}

/** The page up to its first data table (the whole page when it has none). */
function preamble(html: string): string {
  const at = firstDataTable(html);
  return at === -1 ? html : html.slice(0, at);
}

/** A case-insensitive pattern, and words it cannot match without (lower case). */
type Rule = readonly [words: readonly string[], pattern: RegExp];

const MAINTENANCE: Rule[] = [
  [['maintenance'], /\b(?:under(?:going)?|down for|scheduled|performing|during|routine|system)\s+(?:(?:scheduled|routine|system|planned)\s+)?maintenance\b/i],
  [['maintenance'], /<title[^>]*>[^<]*\bmaintenance\b/i],
  [['case.net is'], /\bcase\.net is (?:currently |temporarily )?(?:unavailable|not available|down)\b/i],
  [['temporarily unavailable'], /\b(?:service|site|system) (?:is )?temporarily unavailable\b/i],
];

const NOT_FOUND: Rule[] = [
  [['returned no matches'], /\breturned no matches\b/i],
  [['found', 'returned'], /\bno (?:cases?|records?|matches|results) (?:were |was )?(?:found|returned)\b/i],
  [[' match'], /\bno cases? match(?:ed|es)?\b/i],
  [['found'], /\bcase\b[^.<]{0,60}\b(?:was |could )?not (?:be )?found\b/i],
];

const BOT_CHECK: Rule[] = [
  [
    ['access denied', 'just a moment', 'attention required', 'request rejected', 'pardon our interruption', 'security check'],
    /<title[^>]*>\s*(?:access denied|just a moment|attention required|request rejected|pardon our interruption|security check)/i,
  ],
  [['incapsula incident id'], /\brequest unsuccessful\. incapsula incident id\b/i],
  [['_incapsula_resource', 'cf-browser-verification', 'challenge-platform', 'cf_chl_opt', 'cf-turnstile'], /_incapsula_resource|cf-browser-verification|challenge-platform|cf_chl_opt|cf-turnstile/i],
  [['requested url was rejected'], /\bthe requested url was rejected\b/i],
  [['permission to access'], /\byou don't have permission to access\b[^<]{0,200}on this server/i],
  [['human', 'are you a robot'], /\b(?:verify (?:that )?you are (?:a )?human|are you a robot)\b/i],
];
const CAPTCHA_WIDGET = /class=["']?(?:g-recaptcha|h-captcha)\b/i;

// Every scan of a page costs about the same, so one scan for all the rules' words comes first: a
// healthy page has none of them, and then no pattern can match. The page is lower-cased for it
// (the words are lower case and ASCII; a case-sensitive scan is faster, and lower-casing never
// hides an ASCII letter). One regex joining the patterns themselves would be slower than trying
// them one by one: V8 skips ahead to a word, but tries a joined alternation at every character.
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDS = new RegExp([...new Set([...MAINTENANCE, ...NOT_FOUND, ...BOT_CHECK].flatMap(([words]) => words))].map(escapeRegExp).join('|'));
const anyRule = (rules: readonly Rule[], head: string): boolean => rules.some(([, pattern]) => pattern.test(head));

export type PageMessages = { botCheck: boolean; maintenance: boolean; notFound: boolean };

/** The three message detectors below, reading the page once (what parsePage uses). */
export function pageMessages(html: string): PageMessages {
  const head = preamble(html);
  const worded = WORDS.test(head.toLowerCase());
  return {
    botCheck: (worded && anyRule(BOT_CHECK, head)) || (CAPTCHA_WIDGET.test(head) && !CASENET_CONTENT.test(html)),
    maintenance: worded && anyRule(MAINTENANCE, head) && !CASENET_CONTENT.test(html),
    notFound: worded && anyRule(NOT_FOUND, head),
  };
}

/**
 * Case.net's maintenance page (often status 200): try again later, nothing changed. A page that
 * shows case content is not one, even under a "scheduled maintenance" banner.
 */
export const isMaintenancePage = (html: string): boolean => pageMessages(html).maintenance;

/** Case.net's 200 answer saying that no case matched (on a case tab or a search form). */
export const isNotFoundPage = (html: string): boolean => pageMessages(html).notFound;

/**
 * An access-denied page or automated-traffic challenge (Akamai, Incapsula, Cloudflare, F5, a
 * bare captcha). A captcha widget inside a real Case.net form does not count.
 */
export const isBotCheck = (html: string): boolean => pageMessages(html).botCheck;

const TAIL = 4_096;

/**
 * The answer was cut off: no closing `</html>` near the end, or a data table that never closes.
 * Only meaningful for pages that claim to be Case.net pages (other sites may omit `</html>`).
 */
export function looksTruncated(html: string): boolean {
  if (!/<\/html\s*>/i.test(html.slice(-TAIL))) return true;
  const table = firstDataTable(html);
  if (table === -1) return false;
  // No `</table` (or `</TABLE`) after it. The last lower-case one is usually near the end.
  return html.lastIndexOf('</table') < table && html.indexOf('</TABLE', table) === -1;
}
