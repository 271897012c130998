// The first screen loads only what it shows: the entry, the shell and the timeline's own chunk, never
// another section's (Monaco, the schema browser...), and its status comes from the request the
// entry sent before the app had loaded (asked once, not twice).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Request } from '@playwright/test';
import { expect, test } from './support/studioTest';
import { sample, saveScreenshot, timeline } from './support/timeline';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../out/renderer/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

/** A chunk's own files plus everything it imports statically. */
/** Manifest keys are source paths relative to src-renderer/. */
const isSource = (key: string, path: string) => key === path || key.endsWith(`/${path}`);

function withStaticImports(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) withStaticImports(imported, into);
  return into;
}

test('the timeline\'s first paint loads no other section\'s chunk and asks for the status once', async ({ page, studio }, testInfo) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto(studio.server.url, { timeout: 90_000 });
  await expect(timeline(page).row(sample.first)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('app-loaded')).toBeVisible();
  await saveScreenshot(page, testInfo, 'startup-timeline');

  const path = (request: Request) => new URL(request.url()).pathname;
  const assets = requests.map(path).filter((p) => p.startsWith('/assets/')).map((p) => p.slice(1));
  const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];
  const [timelineKey] = Object.entries(manifest).find(([key, chunk]) => chunk.isDynamicEntry && isSource(key, 'features/timeline/TimelinePage.tsx')) ?? [];
  expect(entryKey && timelineKey, 'the manifest names the entry and the timeline chunk').toBeTruthy();
  // The shell (boot) is a dynamic entry of main.tsx too: allowed, with what it imports.
  const boot = Object.entries(manifest).find(([key, chunk]) => chunk.isDynamicEntry && isSource(key, 'app/boot.tsx'))?.[0];
  const allowed = withStaticImports(timelineKey!, withStaticImports(entryKey!, boot ? withStaticImports(boot) : new Set()));
  expect(assets.filter((file) => !allowed.has(file))).toEqual([]);
  expect(assets).toContain(manifest[timelineKey!]!.file);
  // Every other section is lazily split, so there is something not to load.
  const otherSections = Object.entries(manifest).filter(([key, chunk]) => chunk.isDynamicEntry && key !== timelineKey && key !== boot);
  expect(otherSections.length).toBeGreaterThan(0);
  for (const [, chunk] of otherSections) expect(assets).not.toContain(chunk.file);

  // The entry's early request was the one the timeline used: status asked once.
  expect(requests.filter((request) => path(request) === '/rpc/migrations/status')).toHaveLength(1);
  expect(requests.filter((request) => path(request) === '/rpc/connections/list')).toHaveLength(1);
});
