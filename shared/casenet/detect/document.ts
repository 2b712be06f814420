// Document detectors: what a Case.net answer IS before anyone reads data from it. Case.net answers
// "no match" and maintenance with status 200, and bot walls sit in front of it, so none of these
// may be read as "docket now empty". Each takes the raw response text. Written examples live in
// document.examples.ts (tests only; production code never imports them).
//
// Messages sit above the data, so the text checks look only at the part of the page before the
// first data table: a docket entry that says "Defendant not found" must not turn a docket into a
// not-found page.

const DATA_TABLE = 'detailRecordTable';
/** Markup only real Case.net pages carry: the caption/title cell or a data table. */
const CASENET_CONTENT = /class=["']?(?:searchType|detailRecordTable)\b/i;

/** One case-insensitive regex for a list of patterns: one scan of the page instead of several. */
const anyOf = (patterns: RegExp[]): RegExp => new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

/** The page up to its first data table (the whole page when it has none). */
function preamble(html: string): string {
  const at = html.indexOf(DATA_TABLE);
  return at === -1 ? html : html.slice(0, at);
}

const MAINTENANCE = anyOf([
  /\b(?:under(?:going)?|down for|scheduled|performing|during|routine|system)\s+(?:(?:scheduled|routine|system|planned)\s+)?maintenance\b/i,
  /<title[^>]*>[^<]*\bmaintenance\b/i,
  /\bcase\.net is (?:currently |temporarily )?(?:unavailable|not available|down)\b/i,
  /\b(?:service|site|system) (?:is )?temporarily unavailable\b/i,
]);

/**
 * Case.net's maintenance page (often status 200): try again later, nothing changed. A page that
 * shows case content is not one, even under a "scheduled maintenance" banner.
 */
export function isMaintenancePage(html: string): boolean {
  const head = preamble(html);
  return MAINTENANCE.test(head) && !CASENET_CONTENT.test(html);
}

const NOT_FOUND = anyOf([
  /\breturned no matches\b/i,
  /\bno (?:cases?|records?|matches|results) (?:were |was )?(?:found|returned)\b/i,
  /\bno cases? match(?:ed|es)?\b/i,
  /\bcase\b[^.<]{0,60}\b(?:was |could )?not (?:be )?found\b/i,
]);

/** Case.net's 200 answer saying that no case matched (on a case tab or a search form). */
export function isNotFoundPage(html: string): boolean {
  const head = preamble(html);
  return NOT_FOUND.test(head);
}

const BOT_CHECK = anyOf([
  /<title[^>]*>\s*(?:access denied|just a moment|attention required|request rejected|pardon our interruption|security check)/i,
  /\brequest unsuccessful\. incapsula incident id\b/i,
  /_incapsula_resource|cf-browser-verification|challenge-platform|cf_chl_opt|cf-turnstile/i,
  /\bthe requested url was rejected\b/i,
  /\byou don't have permission to access\b[^<]{0,200}on this server/i,
  /\b(?:verify (?:that )?you are (?:a )?human|are you a robot)\b/i,
]);
const CAPTCHA_WIDGET = /class=["']?(?:g-recaptcha|h-captcha)\b/i;

/**
 * An access-denied page or automated-traffic challenge (Akamai, Incapsula, Cloudflare, F5, a
 * bare captcha). A captcha widget inside a real Case.net form does not count.
 */
export function isBotCheck(html: string): boolean {
  const head = preamble(html);
  if (BOT_CHECK.test(head)) return true;
  return CAPTCHA_WIDGET.test(head) && !CASENET_CONTENT.test(html);
}

const TAIL = 4_096;

/**
 * The answer was cut off: no closing `</html>` near the end, or a data table that never closes.
 * Only meaningful for pages that claim to be Case.net pages (other sites may omit `</html>`).
 */
export function looksTruncated(html: string): boolean {
  if (!/<\/html\s*>/i.test(html.slice(-TAIL))) return true;
  const table = html.indexOf(DATA_TABLE);
  if (table === -1) return false;
  return Math.max(html.lastIndexOf('</table'), html.lastIndexOf('</TABLE')) < table;
}
