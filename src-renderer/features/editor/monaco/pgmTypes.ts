import nodePgMigrateTypes from '../../../../node_modules/node-pg-migrate/dist/bundle/index.d.ts?raw';
import type { TypeScriptLanguage } from './loadMonaco';

/**
 * `pgm.` IntelliSense from node-pg-migrate's own declarations, registered where a Node resolver
 * looks for them, so `import('node-pg-migrate')` in a migration's JSDoc or import resolves.
 */
const nodePgMigrateRoot = 'file:///node_modules/node-pg-migrate';

/** Only what node-pg-migrate's declarations import from `pg` and `jiti`, typed loosely. */
const pgTypes = `
export interface QueryConfig { text: string; values?: any[]; name?: string }
export interface QueryArrayConfig extends QueryConfig { rowMode: 'array' }
export interface QueryResult<R = any> { rows: R[]; rowCount: number | null; command: string; fields: any[] }
export interface QueryArrayResult<R extends any[] = any[]> extends QueryResult<R> {}
export interface ClientConfig { connectionString?: string; host?: string; port?: number; user?: string; database?: string; password?: string | (() => string | Promise<string>); ssl?: any }
export interface ClientBase { query(text: string | QueryConfig, values?: any[]): Promise<QueryResult> }
`;
const jitiTypes = `export interface Jiti { (id: string): any; import<T = unknown>(id: string, options?: any): Promise<T> }\n`;

const extraLibs: Array<{ filePath: string; content: string }> = [
  { filePath: `${nodePgMigrateRoot}/package.json`, content: JSON.stringify({ name: 'node-pg-migrate', types: 'dist/bundle/index.d.ts' }) },
  { filePath: `${nodePgMigrateRoot}/dist/bundle/index.d.ts`, content: nodePgMigrateTypes },
  { filePath: 'file:///node_modules/@types/pg/index.d.ts', content: pgTypes },
  { filePath: 'file:///node_modules/jiti/index.d.ts', content: jitiTypes },
];

export function registerPgmTypes(typescript: TypeScriptLanguage): void {
  const { typescriptDefaults, javascriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } = typescript;
  const shared = {
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    allowJs: true,
    esModuleInterop: true,
    strict: false,
    noEmit: true,
  };
  typescriptDefaults.setCompilerOptions(shared);
  // checkJs: a wrong option name in a JS migration's createTable is underlined as in TypeScript.
  javascriptDefaults.setCompilerOptions({ ...shared, checkJs: true });
  // Monaco leaves semantic checks off for JavaScript by default: without this checkJs underlines nothing.
  // 1064 (an async function's return type must be the global Promise) flags node-pg-migrate's own
  // template JSDoc, `@returns {Promise<void> | void}`, which every generated JS migration carries.
  javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1064] });
  // Replaces (and so disposes) whatever an earlier load registered, never stacks a second copy.
  typescriptDefaults.setExtraLibs(extraLibs);
  javascriptDefaults.setExtraLibs(extraLibs);
}
