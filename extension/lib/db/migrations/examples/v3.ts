import { exampleV2 } from './v2';

/** Rows as version 3 stores them: the same as version 2 (only indexes changed). */
export const exampleV3: Record<string, unknown[]> = exampleV2;
