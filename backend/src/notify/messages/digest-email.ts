import type { Email } from '../../mail/mailer';
import type { AlertFacts } from '../alert-facts';
import { alertBlocks } from './alert-email';
import { renderNoticeHtml, renderNoticeText, type Block, type NoticeBody } from './email-render';
import { byCase, changesOnCases, KIND_LABEL, oneLine, plural } from './wording';

/**
 * The daily digest: every alert since the last digest, grouped by case (cases in key order, entries
 * oldest first), each case with the user's note, its Case.net link and its own unsubscribe link.
 * Nothing in it depends on the time it is sent, so a retry is byte-identical (Resend idempotency).
 */
export function digestEmail(alerts: AlertFacts[], to: string, idempotencyKey: string, unsubscribeUrl: (caseKey: string) => string): Email {
  const cases = byCase(alerts);
  const blocks: Block[] = [{ kind: 'paragraph', text: `Since your last digest: ${changesOnCases(alerts.length, cases.length)}.` }];
  for (const group of cases) {
    const first = group[0] as AlertFacts;
    blocks.push({ kind: 'rule' }, { kind: 'heading', text: first.caption ? `${first.caseNumber} — ${oneLine(first.caption, 200)}` : first.caseNumber });
    if (first.note.trim()) blocks.push({ kind: 'fields', fields: [{ label: 'Your note', value: first.note }] });
    for (const a of group) blocks.push({ kind: 'paragraph', text: `${KIND_LABEL[a.kind]}:` }, ...alertBlocks(a, { withNote: false }).slice(1));
    blocks.push({ kind: 'link', label: 'Open the case on Case.net', url: first.caseUrl }, { kind: 'link', label: 'Stop alerts about this case', url: unsubscribeUrl(first.caseKey) });
  }
  const only = cases.length === 1 ? (alerts[0] as AlertFacts) : null;
  const body: NoticeBody = { blocks, footer: { text: 'You get this daily digest because you chose it in your Docket Watch notification settings.' } };
  return {
    kind: 'digest',
    to,
    subject: `Docket Watch digest — ${plural(alerts.length, 'change', 'changes')} on ${plural(cases.length, 'case', 'cases')}`,
    text: renderNoticeText(body),
    html: renderNoticeHtml(body),
    idempotencyKey,
    ...(only ? { headers: { 'List-Unsubscribe': `<${unsubscribeUrl(only.caseKey)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}
