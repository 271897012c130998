import type { Monaco } from './loadMonaco';

/** The words a SQL migration is made of; Monaco's PostgreSQL grammar colours them, this offers them. */
const sqlKeywords = [
  'ADD', 'ADD COLUMN', 'ALTER', 'ALTER COLUMN', 'ALTER TABLE', 'AND', 'AS', 'ASC', 'BEGIN', 'BIGINT', 'BIGSERIAL',
  'BOOLEAN', 'BY', 'CASCADE', 'CHECK', 'COLUMN', 'COMMENT ON', 'COMMIT', 'CONCURRENTLY', 'CONSTRAINT', 'CREATE',
  'CREATE INDEX', 'CREATE INDEX CONCURRENTLY', 'CREATE TABLE', 'CREATE UNIQUE INDEX', 'CREATE VIEW', 'CURRENT_TIMESTAMP',
  'DEFAULT', 'DELETE FROM', 'DESC', 'DISTINCT', 'DROP', 'DROP COLUMN', 'DROP CONSTRAINT', 'DROP DEFAULT', 'DROP INDEX',
  'DROP NOT NULL', 'DROP TABLE', 'EXISTS', 'FALSE', 'FOREIGN KEY', 'FROM', 'FUNCTION', 'GRANT', 'IF EXISTS',
  'IF NOT EXISTS', 'INDEX', 'INSERT INTO', 'INTEGER', 'JOIN', 'JSONB', 'KEY', 'LIMIT', 'NOT', 'NOT NULL', 'NULL',
  'NUMERIC', 'ON', 'ON DELETE CASCADE', 'ON DELETE SET NULL', 'OR', 'ORDER BY', 'PRIMARY KEY', 'REFERENCES',
  'RENAME COLUMN', 'RENAME TO', 'RESTRICT', 'RETURNING', 'REVOKE', 'SCHEMA', 'SELECT', 'SERIAL', 'SET',
  'SET DEFAULT', 'SET NOT NULL', 'TABLE', 'TEXT', 'TIMESTAMP', 'TIMESTAMPTZ', 'TRIGGER', 'TRUE', 'TYPE', 'UNIQUE',
  'UPDATE', 'USING', 'UUID', 'VALUES', 'VARCHAR', 'VIEW', 'WHERE', 'WITH',
];

export function registerSqlCompletion(monaco: Monaco): void {
  monaco.languages.registerCompletionItemProvider('pgsql', {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: sqlKeywords.map((keyword) => ({
          label: keyword,
          kind: monaco.languages.CompletionItemKind.Keyword,
          insertText: keyword,
          range,
        })),
      };
    },
  });
}
