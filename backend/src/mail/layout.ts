/** A message body given once and rendered twice: plain text and escaped HTML. */
export type MessageBody = {
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A code the reader types (shown large in HTML). */
  code?: string;
  footer?: string;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function renderText(body: MessageBody): string {
  const parts = [...body.paragraphs];
  if (body.code) parts.splice(1, 0, `    ${body.code}`);
  if (body.action) parts.push(`${body.action.label}: ${body.action.url}`);
  if (body.footer) parts.push(`--\n${body.footer}`);
  return `${parts.join('\n\n')}\n`;
}

export function renderHtml(body: MessageBody): string {
  const p = body.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`);
  if (body.code) p.splice(1, 0, `<p style="font-size:28px;letter-spacing:6px;font-weight:bold">${escapeHtml(body.code)}</p>`);
  if (body.action) p.push(`<p><a href="${escapeHtml(body.action.url)}">${escapeHtml(body.action.label)}</a></p>`);
  if (body.footer) p.push(`<hr><p style="color:#666;font-size:12px">${escapeHtml(body.footer)}</p>`);
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${p.join('')}</body></html>`;
}
