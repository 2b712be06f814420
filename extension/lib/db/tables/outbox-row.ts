import type { Mutation } from '../../../../shared/sync/protocol';

/** A local change waiting for the sync server: the protocol's mutation as pushed (`id` is the key). */
export type OutboxRow = Mutation;
