import { DEFAULT_SETTINGS, Settings } from '../../lib/protocol';
import type { Ctx } from './context';
import { enqueue, sharedSettings, syncedTables } from './sync/outbox';

/**
 * Stored settings, or the defaults when none (or an unreadable value) are stored. A field added
 * since the settings were saved (e.g. `serverUrl`) takes its default; the others are kept.
 */
export async function readSettings(ctx: Pick<Ctx, 'db'>): Promise<Settings> {
  const row = await ctx.db.meta.get('settings');
  const stored = typeof row?.value === 'object' && row.value !== null ? row.value : {};
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/**
 * Store settings (already schema-checked). A window may cross midnight; equal hours mean all day.
 * A change to the shared part (all but the server address) goes to the other browsers.
 */
export async function saveSettings(ctx: Ctx, settings: Settings): Promise<Settings> {
  const { db } = ctx;
  await db.transaction('rw', syncedTables(db), async () => {
    const before = JSON.stringify(sharedSettings(await readSettings(ctx)));
    await db.meta.put({ key: 'settings', value: settings });
    const shared = sharedSettings(settings);
    if (JSON.stringify(shared) !== before) await enqueue(ctx, [{ op: 'setSettings', args: { settings: shared } }]);
  });
  return settings;
}
