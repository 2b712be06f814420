import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FIREFOX_EXTENSION_ID } from './shared/extension-ids';

// Chrome extension id pinned by this public key (shared/extension-ids.ts); the backend's trusted origins need it.
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4SdNbIjICMQe8/HcmTAME54vivNwjdnbM5HSvxsDQp1rt0fEHZmbTX3DUhLRhuyMN+lgWe9RoUwaAs33Yk0n+Uid4TW2759dEM86jL+Ba9eupydzz5bbz6NS1I/+tsR4qk08de3lGHmIr01arO72baCQfkjpBBOLRV3JeNPLQuXmugqig4iv/Q07zjmV7Y/3hykGDqK7qdgbZLELiiQNNyKEhXoDapnhbT1HRMRhgpeQaHj1k6Jvt4kbHPtxTD+GjBmvSLTJSwfKKJKLeOBGu/O/B9GLfewlqdArW1Ef+mLIRvfYfDi/JERG8fkkbV++PV8L2JYFbmdWBsmX0zNVoQIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  // DW_OUT_DIR builds elsewhere (two builds side by side, e.g. parallel work); tests read the same variable.
  outDir: process.env.DW_OUT_DIR ?? '.output',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Docket Watch',
    description: 'Track and Save buttons for Missouri Case.net, with docket alerts.',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: ['*://*.courts.mo.gov/*', '*://courts.mo.gov/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: FIREFOX_EXTENSION_ID, strict_min_version: '128.0' } } }
      : { key: CHROME_PUBLIC_KEY }),
  }),
});
