export { backoffDelay, cappedExponential, parseRetryAfter, SIX_HOURS_MS, type BackoffOptions } from './backoff';
export { PoliteQueue, type PoliteQueueOptions } from './polite-queue';
export { centralParts, isInWindow, nextRefreshAt, nextWindowStart, type CentralParts, type RefreshPlan, type RefreshWindow } from './window';
export { COURT_HOURS, inCourtHours, pollInterval } from './court-hours';
