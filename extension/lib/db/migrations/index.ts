import type { MigrationStep } from './step';
import { v1 } from './v1';

/** Every schema version in order; a new version appends one step file (and an example under examples/). */
export const MIGRATIONS: readonly MigrationStep[] = [v1];

export const LATEST_VERSION = MIGRATIONS.length;
