/**
 * The extension's ids, which the backend trusts as request origins. Chrome's is pinned by the
 * manifest key in wxt.config.ts; Firefox gives every install its own random `moz-extension://` id,
 * so the backend accepts that scheme as a whole.
 */
export const CHROME_EXTENSION_ID = 'gimcbcbkopdbigpgfpmimdcjldbjapac';
export const FIREFOX_EXTENSION_ID = 'docket-watch@docketwatch.local';
export const EXTENSION_ORIGINS = [`chrome-extension://${CHROME_EXTENSION_ID}`, 'moz-extension://*'] as const;
