import { createHash } from 'node:crypto';

/** sha256 of the parts, each ended by a NUL (no two lists of parts digest alike by concatenation). */
export function digestOf(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('base64url');
}

/**
 * A docket exactly as the watch list stores it: each entry's fingerprint and entry JSON, in page
 * order. Two reads with the same digest store the same rows (a field the fingerprint leaves out,
 * such as `sequence`, still counts), so the diff of one against the other could only find nothing.
 */
export function docketDigest(fingerprints: readonly string[], entryJson: readonly string[]): string {
  return digestOf(fingerprints.flatMap((f, i) => [f, entryJson[i] ?? '']));
}
