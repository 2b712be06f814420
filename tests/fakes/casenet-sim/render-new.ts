import { esc, usDate, type Base } from './html';
import { hearingsOf, locationCode } from './render-old';
import { sortedEntries, type SimCase } from './state';
import { normalizeCourtId } from '../../../shared/casenet/key';

// New generation (single-page case view): the JSON endpoints, in the shape of
// samples/new-header-171155061.json, and the `newHeader.do` shell whose inline script fetches them
// (POST form bodies, like the real page) and renders header and docket with DOM calls. Tabs are
// chosen by the hash (#header, #docket, #parties, #events); docket rows are `<tr data-entry>`.

export type JsonVariant = 'normal' | 'empty' | 'layout';

/** `SCHEIBE, RICHARD L` → the parts the new header carries in `judgeDetails`. */
function judgeDetails(formattedName: string | undefined): Record<string, string> | null {
  if (formattedName === undefined) return null;
  const [last = '', rest = ''] = formattedName.split(',').map((part) => part.trim());
  const [first = '', ...middle] = rest.split(/\s+/);
  return { lastName: last, firstName: first, middleInitials: middle.join(' '), formattedName };
}

/** The header fields every new JSON body repeats (`party.do` repeats them too). */
function headerCore(c: SimCase): Record<string, unknown> {
  const filed = c.fields['Date Filed'] ?? null;
  const disposition = c.fields['Disposition'] ?? 'Not Disposed';
  return {
    courtId: c.courtId,
    caseNumber: c.caseNumber,
    caseDesc: c.caption,
    courtDesc: c.courtDesc,
    location: c.fields['Location'] ?? null,
    filingDate: filed,
    formattedFilingDate: filed,
    caseType: c.fields['Case Type'] ?? null,
    fileLocn: 'E-CASE',
    locnCode: locationCode(c.caseNumber),
    courtCode: (normalizeCourtId(c.courtId) ?? '').replace(/^CT/, ''),
    caseDispositionDetail: { dispositionDescription: disposition },
    disposed: !/not disposed/i.test(disposition),
    confidential: false,
    isTicket: false,
    fileId: '(E-CASE)',
  };
}

/** `cases/newHeaderData.do`. */
export function headerJson(c: SimCase, variant: JsonVariant = 'normal'): unknown {
  const body = {
    ...headerCore(c),
    caseChargeList: c.charges.map((charge, i) => ({
      caseId: c.caseNumber,
      chargeNumber: String(i + 1),
      chargeFilingDate: usDate(charge.filingDate),
      chargeDescription: charge.description,
      chargeCodeLevelDescription: charge.level,
      statuteNumber: charge.statute,
    })),
    judgeDetails: judgeDetails(c.fields['Judge/Commissioner Assigned']),
    courtType: 'C',
    caseNoteCount: 0,
  };
  // A "layout change": nested objects flattened into strings.
  if (variant === 'layout') return { ...body, judgeDetails: c.fields['Judge/Commissioner Assigned'] ?? '', caseDispositionDetail: c.fields['Disposition'] ?? '' };
  return body;
}

/** `cases/docketEntriesSearch.do`: newest first by default (`sortOption=D`). */
export function docketJson(c: SimCase, variant: JsonVariant = 'normal', sortOption: 'A' | 'D' = 'D'): unknown {
  const entries = variant === 'empty' ? [] : sortedEntries(c.entries, sortOption);
  const list = entries.map((entry) => {
    const item: Record<string, unknown> = {
      filingDate: usDate(entry.date),
      docketDesc: entry.title,
      docketText: entry.text,
      sequenceNumber: entry.sequence,
      docketCode: entry.code,
      filingPartyFullName: entry.filedBy,
      behalfOfPartiesNames: entry.onBehalfOf,
      confidential: false,
      document: [],
    };
    if (entry.scheduledFor !== null) item['scheduledFor'] = entry.scheduledFor;
    if (entry.associated !== null) {
      item['associatedDocketInfoDetails'] = { associatedDate: usDate(entry.associated.date), associatedDescription: entry.associated.description };
    }
    if (variant === 'layout') return { docketDate: item['filingDate'], description: item['docketDesc'], text: item['docketText'], seq: item['sequenceNumber'] };
    return item;
  });
  return { caseNumber: c.caseNumber, courtId: c.courtId, docketTabModelList: list };
}

/** `cases/party.do`: the header fields again, plus the parties. */
export function partyJson(c: SimCase): unknown {
  return {
    ...headerCore(c),
    partyDetailsList: c.parties.map((p, i) => ({
      partySequence: i + 1,
      desc: p.role,
      formattedPartyName: p.name,
      formattedPartyAddress: p.address ?? null,
      yearOfBirth: p.yearOfBirth ?? null,
      attorneyDetailsList: p.attorney ? [{ formattedAttorneyName: p.attorney, desc: `Attorney for ${p.role}` }] : [],
    })),
  };
}

/** `cases/event.do`: scheduled hearings. */
export function eventJson(c: SimCase): unknown {
  return {
    caseNumber: c.caseNumber,
    courtId: c.courtId,
    eventList: hearingsOf(c).map((h) => ({ scheduledDate: h.date, scheduledTime: h.time, eventDescription: h.description, judgeName: h.judge, location: h.location })),
  };
}

/** `cases/charges.do` asked for as JSON (the new view's charges tab). */
export function chargesJson(c: SimCase): unknown {
  return { caseNumber: c.caseNumber, courtId: c.courtId, chargeList: (headerJson(c) as { caseChargeList: unknown[] }).caseChargeList };
}

/** The single-page case view. Data is fetched by the page's own script; nothing is inlined but the case id. */
export function renderNewView(c: SimCase, base: Base): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Case.net: ${esc(c.caseNumber)} - Case Information</title>
<style>
  body { font-family: Arial, sans-serif; font-size: 13px; margin: 0; }
  header.cn-bar { background: #1f3b63; color: #fff; padding: 8px 16px; }
  nav.cn-tabs a { display: inline-block; padding: 6px 12px; margin-right: 4px; background: #e6ecf4; color: #1f3b63; text-decoration: none; }
  nav.cn-tabs a.active { background: #1f3b63; color: #fff; }
  section[data-tab] { padding: 12px 16px; }
  table.cn-docket { border-collapse: collapse; width: 100%; }
  table.cn-docket td { border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: top; }
  .cn-label { font-weight: bold; }
</style>
</head>
<body>
<header class="cn-bar"><span class="cn-logo">Case.net</span></header>
<main id="caseView" data-base="${base}" data-case-number="${esc(c.caseNumber)}" data-court-id="${esc(c.courtId)}">
  <h1 id="caseCaption">${esc(c.caseNumber)}</h1>
  <nav class="cn-tabs">
    <a href="#header" data-tab-link="header">Case Header</a>
    <a href="#parties" data-tab-link="parties">Parties &amp; Attorneys</a>
    <a href="#docket" data-tab-link="docket">Docket Entries</a>
    <a href="#events" data-tab-link="events">Hearings &amp; Trials</a>
  </nav>
  <section data-tab="header"><dl id="headerFields"></dl></section>
  <section data-tab="parties" hidden><ul id="partyList"></ul></section>
  <section data-tab="docket" hidden>
    <p id="docketStatus">Loading docket entries…</p>
    <table class="cn-docket" id="docketTable"><tbody></tbody></table>
  </section>
  <section data-tab="events" hidden><ul id="eventList"></ul></section>
</main>
<script>
${NEW_VIEW_SCRIPT}
</script>
</body>
</html>
`;
}

/** Plain browser JS (no page data inside): text goes in with textContent only. */
const NEW_VIEW_SCRIPT = `(function () {
  var root = document.getElementById('caseView');
  var ids = { caseNumber: root.dataset.caseNumber, courtId: root.dataset.courtId, isTicket: '' };
  var loaded = {};
  function post(page, query) {
    return fetch(root.dataset.base + '/cases/' + page + (query || ''), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: new URLSearchParams(ids).toString()
    }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function labelled(parent, label, value) {
    if (value == null || value === '') return;
    var div = el('div', null, 'cn-row');
    div.appendChild(el('span', label + ' ', 'cn-label'));
    div.appendChild(el('span', value));
    parent.appendChild(div);
  }
  function renderHeader(h) {
    document.getElementById('caseCaption').textContent = h.caseNumber + ' - ' + h.caseDesc;
    var dl = document.getElementById('headerFields');
    var fields = [
      ['Judge/Commissioner Assigned', h.judgeDetails && h.judgeDetails.formattedName],
      ['Date Filed', h.filingDate], ['Location', h.location], ['Case Type', h.caseType],
      ['Disposition', h.caseDispositionDetail && h.caseDispositionDetail.dispositionDescription]
    ];
    fields.forEach(function (f) { if (f[1]) { dl.appendChild(el('dt', f[0] + ':')); dl.appendChild(el('dd', f[1])); } });
  }
  function renderDocket(d) {
    var tbody = document.querySelector('#docketTable tbody');
    d.docketTabModelList.forEach(function (e) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-entry', '');
      tr.setAttribute('data-sequence', String(e.sequenceNumber));
      tr.appendChild(el('td', e.filingDate, 'cn-date'));
      var td = el('td', null, 'cn-entry');
      td.appendChild(el('div', e.docketDesc, 'cn-title cn-label'));
      if (e.docketText) td.appendChild(el('div', e.docketText, 'cn-text'));
      labelled(td, 'Scheduled For:', e.scheduledFor);
      labelled(td, 'Filed By:', e.filingPartyFullName);
      labelled(td, 'On Behalf Of:', e.behalfOfPartiesNames);
      tr.appendChild(td);
      tbody.appendChild(tr);
    });
    document.getElementById('docketStatus').textContent = d.docketTabModelList.length + ' docket entries';
  }
  function renderParties(p) {
    var ul = document.getElementById('partyList');
    p.partyDetailsList.forEach(function (x) { ul.appendChild(el('li', x.formattedPartyName + ', ' + x.desc)); });
  }
  function renderEvents(ev) {
    var ul = document.getElementById('eventList');
    ev.eventList.forEach(function (x) { ul.appendChild(el('li', x.scheduledDate + ' ' + x.scheduledTime + ' ' + x.eventDescription)); });
  }
  var tabs = {
    docket: function () { return post('docketEntriesSearch.do', '?displayOption=A&sortOption=D&hasChange=false').then(renderDocket); },
    parties: function () { return post('party.do').then(renderParties); },
    events: function () { return post('event.do').then(renderEvents); }
  };
  function show() {
    var name = (location.hash || '#header').slice(1).split(/[?&]/)[0];
    if (!document.querySelector('section[data-tab="' + name + '"]')) name = 'header';
    document.querySelectorAll('section[data-tab]').forEach(function (s) { s.hidden = s.getAttribute('data-tab') !== name; });
    document.querySelectorAll('[data-tab-link]').forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-tab-link') === name); });
    if (tabs[name] && !loaded[name]) {
      loaded[name] = true;
      tabs[name]().catch(function (err) {
        loaded[name] = false;
        var section = document.querySelector('section[data-tab="' + name + '"]');
        section.setAttribute('data-state', 'error');
        section.appendChild(el('p', 'Case.net could not load this information (' + err.message + '). Please try again later.', 'cn-error'));
      });
    }
  }
  post('newHeaderData.do').then(renderHeader).catch(function () { root.setAttribute('data-state', 'error'); });
  window.addEventListener('hashchange', show);
  show();
})();`;
