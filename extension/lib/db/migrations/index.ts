import type { MigrationStep } from './step';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';

/** Every schema version in order; a new version appends one step file (and an example under examples/). */
export const MIGRATIONS: readonly MigrationStep[] = [v1, v2, v3];

export const LATEST_VERSION = MIGRATIONS.length;
