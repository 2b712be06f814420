import { useEffect, useState } from 'preact/hooks';

/** What the dashboard shows: the folder, one case (`#case=<key>`, so it can be linked), the account (`#account`) or its notifications (`#notifications`). */
export type Route = { view: 'folder' } | { view: 'case'; key: string } | { view: 'account' } | { view: 'notifications' };

export const ACCOUNT_HASH = '#account';
export const NOTIFICATIONS_HASH = '#notifications';

export function parseHash(hash: string): Route {
  if (hash === ACCOUNT_HASH) return { view: 'account' };
  if (hash === NOTIFICATIONS_HASH) return { view: 'notifications' };
  const m = /^#case=(.+)$/.exec(hash);
  if (!m?.[1]) return { view: 'folder' };
  try {
    return { view: 'case', key: decodeURIComponent(m[1]) };
  } catch {
    return { view: 'folder' };
  }
}

export function caseHash(key: string): string {
  return `#case=${encodeURIComponent(key)}`;
}

/** The current route, following `hashchange` (links, back/forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Go back to the folder view. */
export function showFolder(): void {
  location.hash = '';
}
