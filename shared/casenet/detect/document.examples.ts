// Written examples for the document detectors in document.ts: each list must be accepted by its
// own detector and rejected by every other one. Tests only: production code never imports this.

const page = (title: string, body: string): string =>
  `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body>${body}</body></html>\n`;

export const examples = {
  isMaintenancePage: [
    page('Case.net Maintenance', '<p>Case.net is currently unavailable. Please try again later.</p>'),
    page('Case.net', '<h2>Case.net is down for scheduled maintenance</h2><p>Monday - Friday 1:00 a.m. to 6:00 a.m.</p>'),
    page('Missouri Courts', '<div>We are performing system maintenance. The service is temporarily unavailable.</div>'),
  ],
  isNotFoundPage: [
    page(
      'Case.net: Filing Date Search',
      '<td class="messageLine">Your query returned no matches to be viewed at this site. Please try another search or contact the court directly.</td>',
    ),
    page('Case.net: Case Header', '<td class="messageLine">No cases found for case number 14BA-CV99999.</td>'),
    page('Case.net: Docket Entries', '<td class="errorLine">The case 22SL-CC00000 could not be found.</td>'),
  ],
  isBotCheck: [
    page('Access Denied', '<h1>Access Denied</h1>You don\'t have permission to access "http://www.courts.mo.gov/casenet/cases/searchDockets.do" on this server.<p>Reference #18.5e1f1002</p>'),
    '<html><head><META NAME="robots" CONTENT="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=5074a744"></script></head><body>Request unsuccessful. Incapsula incident ID: 1234-5678</body></html>',
    page('Just a moment...', '<div id="challenge-running">Checking your browser before accessing courts.mo.gov.</div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/jsch/v1"></script>'),
    page('Request Rejected', 'The requested URL was rejected. Please consult with your administrator.<br>Your support ID is: 1234567890'),
    page('Please wait', '<form action="/verify"><div class="g-recaptcha" data-sitekey="x"></div></form>'),
  ],
  looksTruncated: [
    '<html><head><title>Docket Entries Results</title></head><body><table class="detailRecordTable"><tr><td class="detailData"><b>03/04/2015</b></td>',
    '<html><body><table class="detailRecordTable"><tr><td>x</td></tr>\n',
    '<html><body><p>cut off here',
  ],
} as const satisfies Record<string, readonly string[]>;
