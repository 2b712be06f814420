import { createMiddleware } from 'hono/factory';
import { escapeHtml } from '../mail/layout';

/**
 * The backend's few HTML pages (opened from email links): one plain layout with fixed text, and the
 * headers every such page gets (a strict CSP, no referrer, never cached).
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} · Docket Watch</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}label{display:block;margin:.75rem 0}input{display:block;width:100%;padding:.4rem;font:inherit}button{margin-top:1rem;padding:.5rem 1rem;font:inherit}[role=alert]{color:#a40000}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export function pageHeaders(csp: string) {
  return createMiddleware(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  });
}
