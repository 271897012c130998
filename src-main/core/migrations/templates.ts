/** New-migration templates: both steps present, so a rollback never depends on inference. */
export const migrationTemplates = {
  js: `/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = (pgm) => {};

/**
 * Reverse everything up does, in the opposite order.
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.down = (pgm) => {};
`,
  ts: `import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {}

/** Reverse everything up does, in the opposite order. */
export async function down(pgm: MigrationBuilder): Promise<void> {}
`,
  sql: `-- Up Migration

-- Down Migration
`,
} as const;
