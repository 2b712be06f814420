import type { Email } from '../../mail/mailer';
import type { AlertFacts } from '../alert-facts';
import { alertBlocks } from './alert-email';
import { renderNoticeHtml, renderNoticeText, type Block, type NoticeBody } from './email-render';
import { KIND_LABEL, oneLine } from './wording';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The daily digest: every alert since the last digest, grouped by case (cases in key order, entries
 * oldest first), each case with the user's note, its Case.net link and its own unsubscribe link.
 * Nothing in it depends on the time it is sent, so a retry is byte-identical (Resend idempotency).
 */
export function digestEmail(alerts: AlertFacts[], to: string, idempotencyKey: string, unsubscribeUrl: (caseKey: string) => string): Email {
  const byCase = new Map<string, AlertFacts[]>();
  for (const a of [...alerts].sort((x, y) => x.caseKey.localeCompare(y.caseKey) || x.createdAt - y.createdAt || x.alertId.localeCompare(y.alertId))) {
    byCase.set(a.caseKey, [...(byCase.get(a.caseKey) ?? []), a]);
  }
  const blocks: Block[] = [{ kind: 'paragraph', text: `Since your last digest: ${plural(alerts.length, 'docket change', 'docket changes')} on ${plural(byCase.size, 'case', 'cases')}.` }];
  for (const group of byCase.values()) {
    const first = group[0] as AlertFacts;
    blocks.push({ kind: 'rule' }, { kind: 'heading', text: first.caption ? `${first.caseNumber} — ${oneLine(first.caption, 200)}` : first.caseNumber });
    if (first.note.trim()) blocks.push({ kind: 'fields', fields: [{ label: 'Your note', value: first.note }] });
    for (const a of group) blocks.push({ kind: 'paragraph', text: `${KIND_LABEL[a.kind]}:` }, ...alertBlocks(a, { withNote: false }).slice(1));
    blocks.push({ kind: 'link', label: 'Open the case on Case.net', url: first.caseUrl }, { kind: 'link', label: 'Stop alerts about this case', url: unsubscribeUrl(first.caseKey) });
  }
  const only = byCase.size === 1 ? (alerts[0] as AlertFacts) : null;
  const body: NoticeBody = { blocks, footer: { text: 'You get this daily digest because you chose it in your Docket Watch notification settings.' } };
  return {
    kind: 'digest',
    to,
    subject: `Docket Watch digest — ${plural(alerts.length, 'change', 'changes')} on ${plural(byCase.size, 'case', 'cases')}`,
    text: renderNoticeText(body),
    html: renderNoticeHtml(body),
    idempotencyKey,
    ...(only ? { headers: { 'List-Unsubscribe': `<${unsubscribeUrl(only.caseKey)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}
