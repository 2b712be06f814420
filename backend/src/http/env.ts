import type { HttpBindings } from '@hono/node-server';
import type { Auth } from '../auth/auth';

export type SignedIn = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;

/** Hono environment of every route: node's request bindings, and the caller once signed in. */
export type AppEnv = { Bindings: HttpBindings; Variables: { user: SignedIn['user']; session: SignedIn['session'] } };
