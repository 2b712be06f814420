import { exampleV1 } from './v1';
import { exampleV2 } from './v2';
import { exampleV3 } from './v3';

/** One example per schema version, index = version - 1 (the migration test fails when one is missing). */
export const EXAMPLES: readonly Record<string, unknown[]>[] = [exampleV1, exampleV2, exampleV3];
