import { fillMigrationTemplate } from '../../contract';

/** New-migration templates when no content or template is given: both steps present, so a rollback never depends on inference. */
export const migrationTemplates = {
  js: fillMigrationTemplate('blank', 'js'),
  ts: fillMigrationTemplate('blank', 'ts'),
  sql: fillMigrationTemplate('blank', 'sql'),
} as const;
