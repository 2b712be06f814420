import type { RequestName, RequestOf, Responses } from '../protocol';

/**
 * The part of `send` (lib/messages.ts) a page uses. Pages take it as a prop so tests can pass an
 * in-memory fake; main.tsx passes the real `send`.
 */
export type Api<N extends RequestName = RequestName> = <K extends N>(type: K, data: RequestOf<K>) => Promise<Responses[K]>;

/** The user-facing message of anything thrown by `send` (its errors are already plain words). */
export function errorText(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}
