import { describe, expect, it } from 'vitest';
import { abandonedAfterMs, abandonedScratchNames, onDatabase, uniqueScratchName } from './scratchDatabases';

describe('scratch databases', () => {
  it('names carry their creation time, and only old scratch or half-built ones count as abandoned', () => {
    const now = Date.UTC(2026, 11, 2);
    const old = uniqueScratchName('scratch', now - abandonedAfterMs - 60_000);
    const oldBuilding = uniqueScratchName('building', now - abandonedAfterMs - 60_000);
    const fresh = uniqueScratchName('scratch', now - 60_000);
    expect(old).toMatch(/^pgm_studio_scratch_\d+_[0-9a-f]{12}$/);
    expect(abandonedScratchNames([old, oldBuilding, fresh, 'pgm_studio_tpl_0a1b2c3d_0123456789abcdef0123', 'course_tracker'], now)).toEqual([old, oldBuilding]);
  });

  it('onDatabase swaps only the database of a URL or a config', () => {
    expect(onDatabase({ connectionString: 'postgres://u:p%40ss@h:5433/app?sslmode=disable' }, 'postgres')).toEqual({ connectionString: 'postgres://u:p%40ss@h:5433/postgres?sslmode=disable' });
    expect(onDatabase({ host: 'h', port: 5433, user: 'u', database: 'app' }, 'postgres')).toEqual({ host: 'h', port: 5433, user: 'u', database: 'postgres' });
  });
});
