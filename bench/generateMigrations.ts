// A large, realistic migrations folder: CommonJS .js files with up and down, and a few .sql ones.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const firstTimestamp = 1_700_000_000_000;

export function benchMigrationName(index: number): string {
  return `${firstTimestamp + index}_bench_change_${String(index).padStart(5, '0')}`;
}

function jsMigration(index: number): string {
  return [
    `exports.up = (pgm) => {`,
    `  pgm.createTable('bench_table_${index}', { id: 'id', label: { type: 'varchar(100)', notNull: true } });`,
    `  pgm.createIndex('bench_table_${index}', 'label');`,
    `};`,
    `exports.down = (pgm) => {`,
    `  pgm.dropTable('bench_table_${index}');`,
    `};`,
    ``,
  ].join('\n');
}

function sqlMigration(index: number): string {
  return `-- Up Migration\nCREATE TABLE bench_table_${index} (id serial PRIMARY KEY);\n-- Down Migration\nDROP TABLE bench_table_${index};\n`;
}

/** Writes `count` migration files into `dir`; every tenth is SQL. Returns the names in order. */
export async function generateMigrations(dir: string, count: number): Promise<string[]> {
  const names: string[] = [];
  const batch = 200; // bounded parallel writes: fast, without exhausting file descriptors
  for (let start = 0; start < count; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + batch); index++) {
      const name = benchMigrationName(index);
      names.push(name);
      const sql = index % 10 === 9;
      writes.push(writeFile(join(dir, `${name}.${sql ? 'sql' : 'js'}`), sql ? sqlMigration(index) : jsMigration(index)));
    }
    await Promise.all(writes);
  }
  return names;
}
