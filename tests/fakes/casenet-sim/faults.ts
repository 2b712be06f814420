import { esc } from './html';
import type { Fault, FaultMode } from './state';

// What a faulty Case.net sends. Faults that replace the answer outright (503, 429, maintenance,
// bot check) are built here; faults that distort a real page (layout, empty, not found, truncated)
// are applied by the router, which knows the page. `timeout` sends nothing at all.

export type SimResponse = { status: number; type: string; body: string; headers?: Record<string, string> };

export const HTML = 'text/html;charset=UTF-8';
const TEXT = 'text/plain; charset=utf-8';

/** What kind of answer a route gives, so each fault is only used on requests it can affect. */
export type RouteKind = 'case' | 'docket' | 'search' | 'other';

/** Whether `mode` changes the answer to a request of this kind (faults that do not apply are not used up). */
export function faultApplies(mode: FaultMode, kind: RouteKind): boolean {
  switch (mode) {
    case 'empty':
      return kind === 'docket';
    case 'notfound':
      return kind === 'case' || kind === 'docket';
    case 'layout':
    case 'truncated':
      return kind !== 'other';
    default:
      return true;
  }
}

const MAINTENANCE_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>Case.net - Scheduled Maintenance</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
</head>
<body style="font-family: Arial, Helvetica, sans-serif;">
<div style="text-align:center; margin-top: 40px;">
	<img src="/casenet/pics/casenet_logo2.jpg" alt="Case.net Logo" />
	<h2>Case.net is currently unavailable</h2>
	<p>Case.net is down for scheduled maintenance. Case.net is routinely unavailable Monday through Friday
	from 1:00 a.m. to 6:00 a.m. Central Time while the courts' databases are updated.</p>
	<p>We apologize for any inconvenience. Please try again later.</p>
	<p><a href="/">Your Missouri Courts</a></p>
</div>
</body>
</html>
`;

/** Akamai-style refusal, as large sites put in front of automated traffic. */
function botCheckPage(path: string): string {
  const reference = `#18.${(path.length * 2654435761) % 0xffffffff}.1700000000.${path.length}`;
  return `<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>
 
You don't have permission to access "http&#58;&#47;&#47;www&#46;courts&#46;mo&#46;gov${esc(path).replace(/\//g, '&#47;').replace(/\./g, '&#46;')}" on this server.<P>
Reference&#32;${reference}
</BODY>
</HTML>
`;
}

/** The full answer for faults that replace the page; null for those that distort it (or timeout). */
export function faultResponse(fault: Fault, path: string): SimResponse | null {
  switch (fault.mode) {
    case '503':
      return {
        status: 503,
        type: TEXT,
        body: 'Service Unavailable\n',
        headers: fault.retryAfter === null ? {} : { 'Retry-After': String(fault.retryAfter) },
      };
    case '429':
      return { status: 429, type: TEXT, body: 'Too Many Requests\n', headers: { 'Retry-After': String(fault.retryAfter ?? 30) } };
    case 'maintenance':
      return { status: 200, type: HTML, body: MAINTENANCE_PAGE };
    case 'botcheck':
      return { status: 403, type: HTML, body: botCheckPage(path) };
    default:
      return null;
  }
}

/**
 * The answer cut off partway: an HTML page in the middle of its first data table (or in the middle
 * of the page when it has none), a JSON body in the middle.
 */
export function truncate(body: string): string {
  const table = body.search(/<table class="(?:detailRecordTable|docketEntryGrid)"/);
  if (table !== -1) {
    const end = body.indexOf('</table>', table);
    const stop = end === -1 ? body.length : end;
    return body.slice(0, table + Math.max(1, Math.floor((stop - table) / 2)));
  }
  return body.slice(0, Math.floor(body.length / 2));
}
