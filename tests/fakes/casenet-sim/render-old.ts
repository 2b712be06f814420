import { captionTable, esc, noMatchesTable, oldPage, usDate, type Base } from './html';
import { sortedEntries, type SimCase, type SimEntry } from './state';

// Old generation (JSP) case tabs, one page per tab, following the real docket page
// (samples/old-docket-14BA-CV01093.html) and parties page (samples/old-parties-200833276.html):
// caption in `td.searchType`, the hidden `casePalletteForm`, tab images, then the tab's
// `table.detailRecordTable`.

export type OldTab = 'header' | 'docket' | 'parties' | 'events' | 'charges' | 'service' | 'filings' | 'judgements' | 'garnishment';

/** How a docket page deviates from the truth (set by faults). */
export type DocketVariant = 'normal' | 'empty' | 'layout';

const TAB_INFO: Record<OldTab, { pageName: string; title: string }> = {
  header: { pageName: 'header', title: 'Case Header' },
  docket: { pageName: 'dockets', title: 'Docket Entries' },
  parties: { pageName: 'parties', title: 'Party Information' },
  events: { pageName: 'events', title: 'Scheduled Hearings & Trials' },
  charges: { pageName: 'charges', title: 'Charges, Judgments & Sentences' },
  service: { pageName: 'service', title: 'Service Information' },
  filings: { pageName: 'filings', title: 'Filings Due' },
  judgements: { pageName: 'judgements', title: 'Civil Judgments' },
  garnishment: { pageName: 'garnishments', title: 'Garnishment/Execution' },
};

const TAB_LINKS: [string, string, string][] = [
  ['header.do', 'header', 'caseheader'],
  ['parties.do', 'parties', 'parties'],
  ['searchDockets.do', 'docket', 'docketent'],
  ['charges.do', 'charge', 'charges'],
  ['service.do', 'service', 'serviceinfo'],
  ['filings.do', 'filings', 'filingsdue'],
  ['events.do', 'events', 'heartrial'],
  ['judgements.do', 'judgement', 'judgements'],
  ['garnishment.do', 'garnishment', 'garn'],
];

/** `22SL-CC00807` → `SL`: the location code Case.net carries in `inputVO.locnCode`. */
export const locationCode = (caseNumber: string): string => /^\d{2}([A-Z]{2})-/.exec(caseNumber)?.[1] ?? '';

/** Hidden `inputVO.*` inputs of a case page (they appear in two forms on the real docket page). */
function caseInputs(c: SimCase, indent: string): string {
  const values: [string, string][] = [
    ['inputVO.caseNumber', c.caseNumber],
    ['inputVO.courtId', c.courtId],
    ['inputVO.caseDesc', c.caption],
    ['inputVO.courtDesc', c.courtDesc],
    ['inputVO.courtType', 'C'],
    ['inputVO.vineID', ''],
    ['inputVO.vineDisplay', 'N'],
    ['inputVO.locnCode', locationCode(c.caseNumber)],
    ['inputVO.isDisposed', /not disposed/i.test(c.fields['Disposition'] ?? 'Not Disposed') ? 'N' : 'Y'],
  ];
  return values.map(([name, value]) => `${indent}<input type="hidden" name="${name}" value="${esc(value)}">`).join('\n');
}

function pallette(c: SimCase, base: Base): string {
  const links = TAB_LINKS.map(
    ([action, name, pic]) => `<a href="javascript:submitForCaseDetails('${action}')"><img name="${name}" border="0" src="${base}/pics/${pic}goy.gif" alt="Navigate to ${name} details"></a>`,
  ).join('');
  return `<script type="text/javascript"> 
function submitForCaseDetails (action) {
	document.casePalletteForm.action = action;
	document.casePalletteForm.submit();
}

function setupPallette() {
	var current = { header: 'header', parties: 'parties', dockets: 'docket', charges: 'charge', events: 'events' }[pageName];
	if (current && document[current]) document[current].alt = 'Displaying ' + current + ' details';
}
</script>
<form name="casePalletteForm" action="#" method="post">
${caseInputs(c, '')}
<input type="hidden" name="inputVO.fileId" value="(E-CASE)">
<center>
<table cellspacing="0" cellpadding="0" border="0">
	<tr align="center" valign="bottom">
		<td>
			${links}
		</td>
	</tr>
</table>
</center>
</form>`;
}

/** A whole case tab around `content` (the tab's own markup). */
function casePage(c: SimCase, base: Base, tab: OldTab, content: string, forms = ''): string {
  const info = TAB_INFO[tab];
  return oldPage({
    base,
    title: `Case.net: ${c.caseNumber} - ${info.title}`,
    headScript: `var pageName = "${info.pageName}";\nfunction setupWindow() {\n\tsetUpHeader();\n\tsetupPallette();\n}`,
    body: `			<table style="width:100%">
				<tbody><tr>
					<td>
						${captionTable(`${esc(c.caseNumber)} - ${esc(c.caption)}&nbsp;(E-CASE)`)}
					</td>
				</tr>
				<tr>
					<td valign="middle">
${pallette(c, base)}
					</td>
				</tr>
			</tbody></table>
			<table style="width: 100%">
				<tr>
					<td class="disclaimerText" colspan="6" >
						This information is provided as a service and is not considered an official court record. 
					</td>
				</tr>
${forms}
				<tr>
					<td colspan="6" >
${content}
					</td>
				</tr>
			</table>`,
  });
}

/** One old case tab. */
export function renderOldTab(c: SimCase, base: Base, tab: OldTab, opts: { variant?: DocketVariant; sortBy?: 'A' | 'D' } = {}): string {
  switch (tab) {
    case 'header':
      return casePage(c, base, tab, headerTable(c));
    case 'docket':
      return casePage(c, base, tab, docketTable(c, opts.variant ?? 'normal', opts.sortBy ?? 'D'), docketForm(c, base, opts.sortBy ?? 'D'));
    case 'parties':
      return casePage(c, base, tab, partiesTable(c));
    case 'events':
      return casePage(c, base, tab, eventsTable(c));
    case 'charges':
      return casePage(c, base, tab, chargesTable(c));
    default:
      return casePage(c, base, tab, simpleTable(`There is no ${TAB_INFO[tab].title.toLowerCase()} information for this case.`));
  }
}

function headerTable(c: SimCase): string {
  const pairs = Object.entries(c.fields).map(
    ([label, value]) => `<td class="detailLabels" style="width: 20%">${esc(label)}:</td>\n\t\t<td class="detailData" style="width: 30%">${esc(value)}</td>`,
  );
  const rows: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(`	<tr>\n\t\t${pairs.slice(i, i + 2).join('\n\t\t')}\n	</tr>`);
  return `<table class="detailRecordTable" >\n${rows.join('\n')}\n</table>`;
}

function docketForm(c: SimCase, base: Base, sortBy: 'A' | 'D'): string {
  const checked = (value: 'A' | 'D') => (value === sortBy ? ' checked="checked"' : '');
  return `				<tr>
					<form name="docketEntriesForm" id="docketEntriesForm" method="post" action="${base}/cases/searchDockets.do">
					<td style= "width: 25%" class="fieldLabel"> &nbsp;</td>
					<td style= "width: 20%" class="fieldLabel" id="respondID"> &nbsp;</td>
					<td style="width: 5%" class= "fieldLabel"  id="CaseStatusLabel">Sort&nbsp;Date&nbsp;Entries:</td>
					<td style="vertical-align:top; width: 25%" class="radio1" id="CaseStatusDetail">
${caseInputs(c, '\t\t\t\t\t\t')}
						<input type="hidden" name="inputVO.displayBySelected" value="">
						<input type="radio" name="inputVO.sortBy" value="D"${checked('D')} onclick="getObjectById('docketEntriesForm').submit();" id="SortDesc" title="Search dockets in descending order."><label for="SortDesc">Descending</label> 
						<input type="radio" name="inputVO.sortBy" value="A"${checked('A')} onclick="getObjectById('docketEntriesForm').submit();" id="SortAsc" title="Search dockets in ascending order."><label for="SortAsc">Ascending</label>
					</td>
					<td style="width: 5%" class= "fieldLabel">Display&nbsp;Options:</td>
					<td style="width: 20%">
						<select name="inputVO.displayBy" size="1" onchange="getObjectById('docketEntriesForm').submit();"><option value="A" selected="selected">All Entries</option>
							<option value="P">Pending Motions</option></select>
					</td>
					</form>
				</tr>`;
}

/** Names wrap across lines on real pages (`RICHARD \n ANDREW \n BARRY`). */
const wrapped = (text: string): string => esc(text).split(' ').join(' \n\t\t\t\t\t\t\t');

const labelRow = (label: string, value: string): string => `
			<tr>
				<td colspan="2" style="width: 2%" class="detailLabels">&nbsp;</td>
				<td colspan="2" style="width: 86%" class="detailData" >&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<b>${label}</b>
					${value}
				</td>
			</tr>`;

function entryRows(entry: SimEntry, firstOfDate: boolean): string {
  const separator = firstOfDate
    ? '\n				<tr>\n					<td class="detailSeperator" colspan="3" >&nbsp;</td>\n				</tr>'
    : '\n				<tr>\n					<td class="detailThinSeperator"  colspan="3" style="font-weight: bold; background: #f5f5c0"></td>\n				</tr>';
  let html = `${separator}
			<tr>
				<td valign="top" style="width: 12% " class="detailData"><b>${firstOfDate ? usDate(entry.date) : ''}</b></td>
 				<td style="width: 2%" class="detailLabels" valign="top">
 						&nbsp;
 				</td>	
				<td style="width: 86%" class="detailData">
 						<b>${esc(entry.title)}</b>
				</td>
			</tr>`;
  if (entry.text !== null) {
    html += `
			<tr>
				<td colspan="2" style="width: 2% " class="detailLabels" valign="top">&nbsp;</td>
				<td colspan="2" style="width: 86%  " class="detailData">${esc(entry.text)}</td>
			</tr>`;
  }
  if (entry.scheduledFor !== null) html += labelRow('&nbsp;&nbsp;Scheduled For:', esc(entry.scheduledFor));
  if (entry.filedBy !== null) html += labelRow('Filed By:', wrapped(entry.filedBy));
  if (entry.onBehalfOf !== null) {
    html += `
			<tr>
				<td style="width: 2%" class="detailLabels" colspan="2"></td>
				<td style="width: 86%" class="detailData">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<b>On Behalf Of:</b>
					${esc(entry.onBehalfOf)} 
				</td>
			</tr>`;
  }
  if (entry.associated !== null) html += labelRow('Associated&nbsp;Entries:', `${usDate(entry.associated.date)} - ${esc(entry.associated.description)}`);
  return html;
}

function docketTable(c: SimCase, variant: DocketVariant, sortBy: 'A' | 'D'): string {
  const entries = variant === 'empty' ? [] : sortedEntries(c.entries, sortBy);
  const rows = entries.map((entry, i) => entryRows(entry, i === 0 || entries[i - 1]?.date !== entry.date)).join('\n');
  // A "layout change": Case.net restyled the docket (table and cell classes renamed).
  const tableClass = variant === 'layout' ? 'docketEntryGrid' : 'detailRecordTable';
  const body = variant === 'layout' ? rows.replace(/class="detail(Seperator|ThinSeperator|Data|Labels)"/g, 'class="docket$1"') : rows;
  return `				<form id="respondToForm" name="respondToForm" action="/ecf/secure/search.do" method="post" target="_blank">
					<input type="hidden" name="respond" value="y"/>
					<input type="hidden" name="caseNumber" value= "${esc(c.caseNumber)}"/>
					<input type="hidden" name="courtLocation" value= "${locationCode(c.caseNumber)}"/>
				<table class="${tableClass}" >
${body}
				</table>
				</form>`;
}

function partiesTable(c: SimCase): string {
  const rows = c.parties.map((p) => {
    const attorney = p.attorney ? `${wrapped(p.attorney)}\n\t\t\t\t\t\t, Attorney for ${esc(p.role)}` : '';
    return `				<tr>
					<td width="3%" class="detailSeperator" style="width:3%;">&nbsp;</td>
					<td width="30%" class="detailSeperator" style="width:30%;text-align:left">
						${wrapped(p.name)}
						, ${esc(p.role)}&nbsp;&nbsp;&nbsp;
					</td>
					<td width="20%"  class="detailSeperator" style="width:20%;font-weight: normal">${attorney ? 'represented by&nbsp;&nbsp;&nbsp;' : ''}</td>
					<td width="47%"  class="detailSeperator" style="width:47%;text-align:left">
						${attorney}
					</td>
				</tr>
				<tr>
					<td width="3%" class="detailData" style="width:3%;text-align:right"></td>
					<td  width="30%" class="detailData">${p.address ? esc(p.address).replace(/\n/g, '<br />\n') + '<br />' : ''}${p.yearOfBirth ? `\n<br />\n<b>Year of Birth: </b>\n${esc(p.yearOfBirth)}` : ''}</td>
					<td width="20%" class="detailData"></td>
					<td width="47%"class="detailData"><br /><p></p></td>
				</tr>`;
  });
  return `<table class="detailRecordTable">\n${rows.join('\n')}\n</table>`;
}

/** `04/10/2015; 1:30 PM ; JUDGE; Boone` → its parts; null for free-form text. */
function hearingParts(scheduledFor: string): { date: string; time: string; judge: string; location: string } | null {
  const parts = scheduledFor.split(';').map((part) => part.trim());
  const [date, time, judge, location] = parts;
  if (date === undefined || !/^\d{2}\/\d{2}\/\d{4}$/.test(date)) return null;
  return { date, time: time ?? '', judge: judge ?? '', location: location ?? '' };
}

/** Hearings: every entry with a `Scheduled For:` in the usual `date; time ; judge; location` form. */
export function hearingsOf(c: SimCase): { date: string; time: string; judge: string; location: string; description: string }[] {
  return sortedEntries(c.entries, 'A').flatMap((entry) => {
    const parts = entry.scheduledFor === null ? null : hearingParts(entry.scheduledFor);
    return parts === null ? [] : [{ ...parts, description: entry.title }];
  });
}

function eventsTable(c: SimCase): string {
  const hearings = hearingsOf(c);
  if (hearings.length === 0) return simpleTable('There are no scheduled hearings or trials for this case.');
  const rows = hearings.map(
    (h) => `				<tr>
					<td class="detailSeperator" colspan="3" >&nbsp;</td>
				</tr>
			<tr>
				<td valign="top" style="width: 12%" class="detailData"><b>${esc(h.date)}</b></td>
				<td style="width: 12%" class="detailData">${esc(h.time)}</td>
				<td style="width: 76%" class="detailData"><b>${esc(h.description)}</b></td>
			</tr>
			<tr>
				<td colspan="2" class="detailLabels">Judge:</td>
				<td class="detailData">${esc(h.judge)}</td>
			</tr>
			<tr>
				<td colspan="2" class="detailLabels">Location:</td>
				<td class="detailData">${esc(h.location)}</td>
			</tr>`,
  );
  return `<table class="detailRecordTable" >\n${rows.join('\n')}\n</table>`;
}

function chargesTable(c: SimCase): string {
  if (c.charges.length === 0) return simpleTable('There are no charges for this case.');
  const rows = c.charges.map(
    (charge, i) => `			<tr>
				<td class="detailLabels">Charge/Judgment:</td>
				<td class="detailData">Charge #${i + 1}: ${usDate(charge.filingDate)} - ${esc(charge.description)} { ${esc(charge.level)} RSMo: ${esc(charge.statute)} }</td>
			</tr>`,
  );
  return `<table class="detailRecordTable" >\n${rows.join('\n')}\n</table>`;
}

const simpleTable = (message: string): string =>
  `<table class="detailRecordTable" >\n\t<tr>\n\t\t<td class="detailData" colspan="3">${esc(message)}</td>\n\t</tr>\n</table>`;

/** Case.net's 200 answer for a case it does not have: a case-tab layout with the "no matches" message. */
export function renderCaseNotFound(base: Base): string {
  return oldPage({
    base,
    title: 'Case.net: Case Header',
    headScript: 'var pageName = "header";\nfunction setupWindow() {\n\tsetUpHeader();\n}',
    body: noMatchesTable('Case Header'),
  });
}
