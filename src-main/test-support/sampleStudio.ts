import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { StudioEvent } from '../contract';
import { createStudio, type Studio } from '../handlers/createStudio';
import { createRouter, type Dispatch } from '../handlers/router';
import { createTestDatabase, type TestDatabase } from './testDatabase';

const sampleMigrations = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface SampleStudio {
  readonly db: TestDatabase;
  readonly studio: Studio;
  /** The router over the studio's handlers, as every door calls them. */
  readonly dispatch: Dispatch;
  /** The suite's copy of the sample project's migrations folder (tests may add files to it). */
  readonly migrationsDir: string;
  /** Every event the studio published, in order. */
  readonly events: StudioEvent[];
}

/**
 * For the calling suite: a studio (server door) over a copy of the sample project on a fresh
 * database, its events collected, a router over its handlers; all removed after the suite.
 */
export function sampleStudioSuite(folderPrefix: string): SampleStudio {
  let opened: { db: TestDatabase; studio: Studio; dispatch: Dispatch; migrationsDir: string } | undefined;
  const events: StudioEvent[] = [];
  const current = () => {
    if (!opened) throw new Error('sampleStudioSuite: used outside the suite\'s tests');
    return opened;
  };
  beforeAll(async () => {
    const db = await createTestDatabase();
    const migrationsDir = await mkdtemp(join(tmpdir(), folderPrefix));
    await cp(sampleMigrations, migrationsDir, { recursive: true });
    const studio = createStudio({ dataDir: await mkdtemp(join(tmpdir(), 'pgm-studio-data-')), migrationsDir, databaseUrl: db.url, door: 'server', log: () => undefined });
    studio.events.subscribe((event) => events.push(event));
    opened = { db, studio, migrationsDir, dispatch: createRouter(studio.handlers, () => undefined).dispatch };
  });
  afterAll(async () => {
    await opened?.studio.close();
    await opened?.db.drop();
    if (opened) await rm(opened.migrationsDir, { recursive: true, force: true });
  });
  return {
    get db() {
      return current().db;
    },
    get studio() {
      return current().studio;
    },
    get dispatch() {
      return current().dispatch;
    },
    get migrationsDir() {
      return current().migrationsDir;
    },
    events,
  };
}
