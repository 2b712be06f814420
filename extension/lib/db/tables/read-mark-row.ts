/** A read mark from another browser for an alert this one has not raised yet: it starts read when it is. */
export type ReadMarkRow = { alertId: string; readAt: number };
