/** A tiny JSON client for backend tests: one "browser" (device id, user agent, bearer token). */
export type ApiResponse = { status: number; body: Record<string, unknown>; headers: Headers };

export class ApiClient {
  token: string | null = null;

  constructor(
    readonly base: string,
    readonly deviceId: string = `device-${Math.random().toString(36).slice(2)}-${'x'.repeat(20)}`,
    readonly userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        'x-device-id': this.deviceId,
        'user-agent': this.userAgent,
        origin: this.base,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { raw: text };
    }
    const fresh = res.headers.get('set-auth-token');
    if (fresh) this.token = fresh;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  delete = (path: string, body?: unknown) => this.request('DELETE', path, body);
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const found = text.split(/\s+/).find((w) => w.startsWith(prefix));
  if (!found) throw new Error(`no link starting ${prefix} in:\n${text}`);
  return found;
}

/** The 6-digit code in an email's text. */
export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m?.[1]) throw new Error(`no 6-digit code in:\n${text}`);
  return m[1];
}
