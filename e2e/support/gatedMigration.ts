import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file that lets a gated migration finish: beside the migrations folder, not in it. */
const gateFile = (migrationsDir: string) => join(migrationsDir, '..', 'release-gated-migration');

/**
 * Writes a migration that stays running until the test calls releaseGatedMigration (at most
 * 120 s), so "running" is on screen for as long as the test needs, however slow the machine: no
 * race against a fixed sleep.
 */
export async function addGatedMigration(migrationsDir: string, name: string): Promise<void> {
  const gate = JSON.stringify(gateFile(migrationsDir));
  await writeFile(join(migrationsDir, `${name}.js`), [
    "const { existsSync } = require('node:fs');",
    'exports.up = async (pgm) => {',
    '  const until = Date.now() + 120000;',
    `  while (!existsSync(${gate}) && Date.now() < until) await new Promise((done) => setTimeout(done, 100));`,
    '  pgm.sql("SELECT 1");',
    '};',
    'exports.down = () => {};',
    '',
  ].join('\n'));
}

export async function releaseGatedMigration(migrationsDir: string): Promise<void> {
  await writeFile(gateFile(migrationsDir), '');
}
