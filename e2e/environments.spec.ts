import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/studioTest';
import { createE2eDatabase, type E2eDatabase } from './support/testDatabase';
import { startStudioServer, type StudioServer } from './support/studioServer';
import { shell } from './support/shell';

const sampleMigrations = resolve(import.meta.dirname, '../migrations');
const sampleNames = ['1734567890000_initial_database_setup', '1734567890001_episode_notes_favorites', '1734567890002_add_user_preferences'];

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A contract call from the page's session, as the UI makes it. */
async function rpc<T>(page: Page, server: StudioServer, channel: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${server.origin}/rpc/${channel}`, { data: input, headers: { origin: server.origin }, timeout: 120_000 });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`);
  return envelope.value as T;
}

test.describe('a project read from package.json and .env, its environments side by side', () => {
  let root: string;
  let development: E2eDatabase;
  let staging: E2eDatabase;
  let server: StudioServer | null = null;

  test.beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pgm-studio-e2e-project-'));
    development = await createE2eDatabase();
    staging = await createE2eDatabase();
    // Settings only in a package.json script, the database only in .env: nothing on the command line.
    await cp(sampleMigrations, join(root, 'course-tracker', 'db', 'migrations'), { recursive: true });
    await writeFile(join(root, 'course-tracker', 'package.json'), JSON.stringify({
      name: 'course-tracker',
      scripts: { 'migrate:up': 'node-pg-migrate up -m db/migrations -t schema_migrations', 'migrate:down': 'node-pg-migrate down -m db/migrations -t schema_migrations' },
    }));
    await writeFile(join(root, 'course-tracker', '.env'), `DATABASE_URL=${development.url}\n`);
    await mkdir(join(root, 'data'));
    server = await startStudioServer({ project: join(root, 'course-tracker'), dataDir: join(root, 'data') });
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from a destructured first argument.
  test.afterEach(async ({}, testInfo) => {
    await server?.stop();
    if (server && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve output', { body: server.output(), contentType: 'text/plain' });
    await development.drop();
    await staging.drop();
    await rm(root, { recursive: true, force: true });
  });

  test('shows the timeline from the script\'s settings, then three databases at three states, one unreachable', async ({ page }) => {
    test.setTimeout(180_000);
    if (!server) throw new Error('no server');
    await page.goto(server.url);
    await expect(page.getByTestId('app-loaded')).toBeVisible({ timeout: 60_000 });
    // The timeline of db/migrations on the .env database: all three pending.
    await expect(page.getByTestId('project')).toContainText(join('course-tracker', 'db', 'migrations'));
    for (const name of sampleNames) await expect(page.getByText(name.replace(/^\d+_/, ''), { exact: false }).first()).toBeVisible();

    // Three environments: development (.env) fully migrated, staging behind with a missing file, production unreachable.
    await rpc(page, server, 'migrations/run', { connectionId: 'database-url', selection: { direction: 'up' } });
    const stagingConnection = await rpc<{ id: string }>(page, server, 'connections/import-url', { url: staging.url, name: 'Staging', environment: 'staging', sessionOnly: true });
    await rpc(page, server, 'migrations/run', { connectionId: stagingConnection.id, selection: { direction: 'up', count: 1 } });
    await staging.query("INSERT INTO public.schema_migrations (name, run_on) VALUES ('1734567890009_hotfix_from_another_branch', now())");
    await rpc(page, server, 'connections/import-url', { url: `postgres://app:pw@127.0.0.1:${await closedPort()}/course`, name: 'Production', environment: 'production', sessionOnly: true });
    await rpc(page, server, 'connections/select', { id: 'database-url' });

    await page.reload();
    await expect(page.getByTestId('app-loaded')).toBeVisible({ timeout: 60_000 });
    await shell(page).goTo('Environments');
    const card = (name: string) => page.getByTestId('environment-card').filter({ hasText: name });

    const dev = card('DATABASE_URL from .env');
    await expect(dev).toHaveAttribute('data-state', 'reachable', { timeout: 60_000 });
    await expect(dev.getByTestId('env-applied')).toHaveText('3');
    await expect(dev.getByTestId('env-pending')).toHaveText('0');
    await expect(dev.getByTestId('env-last')).toHaveText(sampleNames[2]!);
    await expect(dev.getByTestId('env-current')).toBeVisible();

    const stage = card('Staging');
    await expect(stage).toHaveAttribute('data-state', 'reachable', { timeout: 60_000 });
    await expect(stage.getByText('staging', { exact: true })).toBeVisible();
    await expect(stage.getByTestId('env-applied')).toHaveText('2');
    await expect(stage.getByTestId('env-last')).toHaveText('1734567890009_hotfix_from_another_branch');
    await expect(stage.getByTestId('env-pending')).toHaveText('2');
    await expect(stage.getByTestId('env-missing')).toHaveText('1');
    // The two sample migrations older than the hotfix row are pending out of order.
    await expect(stage.getByTestId('env-out-of-order')).toHaveText('2');
    await expect(stage.getByTestId('env-out-of-order-names')).toContainText(sampleNames[1]!);

    const prod = card('Production');
    await expect(prod).toHaveAttribute('data-state', 'unreachable', { timeout: 60_000 });
    await expect(prod.getByTestId('env-unreachable')).toBeVisible();
    await expect(prod.getByText('production', { exact: true })).toBeVisible();

    await page.screenshot({ path: test.info().outputPath('environments.png'), fullPage: true });

    // Click one to make it current: the timeline then works on staging.
    await stage.getByRole('button', { name: 'Make current' }).click();
    await expect(stage.getByTestId('env-current')).toBeVisible();
    await expect(dev.getByRole('button', { name: 'Make current' })).toBeVisible();

    // The project panel names where each setting came from.
    await shell(page).goTo('Project');
    await expect(page.getByTestId('setting-migrationsTable')).toContainText('schema_migrations');
    await expect(page.getByTestId('setting-migrationsTable')).toContainText('package.json script "migrate:up"');
    await expect(page.getByTestId('setting-databaseUrl')).toContainText('.env');
    await expect(page.getByTestId('setting-databaseUrl')).not.toContainText(new URL(development.url).password);
    await page.screenshot({ path: test.info().outputPath('project.png'), fullPage: true });
  });
});
