import { defaultSharing, sharingSchema, type SharingPreferences } from '@shared/domain/minutes';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from '@core/sessions/context';

const key = 'minutes.sharing';

/** How email drafts are written; the defaults until someone chooses, or if what is stored no longer reads. */
export function getSharing({ db }: SessionContext): SharingPreferences {
  const row = db.get<{ value: string }>(sql`SELECT value FROM preferences WHERE key = ${key}`);
  if (!row) return { ...defaultSharing };
  const parsed = sharingSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : { ...defaultSharing };
}

export function setSharing(context: SessionContext, preferences: SharingPreferences): SharingPreferences {
  const value = JSON.stringify(preferences);
  const now = isoNow(context.clock);
  context.db.run(sql`
    INSERT INTO preferences (key, value, updated_at) VALUES (${key}, ${value}, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  return getSharing(context);
}
