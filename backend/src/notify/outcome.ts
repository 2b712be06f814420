/**
 * What one attempt at a delivery came to. `retry`: try again later (until MAX_TRIES); `rejected`:
 * the provider refused for good (dead-lettered now); `maybe-sent`: the request may have gone through
 * (never repeated); `cancel` and `postpone` send nothing (muted or turned off; quiet hours).
 */
export type SendOutcome =
  | { kind: 'sent'; providerId: string | null }
  | { kind: 'retry'; error: string }
  | { kind: 'rejected'; error: string }
  | { kind: 'maybe-sent'; error: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'postpone'; until: number };
