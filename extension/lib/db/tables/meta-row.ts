/** Small key → value records (settings, schema notes). Values are validated where they are read. */
export type MetaRow = { key: string; value: unknown };
