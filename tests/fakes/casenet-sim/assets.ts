import type { SimResponse } from './faults';

// Static files the old pages load (stylesheet, scripts, images), so a real browser shows the pages
// without errors. They are not Case.net data: never logged, never faulted.

const CASENET_JS = `function getObjectById(id) { return document.getElementById(id); }
function showWidget(id) { var el = getObjectById(id); if (el) el.style.visibility = 'visible'; }
function hideWidget(id) { var el = getObjectById(id); if (el) el.style.visibility = 'hidden'; }
`;

const CASENET_CSS = `body { font-family: Arial, Helvetica, sans-serif; font-size: 9pt; margin: 0; }
.outerTable { width: 100%; height: 100%; }
.headerTable { width: 100%; background: #1f3b63; color: #fff; }
.primaryNav { width: 100%; background: #c9d6e8; }
.primaryNavText { color: #1f3b63; font-weight: bold; }
.searchType { font-size: 12pt; font-weight: bold; text-align: center; color: #1f3b63; }
.detailRecordTable { width: 100%; border-collapse: collapse; }
.detailSeperator { background: #d9e3f0; height: 4px; }
.detailLabels { font-weight: bold; vertical-align: top; }
.detailData { vertical-align: top; }
.td1 { background: #ffffff; } .td2 { background: #eef2f8; }
.header { font-weight: bold; background: #c9d6e8; }
.messageLine { color: #a00; font-weight: bold; }
.footerCell { font-size: 8pt; color: #555; }
`;

const TAB_LABELS: Record<string, string> = {
  caseheader: 'Case Header',
  parties: 'Parties',
  docketent: 'Docket Entries',
  charges: 'Charges',
  serviceinfo: 'Service',
  filingsdue: 'Filings Due',
  heartrial: 'Hearings',
  judgements: 'Judgments',
  garn: 'Garnishment',
};

/** Pictures are drawn as SVG (browsers go by the content type, not the `.gif` name): tabs get their label. */
function picture(name: string): string {
  const label = TAB_LABELS[name.replace(/(?:goy|no)$/, '')];
  if (label === undefined) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="24"><rect width="95" height="23" x="0.5" y="0.5" fill="#e6ecf4" stroke="#1f3b63"/><text x="48" y="16" font-family="Arial" font-size="11" text-anchor="middle" fill="#1f3b63">${label}</text></svg>`;
}

/** The asset at `page` (path below the base), or null when it is not one. */
export function staticAsset(page: string): SimResponse | null {
  if (/^scripts\/[\w.-]+\.js$/.test(page)) return { status: 200, type: 'text/javascript', body: page === 'scripts/casenet.js' ? CASENET_JS : '' };
  if (/^styles\/[\w.-]+\.css$/.test(page)) return { status: 200, type: 'text/css', body: CASENET_CSS };
  const pic = /^pics\/([\w.-]+)\.(?:gif|jpg|png)$/.exec(page);
  if (pic) return { status: 200, type: 'image/svg+xml', body: picture(pic[1] ?? '') };
  return null;
}
