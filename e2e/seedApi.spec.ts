import { expect, test, waitForApp } from './support/studioTest';
import { sample, sampleNames, saveScreenshot, timeline } from './support/timeline';

// The seed's /api/migrations, called the way curl would: plain HTTP with a Bearer header.
test('the seed API answers 200, 401, 403 and 429 as specified', async ({ request, studio, page }, testInfo) => {
  const api = `${studio.server.origin}/api/migrations`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const status = await request.get(api, { headers: bearer(studio.server.readToken) });
  expect(status.status()).toBe(200);
  const body = await status.json();
  expect(body.message).toEqual(expect.any(String));
  expect(body.status).toMatchObject({ pendingMigrations: sampleNames, appliedMigrations: [], lastMigration: null, isUpToDate: false });

  expect((await request.get(api)).status()).toBe(401);
  expect((await request.get(api, { headers: bearer('not-a-token') })).status()).toBe(401);
  const forbidden = await request.post(api, { headers: bearer(studio.server.readToken) });
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden', hint: expect.any(String) } });

  const run = await request.post(api, { headers: { ...bearer(studio.server.adminToken), 'content-type': 'application/json' } });
  expect(run.status()).toBe(200);
  const runBody = await run.json();
  expect(runBody.success).toBe(true);
  expect(runBody.results.map((r: { name: string }) => r.name)).toEqual(sampleNames);

  // A burst past the limit (60 a minute per token by default) is turned away with Retry-After.
  const burst = await Promise.all(Array.from({ length: 70 }, () => request.get(api, { headers: bearer(studio.server.readToken) })));
  const limited = burst.filter((r) => r.status() === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(Number(limited[0]?.headers()['retry-after'])).toBeGreaterThan(0);
  expect(burst.filter((r) => r.status() !== 200 && r.status() !== 429)).toEqual([]);

  // What the operator sees afterwards: the API's run, in the UI.
  await page.goto(studio.server.url);
  await waitForApp(page);
  await timeline(page).expectStates({ [sample.third]: 'applied' });
  await saveScreenshot(page, testInfo, 'after-seed-api-run');
});
