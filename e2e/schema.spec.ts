import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, reloadApp, test } from './support/studioTest';
import { shell } from './support/shell';
import { sample, saveScreenshot, timeline } from './support/timeline';

/** Applies the sample project from the timeline, as an operator does before inspecting it. */
async function applySampleProject(page: Parameters<typeof timeline>[0]) {
  const t = timeline(page);
  await t.runPending();
  await t.confirm();
  await expect(t.summary.getByTestId('up-to-date')).toBeVisible();
}

test('open user_preferences from the tree, follow its foreign key to users, then the diagram', async ({ app, studio }, testInfo) => {
  // Before any migration: the section says where tables come from.
  await shell(app).goTo('Schema');
  await expect(app.getByTestId('schema-empty')).toContainText('No tables in');
  await saveScreenshot(app, testInfo, 'schema-empty');

  await shell(app).goTo('Timeline');
  await applySampleProject(app);
  await shell(app).goTo('Schema');
  await app.getByRole('button', { name: 'Refresh the schema' }).click();
  await expect(app.getByTestId('schema-age')).toContainText('loaded');

  // The tree filters in memory; the table opens from it.
  await app.getByTestId('schema-filter').fill('user_pref');
  await expect(app.getByTestId('schema-tree-object').and(app.locator('[data-name="users"]'))).toHaveCount(0);
  await app.getByRole('list', { name: 'Schema objects' }).getByRole('button', { name: 'public.user_preferences', exact: true }).click();
  await expect(app).toHaveURL(/#\/schema\/public\/user_preferences$/);
  const view = app.getByTestId('table-view');
  await expect(view.getByTestId('table-title')).toHaveText('public.user_preferences');

  // Columns: every one, with psql's fields.
  const columns = view.getByTestId('table-columns');
  for (const name of ['id', 'user_id', 'theme', 'notifications_enabled', 'created_at']) await expect(columns).toContainText(name);
  await expect(columns).toContainText('character varying(20)');
  await expect(columns).toContainText("'light'::character varying");
  await expect(columns).toContainText('not null');
  await expect(columns).toContainText('extended');
  await saveScreenshot(app, testInfo, 'table-columns');

  // Constraints: exactly what the seed's pg_constraint query lists, readable.
  await view.getByRole('tab', { name: /Constraints/ }).click();
  const seeded = await studio.db.query<{ conname: string }>("SELECT conname, contype FROM pg_constraint WHERE conrelid = 'user_preferences'::regclass");
  const constraints = view.getByTestId('table-constraints');
  for (const { conname } of seeded) await expect(constraints).toContainText(conname);
  await expect(constraints).toContainText('PRIMARY KEY');
  await expect(constraints).toContainText('FOREIGN KEY');
  await expect(constraints).toContainText('REFERENCES users(id) ON DELETE CASCADE');
  await saveScreenshot(app, testInfo, 'table-constraints');
  // The section itself (the run log below it is the shell's, checked by accessibility.spec.ts).
  const axe = await new AxeBuilder({ page: app }).include('[data-testid="schema-page"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  // Follow the foreign key to users, whose "Referenced by" leads back.
  await view.getByRole('tab', { name: /Foreign keys/ }).click();
  await view.getByTestId('table-foreign-keys').getByTestId('table-link').filter({ hasText: 'users' }).click();
  await expect(app).toHaveURL(/#\/schema\/public\/users$/);
  await expect(view.getByTestId('table-title')).toHaveText('public.users');
  await view.getByRole('tab', { name: /Foreign keys/ }).click();
  const referencedBy = view.getByTestId('table-referenced-by');
  for (const table of ['courses', 'notes', 'favorites', 'user_preferences']) await expect(referencedBy).toContainText(table);
  await saveScreenshot(app, testInfo, 'referenced-by');

  // The table's address is a deep link: a reload opens the same table.
  await reloadApp(app);
  await expect(view.getByTestId('table-title')).toHaveText('public.users');

  await view.getByRole('tab', { name: 'DDL' }).click();
  await expect(view.getByTestId('table-ddl')).toContainText('CREATE TABLE');

  // The diagram around users: its neighbours, each a node; clicking one opens it.
  await app.getByText('Diagram', { exact: true }).click();
  await expect(app).toHaveURL(/#\/schema\/public\/users\?view=erd$/);
  const nodes = app.getByTestId('erd-node');
  await expect(nodes.first()).toBeVisible({ timeout: 60_000 });
  // users and the four tables that reference it.
  await expect(nodes).toHaveCount(5);
  await saveScreenshot(app, testInfo, 'erd-users');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export PNG' }).click();
  const png = await readFile(await (await download).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const svgDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export SVG' }).click();
  const svg = await readFile(await (await svgDownload).path(), 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('user_preferences');

  await app.locator('[data-testid="erd-node"][data-table="public.courses"]').click();
  await expect(app).toHaveURL(/#\/schema\/public\/courses$/);
  await expect(view.getByTestId('table-title')).toHaveText('public.courses');
});

test('a pending migration’s schema change from the timeline, then what its down would change', async ({ app }, testInfo) => {
  const t = timeline(app);
  await t.row(sample.third).getByRole('button', { name: `Preview schema change: ${sample.third}` }).click();
  const drawer = app.getByTestId('migration-diff');
  // It rehearses the two before it first: a loaded machine needs time.
  const group = drawer.locator('[data-testid="diff-group"][data-relation="public.user_preferences"]');
  await expect(group).toBeVisible({ timeout: 60_000 });
  await expect(group).toHaveAttribute('data-change', 'added');
  await expect(group).toContainText('theme');
  await expect(group).toContainText('user_preferences_user_id_index');
  await expect(drawer).toContainText(sample.second); // rehearsed before it, and said so
  await expect(drawer.locator('[data-testid="diff-group"]')).toHaveCount(1);
  await drawer.getByRole('button', { name: /SQL the rehearsal executed/ }).click();
  await expect(drawer.getByTestId('migration-diff-sql')).toContainText('CREATE TABLE "user_preferences"');
  await saveScreenshot(app, testInfo, 'diff-pending');
  await app.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await t.expectStates({ [sample.third]: 'pending' });

  await applySampleProject(app);
  await t.row(sample.first).getByRole('button', { name: `What its down would change: ${sample.first}` }).click();
  const removed = drawer.locator('[data-testid="diff-group"][data-relation="public.users"]');
  await expect(removed).toBeVisible({ timeout: 60_000 });
  await expect(removed).toHaveAttribute('data-change', 'removed');
  await expect(drawer.locator('[data-testid="diff-group"][data-relation="public.courses"]')).toHaveAttribute('data-change', 'removed');
  await saveScreenshot(app, testInfo, 'diff-applied-down');

  // The removed table still exists now: its link opens it in the Schema section.
  await removed.getByTestId('diff-table-link').click();
  await expect(app).toHaveURL(/#\/schema\/public\/users$/);
  await expect(app.getByTestId('table-title')).toHaveText('public.users');
});
