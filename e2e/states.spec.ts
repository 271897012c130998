import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RpcEnvelope } from '../src-main/contract';
import { expect, reloadApp, test } from './support/studioTest';
import { saveScreenshot, timeline } from './support/timeline';

test.describe('an empty migrations folder', () => {
  test.use({
    projectSetup: {
      prepare: async ({ migrationsDir }) => {
        for (const file of await readdir(migrationsDir)) await rm(join(migrationsDir, file));
      },
    },
  });

  test('shows the empty state, up to date', async ({ app }, testInfo) => {
    await expect(app.getByTestId('timeline-empty')).toContainText('No migrations in this folder yet');
    await expect(app.getByTestId('up-to-date')).toBeVisible();
    await expect(timeline(app).runPendingButton).toBeDisabled();
    await saveScreenshot(app, testInfo, 'empty-project');
  });
});

test('an unreachable database shows the error and its hint in place of the timeline', async ({ app }, testInfo) => {
  // A profile on a port nothing listens on, saved and selected through the same RPC the UI uses.
  const rpc = (channel: string, input: unknown): Promise<RpcEnvelope<{ id: string }>> =>
    app.evaluate(async ([c, i]) => (await fetch(`/rpc/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json() as Promise<RpcEnvelope<{ id: string }>>, [channel, input] as const);
  const saved = await rpc('connections/save', {
    profile: { name: 'Nowhere', host: '127.0.0.1', port: 1, database: 'nowhere', user: 'nobody', sslMode: 'disable', environment: 'staging', color: '#f08c00' },
    password: 'not-a-secret',
    sessionOnly: true,
  });
  if (!saved.ok) throw new Error(`save failed: ${saved.error.message}`);
  expect((await rpc('connections/select', { id: saved.value.id })).ok).toBe(true);
  await reloadApp(app);
  const error = app.getByTestId('status-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/127\.0\.0\.1|connect|refused|reach/i);
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(app.getByTestId('app-loaded')).toBeVisible();
  await expect(app.getByTestId('server-version')).toContainText('unreachable');
  await saveScreenshot(app, testInfo, 'database-unreachable');
});
