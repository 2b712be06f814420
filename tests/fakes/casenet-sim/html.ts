// Pieces every simulated old-generation (JSP) page shares, copied from the structure of real saved
// pages (/work/shared/casenet/samples): the blank lines and `<?xml?>` before the DOCTYPE, the
// header bar with the search-method form, the navigation bar with the logon form, and the footer.

/** `/casenet` or `/cnet`: pages link within the base they were requested under. */
export type Base = '/casenet' | '/cnet';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#034;', "'": '&#039;' };

/** Entity-escape data for HTML text and attributes, as the JSP pages do (`D&#039;s`). */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** `2015-03-04` → `03/04/2015`. */
export const usDate = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** Real pages start with blank lines, `<?xml version="1.0"?>`, more blank lines, then the DOCTYPE. */
const PROLOG =
  '\n<?xml version="1.0"?> \n\n\n\n\n\n\t\t\n\t\t\n\n\n\n' +
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' +
  '<html xmlns="http://www.w3.org/1999/xhtml"> \n';

export const VERSION = '5.14.12';

/** The header's own script on real pages (menus trimmed): the functions its links and forms call. */
const HEADER_SCRIPT = `<script type="text/javascript"> 
function setUpHeader() {
}

function printContent(){
	window.print();
}

function submitHeaderForm(searchBy){ 
	getObjectById("searchType").value = searchBy;
	getObjectById("headerForm").submit();
}

function submitLogon() {
	getObjectById("logonForm").submit();
}
</script>`;

function headerBar(base: Base): string {
  return `${HEADER_SCRIPT}
<table class="headerTable">
	<tbody>
	<tr>
		<td style="text-align:center;padding:2px">
			<a href="/" tabindex="0">
				<img border="0" alt="Missouri's Great Seal" title="Go to the Missouri Judiciary's Home Page" src="${base}/pics/missouri_seal2.jpg" oncontextmenu="return false"/>
			</a>
		</td>
		<td style="padding:2px;width:100%">
		<form name="searchCasesForm" id="headerForm" method="post" action="${base}/cases/searchCases.do">
			<table cellpadding="0" cellspacing="0" border="0" align="right">
				<tbody>
				<tr>
					<td colspan="2" style="text-align:right" align="right">
						<a href="${base}/index.jsp" tabindex="0" accesskey="1">
							<img style="height:40px;border: 0" src="${base}/pics/casenet_logo2.jpg" alt="Case.net Logo" title="Go to Case.net Home" />
						</a>
					</td>
				</tr>
				<tr>
					<td style="text-align:right;vertical-align:middle;">
						<label for="searchType"><span style="color:white">Search&nbsp;for&nbsp;Cases&nbsp;by:&nbsp;</span></label>
					</td>
					<td>
						<select onchange="submitHeaderForm(searchType.options[searchType.selectedIndex].value)" tabindex="0" id="searchType" name="searchType" class="drop" style="width:180px">
							<option value="default" selected="selected">Select&nbsp;Search&nbsp;Method...</option>
							<option value="name">Litigant&nbsp;Name</option>
							<option value="date">Filing&nbsp;Date</option>
							<option value="caseNumber">Case&nbsp;Number</option>
							<option value="calendar">Scheduled&nbsp;Hearings&nbsp;&amp;&nbsp;Trials</option>
							<option value="judgmentAgainst">Judgment&nbsp;Index</option>
						</select>
					</td>
				</tr>
				</tbody>
			</table>
			</form>
		</td>
	</tr>
	</tbody>
</table>

<table cellpadding="0" cellspacing="0" border="0" class="primaryNav">
	<tbody>
	<tr>
		<td>
			<span class="primaryNavText">&nbsp;Judicial&nbsp;Links</span>
			&nbsp;&nbsp;|&nbsp;&nbsp;
			<a class="primaryNavText" title="Go to Logon Page" href="javascript:submitLogon()" tabindex="0">eFiling</a>
			&nbsp;&nbsp;|&nbsp;&nbsp;
			<span class="primaryNavText">Help</span>
			&nbsp;&nbsp;|&nbsp;&nbsp;
			<a class="primaryNavText" href="javascript: printContent();" title="Click to print page content" tabindex="0">Print</a>
		</td>
		<td align="right">
			<form name="dummyForm" id="logonForm" method="post" action="${base}/security/logonPage.do">
				&nbsp;&nbsp;
				<a class="primaryNavText" title="Go to Logon Page" href="javascript:submitLogon()" tabindex="0">Logon</a>
			</form>
		</td>
	</tr>
	</tbody>
</table>
`;
}

const FOOTER = `<table style="width: 100%; margin: 1px;" cellpadding="0" cellspacing="0" border="0">
	<tbody>
	<tr>
		<td class="footerCell" style="text-align:left;">
			Case.net Version ${VERSION}
			</td>
		<td class="footerCell" style="text-align:center;">
			<a class="footerLink" href="#" tabindex="0">Return to Top of Page</a>
		</td>
		<td class="footerCell" style="text-align:right;">Released 11/10/2020</td>
	</tr>
	</tbody>
</table>`;

export type PageParts = {
  base: Base;
  /** Plain text; escaped here. */
  title: string;
  /** Inline script placed in the head (already safe JS). */
  headScript?: string;
  /** Forms placed first in the outer table (search pages), already markup. */
  leadingForms?: string;
  /** The page's main area, already markup. */
  body: string;
};

/** A whole old-generation page around `body`. */
export function oldPage(parts: PageParts): string {
  return `${PROLOG}<head>
<title>${esc(parts.title)}</title>
<meta http-equiv="Content-Style-Type" content="text/css" />
<link href="${parts.base}/styles/casenet.css?version=${VERSION}" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="${parts.base}/scripts/casenet.js"></script>
<script type="text/javascript">
${parts.headScript ?? 'function setupWindow() {\n\tsetUpHeader();\n}'}
</script>
</head>

<body onload="setupWindow();">
 	<a name="topofpage"></a>
<table class="outerTable"  cellpadding="0" cellspacing="0">
		<tbody>
${parts.leadingForms ?? ''}
		<tr style="vertical-align:top">
			<td>
${headerBar(parts.base)}
			</td>
		</tr>
		<tr style="height: 100%">
			<td valign="top">
${parts.body}
			</td>
		</tr>
		<tr>
			<td>
${FOOTER}
			</td>
		</tr>
		</tbody>
</table>


</body>
</html>
`;
}

/** The title cell every case tab and search page has: `td.searchType` between two spacers. */
export const captionTable = (inner: string): string => `<table style="width: 100%" cellpadding="0" cellspacing="0" border="0">
	<tbody><tr>
		<td style="width: 10%">&nbsp</td>  
		<td class="searchType">${inner}</td>
		<td style="width: 10%">&nbsp</td>
	</tr>
</tbody></table>`;

/** Case.net's "no matches" wording (from the saved no-results search page). */
const NO_MATCHES = 'Your query returned no matches to be viewed at this site. Please try another search or contact the court directly.';

/** The message table real pages show under the title (`td.messageLine`, then the error line). */
const messageTable = (message: string): string => `
	<table cellpadding="5" cellspacing="0" border="0" width="100%">
		<tbody><tr>
			<td class="messageLine">
					${esc(message)} <br />
			</td>
		</tr>
		<tr>
			<td class="errorLine" id="localError"></td>
		</tr>
	</tbody></table>`;

/** The caption bar plus Case.net's "no matches" message: a case page or search with no result. */
export function noMatchesTable(heading: string): string {
  return `			<table style="width: 100%">
				<tr>
					<td>
						${captionTable(heading)}
					</td>
				</tr>
				<tr>
					<td valign="top" colspan="3">
${messageTable(NO_MATCHES)}
					</td>
				</tr>
			</table>`;
}
