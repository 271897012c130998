/**
 * New-migration templates for the seed's operations, per language, as data the new-migration form
 * lists and migrations/create fills. `{{table}}` stands for the table the operator names
 * (fillMigrationTemplate). JS and TS carry node-pg-migrate's JSDoc / type import so the editor's
 * IntelliSense knows `pgm`. Every template has both steps, so a rollback never depends on inference.
 */
export const newMigrationLanguageList = ['js', 'ts', 'sql'] as const;
type NewLanguage = (typeof newMigrationLanguageList)[number];

export const migrationTemplateIds = ['blank', 'create-table', 'add-column', 'add-index', 'add-foreign-key', 'data-migration', 'raw-sql'] as const;
export type MigrationTemplateId = (typeof migrationTemplateIds)[number];

/** The token a template's content carries where the table name goes. */
export const templateTablePlaceholder = '{{table}}';

export interface MigrationTemplate {
  id: MigrationTemplateId;
  title: string;
  description: string;
  /** Whether the content mentions `{{table}}` (the form then asks for a table). */
  needsTable: boolean;
  content: Record<NewLanguage, string>;
}

interface Steps {
  up: string;
  down: string;
  /** up is async (awaits pgm.sql). */
  async?: boolean;
  sqlUp: string;
  sqlDown: string;
}

const indent = (body: string) => body.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n');

function js({ up, down }: Steps): string {
  return `/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
exports.shorthands = undefined;

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.up = async (pgm) => {${up === '' ? '' : `\n${indent(up)}\n`}};

/**
 * Reverse everything up does, in the opposite order.
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @returns {Promise<void> | void}
 */
exports.down = async (pgm) => {${down === '' ? '' : `\n${indent(down)}\n`}};
`;
}

function ts({ up, down }: Steps): string {
  return `import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {${up === '' ? '' : `\n${indent(up)}\n`}}

/** Reverse everything up does, in the opposite order. */
export async function down(pgm: MigrationBuilder): Promise<void> {${down === '' ? '' : `\n${indent(down)}\n`}}
`;
}

function sql({ sqlUp, sqlDown }: Steps): string {
  return `-- Up Migration
${sqlUp === '' ? '' : `${sqlUp}\n`}
-- Down Migration
${sqlDown === '' ? '' : `${sqlDown}\n`}`;
}

const T = templateTablePlaceholder;

const steps: Record<MigrationTemplateId, Steps> = {
  blank: { up: '', down: '', sqlUp: '', sqlDown: '' },
  'create-table': {
    up: `pgm.createTable('${T}', {
  id: 'id',
  name: { type: 'varchar(255)', notNull: true },
  created_at: { type: 'timestamptz', notNull: true, default: pgm.func('current_timestamp') },
});`,
    down: `pgm.dropTable('${T}');`,
    sqlUp: `CREATE TABLE ${T} (
  id serial PRIMARY KEY,
  name varchar(255) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT current_timestamp
);`,
    sqlDown: `DROP TABLE ${T};`,
  },
  'add-column': {
    up: `pgm.addColumn('${T}', {
  last_login: { type: 'timestamptz' },
});`,
    down: `pgm.dropColumn('${T}', 'last_login');`,
    sqlUp: `ALTER TABLE ${T} ADD COLUMN last_login timestamptz;`,
    sqlDown: `ALTER TABLE ${T} DROP COLUMN last_login;`,
  },
  'add-index': {
    up: `pgm.createIndex('${T}', 'email');`,
    down: `pgm.dropIndex('${T}', 'email');`,
    sqlUp: `CREATE INDEX ${T}_email_index ON ${T} (email);`,
    sqlDown: `DROP INDEX ${T}_email_index;`,
  },
  'add-foreign-key': {
    up: `pgm.addColumn('${T}', {
  user_id: { type: 'integer', references: 'users', onDelete: 'CASCADE' },
});
// Index the new foreign key column: joins and cascading deletes look it up.
pgm.createIndex('${T}', 'user_id');`,
    down: `pgm.dropIndex('${T}', 'user_id');
pgm.dropColumn('${T}', 'user_id');`,
    sqlUp: `ALTER TABLE ${T} ADD COLUMN user_id integer REFERENCES users ON DELETE CASCADE;
-- Index the new foreign key column: joins and cascading deletes look it up.
CREATE INDEX ${T}_user_id_index ON ${T} (user_id);`,
    sqlDown: `DROP INDEX ${T}_user_id_index;
ALTER TABLE ${T} DROP COLUMN user_id;`,
  },
  // The seed's "Data Migrations": add the column, populate it, then make it NOT NULL.
  'data-migration': {
    up: `// 1. Add new column
pgm.addColumn('${T}', {
  full_name: { type: 'varchar(255)' },
});

// 2. Populate new column (use raw SQL for complex operations)
pgm.sql(\`
  UPDATE ${T}
  SET full_name = CONCAT(first_name, ' ', last_name)
  WHERE first_name IS NOT NULL AND last_name IS NOT NULL
\`);

// 3. Make column not null after population
pgm.alterColumn('${T}', 'full_name', { notNull: true });`,
    down: `pgm.dropColumn('${T}', 'full_name');`,
    sqlUp: `-- 1. Add new column
ALTER TABLE ${T} ADD COLUMN full_name varchar(255);

-- 2. Populate new column
UPDATE ${T}
SET full_name = CONCAT(first_name, ' ', last_name)
WHERE first_name IS NOT NULL AND last_name IS NOT NULL;

-- 3. Make column not null after population
ALTER TABLE ${T} ALTER COLUMN full_name SET NOT NULL;`,
    sqlDown: `ALTER TABLE ${T} DROP COLUMN full_name;`,
  },
  'raw-sql': {
    up: `pgm.sql(\`
  -- SQL for up
\`);`,
    down: `pgm.sql(\`
  -- SQL that reverses up
\`);`,
    sqlUp: `-- SQL for up`,
    sqlDown: `-- SQL that reverses up`,
  },
};

const about: Record<MigrationTemplateId, { title: string; description: string }> = {
  blank: { title: 'Blank', description: 'Empty up and down steps.' },
  'create-table': { title: 'Create table', description: 'A new table with an id, a name and a created_at timestamp; down drops it.' },
  'add-column': { title: 'Add column', description: 'A nullable column on an existing table; down drops it.' },
  'add-index': { title: 'Add index', description: 'An index on one column; down drops it.' },
  'add-foreign-key': { title: 'Add foreign key', description: 'A column referencing users, with its index; down drops both.' },
  'data-migration': { title: 'Data migration', description: 'Add a column, populate it from existing data, then make it NOT NULL (the seed\'s "Data Migrations").' },
  'raw-sql': { title: 'Raw SQL', description: 'Hand-written SQL for up and for down.' },
};

export const migrationTemplates: readonly MigrationTemplate[] = migrationTemplateIds.map((id) => {
  const s = steps[id];
  const content = { js: js(s), ts: ts(s), sql: sql(s) };
  return { id, ...about[id], needsTable: content.js.includes(T), content };
});

/** A template's text for one language with `{{table}}` replaced (default `my_table` when no table is given). */
export function fillMigrationTemplate(id: MigrationTemplateId, language: NewLanguage, table?: string): string {
  const template = migrationTemplates.find((t) => t.id === id);
  if (template === undefined) throw new Error(`Unknown template ${id}`);
  return template.content[language].split(T).join(table === undefined || table === '' ? 'my_table' : table);
}
