import { escapeHtml } from '../../mail/layout';

/**
 * The notification emails' body, given once and rendered as plain text and as escaped HTML (every
 * value from Case.net or the user is escaped; links are ours, built from PUBLIC_URL or Case.net's
 * allowlisted origins).
 */
export type Field = { label: string; value: string };
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'rule' };

export type NoticeBody = { blocks: Block[]; footer: { text: string; link?: { label: string; url: string } } };

export function renderNoticeText(body: NoticeBody): string {
  const parts: string[] = [];
  for (const b of body.blocks) {
    if (b.kind === 'heading') parts.push(`${b.text}\n${'='.repeat(Math.min(b.text.length, 60))}`);
    else if (b.kind === 'paragraph') parts.push(b.text);
    else if (b.kind === 'fields') parts.push(b.fields.map((f) => `${f.label}: ${f.value}`).join('\n'));
    else if (b.kind === 'link') parts.push(`${b.label}: ${b.url}`);
    else parts.push('----');
  }
  const footer = body.footer.link ? `${body.footer.text}\n${body.footer.link.label}: ${body.footer.link.url}` : body.footer.text;
  return `${parts.join('\n\n')}\n\n--\n${footer}\n`;
}

const multiline = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

export function renderNoticeHtml(body: NoticeBody): string {
  const html: string[] = [];
  for (const b of body.blocks) {
    if (b.kind === 'heading') html.push(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(b.text)}</h2>`);
    else if (b.kind === 'paragraph') html.push(`<p>${multiline(b.text)}</p>`);
    else if (b.kind === 'fields') {
      const rows = b.fields.map((f) => `<tr><th style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;color:#555">${escapeHtml(f.label)}</th><td style="padding:2px 0">${multiline(f.value)}</td></tr>`);
      html.push(`<table style="border-collapse:collapse">${rows.join('')}</table>`);
    } else if (b.kind === 'link') html.push(`<p><a href="${escapeHtml(b.url)}">${escapeHtml(b.label)}</a></p>`);
    else html.push('<hr style="border:0;border-top:1px solid #ddd">');
  }
  const link = body.footer.link ? ` <a href="${escapeHtml(body.footer.link.url)}">${escapeHtml(body.footer.link.label)}</a>` : '';
  html.push(`<hr><p style="color:#666;font-size:12px">${escapeHtml(body.footer.text)}${link}</p>`);
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${html.join('')}</body></html>`;
}
