import { captionTable, esc, noMatchesTable, oldPage, type Base } from './html';
import { hearingsOf } from './render-old';
import type { SimCase } from './state';
import { normalizeCourtId } from '../../../shared/casenet/key';

// Old generation search pages, in the markup of samples/old-search-filing-date-CT12-2021-02-02.html:
// a hidden search form and an empty `caseHeaderForm` (inputVO.* inputs with no values) first, the
// title in `td.searchType`, "Displaying 1 thru N of M", the paging tag, then one row per case in
// `td.td1` / `td.td2` cells with a `goToThisCase('NUMBER', 'COURT')` link. No match: the search
// form with "Your query returned no matches…".

export type SearchKind = 'caseNumber' | 'name' | 'filingDate' | 'calendar';

const PAGE_SIZE = 15;

const KIND_INFO: Record<SearchKind, { form: string; action: string; list: string; results: string; empty: string }> = {
  caseNumber: { form: 'caseNoSearchForm', action: 'caseNoSearch.do', list: 'Case Number Search Case List', results: 'Search Results by Case Number', empty: 'Case Number Search' },
  name: { form: 'nameSearchForm', action: 'nameSearch.do', list: 'Litigant Name Search Case List', results: 'Search Results by Litigant Name', empty: 'Litigant Name Search' },
  filingDate: { form: 'filingDateSearchForm', action: 'filingDateSearch.do', list: 'Filing Date Search Case List', results: 'Search Results by Filing Date', empty: 'Filing Date Search' },
  calendar: { form: 'calendarSearchForm', action: 'calendarSearch.do', list: 'Scheduled Hearings and Trials Search Case List', results: 'Search Results by Scheduled Hearings', empty: 'Scheduled Hearings and Trials Search' },
};

const param = (params: URLSearchParams, ...names: string[]): string => {
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) return value;
  }
  return '';
};

/** Loose filtering: court, case number contained, every name word in the caption; else all cases. */
export function searchCases(cases: readonly SimCase[], kind: SearchKind, params: URLSearchParams): SimCase[] {
  const court = normalizeCourtId(param(params, 'inputVO.courtId', 'courtId'));
  const number = param(params, 'inputVO.caseNumber', 'caseNumber').toUpperCase();
  const nameWords = [param(params, 'inputVO.lastName', 'lastName'), param(params, 'inputVO.firstName', 'firstName'), param(params, 'inputVO.businessName', 'businessName', 'inputVO.name', 'name')]
    .join(' ')
    .toUpperCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return cases.filter((c) => {
    if (court !== null && court !== 'ALL' && normalizeCourtId(c.courtId) !== court) return false;
    if (number !== '' && !c.caseNumber.includes(number)) return false;
    if (nameWords.some((word) => !c.caption.toUpperCase().includes(word))) return false;
    if (kind === 'calendar' && hearingsOf(c).length === 0) return false;
    return true;
  });
}

function hiddenSearchForm(kind: SearchKind, base: Base, params: URLSearchParams, total: number, start: number): string {
  const info = KIND_INFO[kind];
  return `		<form name="${info.form}" id="${info.form}" method="post" action="${base}/cases/${info.action}">
			<input type="hidden" name="inputVO.caseType" value="${esc(param(params, 'inputVO.caseType') || 'All')}">
			<input type="hidden" name="inputVO.startDate" value="${esc(param(params, 'inputVO.startDate'))}">
			<input type="hidden" name="inputVO.errFlag" value="N">
			<input type="hidden" name="inputVO.selectionAction" value="search">
			<input type="hidden" name="inputVO.courtId" value="${esc(param(params, 'inputVO.courtId', 'courtId'))}">
			<input type="hidden" name="inputVO.countyDesc" value="All">
			<input type="hidden" name="inputVO.countyCode" value="">
			<input type="hidden" name="inputVO.locationDesc" value="All">
			<input type="hidden" name="inputVO.locationCode" value="">
			<input type="hidden" name="inputVO.caseStatus" value="All">
			<input type="hidden" name="inputVO.type" value="CT">
<input  type="hidden" id="startingRecord" name="inputVO.startingRecord" value="${start}"/>
<input type="hidden"  id="totalRecords" name="inputVO.totalRecords" value="${total}"/>
<input type="hidden"   id="subAction" name="inputVO.subAction" value="search"/>
		</form>          
		<form name="caseHeaderForm" id="caseHeaderForm" method="post" action="${base}/cases/header.do">
			<input type="hidden" name="inputVO.caseNumber" value="" id="inputVO.caseNumber2">
			<input type="hidden" name="inputVO.courtId" value="" id="inputVO.courtId2">
		</form>`;
}

const headScript = (kind: SearchKind) => `function setupWindow() {  
	setUpHeader();
}

function goToThisCase(caseId, dbSource) {
	getObjectById("inputVO.caseNumber2").value = caseId;
	getObjectById("inputVO.courtId2").value = dbSource;
	getObjectById("caseHeaderForm").submit();
}

function goToThisPage(pageOnButton) {
 var setSize = ${PAGE_SIZE};
 var startingRecord = ((parseInt(pageOnButton)*setSize) - (setSize - 1));
 getObjectById('startingRecord').value = startingRecord;
 getObjectById('subAction').value = "search";
 document.${KIND_INFO[kind].form}.submit();
}`;

function resultRow(c: SimCase, cls: 'td1' | 'td2'): string {
  const filed = c.fields['Date Filed'] ?? '';
  return `									<tr align="left">
										<td rowspan="1" class="rowItem">&nbsp;</td>
										<td class="${cls}">${esc(filed)}&nbsp;</td>
										<td class="${cls}"><a href="javascript:goToThisCase('${esc(c.caseNumber)}', '${esc(c.courtId)}');">
										${esc(c.caseNumber)} </a>&nbsp;</td>
										<td class="${cls}" colspan="2">${esc(c.caption)}&nbsp;</td>
										<td class="${cls}">${esc(c.fields['Case Type'] ?? '')}&nbsp;</td>
										<td class="${cls}">${esc(c.fields['Location'] ?? '')}&nbsp;</td>
									</tr>`;
}

function pagingTag(pages: number, current: number): string {
  const cells: string[] = [];
  for (let page = 1; page <= pages; page++) {
    cells.push(
      page === current
        ? `  <td>\n<span class="selectedPage">${page}</span>\n  </td>`
        : `  <td>\n<a style="visibility:visible; color:blue; font-size:8pt; text-decoration:underline; cursor:pointer; font-weight:normal" href="javascript:goToThisPage(${page});">${page}</a>\n  </td>`,
    );
  }
  return ` <!--The following is rendered by the paging tag-->\n<table align="center">\n <tr>\n${cells.join('\n')}\n </tr>\n</table>\n <!--End of paging tag html-->`;
}

/** A result list page for `matches` (paged by 15 via `inputVO.startingRecord`), or the no-match form. */
export function renderSearch(kind: SearchKind, base: Base, params: URLSearchParams, matches: readonly SimCase[]): string {
  if (matches.length === 0) return renderNoMatches(kind, base, params);
  const info = KIND_INFO[kind];
  const requested = Number.parseInt(param(params, 'inputVO.startingRecord'), 10);
  const start = Number.isFinite(requested) && requested >= 1 && requested <= matches.length ? requested : 1;
  const shown = matches.slice(start - 1, start - 1 + PAGE_SIZE);
  const rows = shown.map((c, i) => resultRow(c, i % 2 === 0 ? 'td1' : 'td2')).join('\n\n');
  const body = `					<table style="width: 100%; height: 100%" border="0">
						<tr>
							<td valign="top">
								${captionTable(info.results)}
								<table  style="width: 100%" cellpadding="0" cellspacing="0" border="0">
									<tr>
										<td colspan="3" class="resultDescription" align="center">Displaying <b> ${start} </b>
											thru <b>${start - 1 + shown.length}</b> of <b>${matches.length}</b>
											records returned
										</td>
									</tr>
								</table>
${pagingTag(Math.ceil(matches.length / PAGE_SIZE), Math.ceil(start / PAGE_SIZE))}
							</td>
						</tr>
					</table>
					<table align="center" width="100%" style="height: 100%">
						<tr>
							<td valign="top">
								<table cellspacing="2" align="center" width="100%">
									<tr align="left">
										<td>&nbsp;</td>
										<td class="header">Date&nbsp;Filed</td>
										<td class="header">Case&nbsp;Number</td>
										<td class="header" colspan="2">Style&nbsp;of&nbsp;Case</td>
										<td class="header">Case&nbsp;Type</td>
										<td class="header">Location</td>
									</tr>
${rows}
								</table>
							</td>
						</tr>
					</table>`;
  return oldPage({ base, title: `Case.net: ${info.list}`, headScript: headScript(kind), leadingForms: hiddenSearchForm(kind, base, params, matches.length, start), body });
}

function renderNoMatches(kind: SearchKind, base: Base, params: URLSearchParams): string {
  const info = KIND_INFO[kind];
  const body = `			<form name="${info.form}" id="${info.form}" method="post" action="${base}/cases/${info.action}">
				<input type="hidden" name="inputVO.type" value="CT" id="inputVO.type">
				<input type="hidden" name="inputVO.courtId" value="${esc(param(params, 'inputVO.courtId', 'courtId'))}" id="inputVO.courtId">
				<input type="hidden" name="inputVO.errFlag" value="Y" id="inputVO.errFlag">
				<input type="hidden" name="inputVO.selectionAction" value="search" id="inputVO.selectionAction">
${noMatchesTable(info.empty)}
			</form>`;
  return oldPage({ base, title: `Case.net: ${info.empty}`, headScript: headScript(kind), body });
}
