import { DEFAULT_SETTINGS, Settings } from '../../lib/protocol';
import type { Ctx } from './context';

/** Stored settings, or the defaults when none (or an unreadable value) are stored. */
export async function readSettings(ctx: Ctx): Promise<Settings> {
  const row = await ctx.db.meta.get('settings');
  const parsed = Settings.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** Store settings (already schema-checked). A window may cross midnight; equal hours mean all day. */
export async function saveSettings(ctx: Ctx, settings: Settings): Promise<Settings> {
  await ctx.db.meta.put({ key: 'settings', value: settings });
  return settings;
}
