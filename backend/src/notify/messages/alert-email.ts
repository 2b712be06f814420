import type { DocketEntry } from '../../../../shared/casenet/types';
import type { Email } from '../../mail/mailer';
import type { AlertFacts } from '../alert-facts';
import { renderNoticeHtml, renderNoticeText, type Block, type Field, type NoticeBody } from './email-render';
import { alertSubject, clip, KIND_LABEL } from './wording';

const TEXT_MAX = 5_000;

/** The entry's facts as label/value rows (empty facts left out). */
export function entryFields(e: DocketEntry): Field[] {
  const fields: [string, string | null][] = [
    ['Date', e.date],
    ['Entry', e.title || '(untitled entry)'],
    ['Text', e.text === null ? null : clip(e.text, TEXT_MAX)],
    ['Filed by', e.filedBy],
    ['On behalf of', e.onBehalfOf],
    ['Scheduled for', e.scheduledFor],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== '').map(([label, value]) => ({ label, value }));
}

/** What happened, in one sentence that never calls a correction or removal a new filing. */
export function whatHappened(f: AlertFacts): string {
  switch (f.kind) {
    case 'new':
      return `A new entry appeared on the docket of ${f.caseNumber}.`;
    case 'changed':
      return `The clerk corrected an entry on the docket of ${f.caseNumber}. It now reads:`;
    case 'removed':
      return `An entry was removed from the docket of ${f.caseNumber}. It read:`;
    case 'hearing':
      return `A hearing is coming up in ${f.caseNumber}.`;
  }
}

/** The blocks describing one alert (shared by the single email and the digest). */
export function alertBlocks(f: AlertFacts, opts: { withNote: boolean }): Block[] {
  const blocks: Block[] = [{ kind: 'paragraph', text: whatHappened(f) }, { kind: 'fields', fields: entryFields(f.entry) }];
  if (f.kind === 'changed' && f.previous) {
    blocks.push({ kind: 'paragraph', text: 'Before the correction:' }, { kind: 'fields', fields: entryFields(f.previous) });
  }
  if (opts.withNote && f.note.trim()) blocks.push({ kind: 'fields', fields: [{ label: 'Your note', value: clip(f.note, TEXT_MAX) }] });
  return blocks;
}

export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** One alert by email: subject `<case number> — <entry title>`, RFC 8058 one-click unsubscribe for the case. */
export function alertEmail(f: AlertFacts, to: string, deliveryId: string, unsubscribeUrl: string): Email {
  const body: NoticeBody = {
    blocks: [
      { kind: 'heading', text: `${KIND_LABEL[f.kind]} — ${f.caseNumber}` },
      ...(f.caption ? [{ kind: 'paragraph' as const, text: f.caption }] : []),
      ...alertBlocks(f, { withNote: true }),
      { kind: 'link', label: 'Open the case on Case.net', url: f.caseUrl },
    ],
    footer: { text: `You get this because you follow ${f.caseNumber} with Docket Watch.`, link: { label: 'Stop alerts about this case', url: unsubscribeUrl } },
  };
  return {
    kind: 'alert',
    to,
    subject: alertSubject(f),
    text: renderNoticeText(body),
    html: renderNoticeHtml(body),
    idempotencyKey: deliveryId,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}
