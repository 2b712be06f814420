import { DEFAULT_SETTINGS, Settings } from '../../lib/protocol';
import type { Ctx } from './context';

/**
 * Stored settings, or the defaults when none (or an unreadable value) are stored. A field added
 * since the settings were saved (e.g. `serverUrl`) takes its default; the others are kept.
 */
export async function readSettings(ctx: Ctx): Promise<Settings> {
  const row = await ctx.db.meta.get('settings');
  const stored = typeof row?.value === 'object' && row.value !== null ? row.value : {};
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** Store settings (already schema-checked). A window may cross midnight; equal hours mean all day. */
export async function saveSettings(ctx: Ctx, settings: Settings): Promise<Settings> {
  await ctx.db.meta.put({ key: 'settings', value: settings });
  return settings;
}
