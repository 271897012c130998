import { readFileSync, realpathSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction, constants as vmConstants } from 'node:vm';
import { createJiti } from 'jiti';
import * as nodePgMigrateModule from 'node-pg-migrate';
import type { RunnerOption } from 'node-pg-migrate';

type LoaderStrategies = NonNullable<RunnerOption['migrationLoaderStrategies']>;
type Loader = Extract<LoaderStrategies[number]['loader'], (...args: never[]) => unknown>;

/** A migration file that could not be loaded (syntax error, throwing at import, missing import). */
export class MigrationFileLoadError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`Cannot load migration file ${basename(file)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFileLoadError';
  }
}

// Same loader as node-pg-migrate's default (jiti handles .ts, ESM and CommonJS alike, whatever the
// package "type"), but without jiti's module cache so a file edited since the last run is re-read
// (plain CommonJS files are compiled here instead, see loadCommonJs), and with errors that name the file. jiti's transpile cache on disk stays on: it is keyed by the
// source's hash, so it is never stale, and node-pg-migrate loads every file on every run.
//
// Migrations import node-pg-migrate (types, PgLiteral) from wherever they live, often a folder with
// no node_modules of its own: resolve it to the copy that runs them, as node-pg-migrate's CLI would.
const nodePgMigrate = fileURLToPath(import.meta.resolve('node-pg-migrate'));
const jiti = createJiti(import.meta.url, { moduleCache: false, interopDefault: true, alias: { 'node-pg-migrate': nodePgMigrate } });

// jiti's own test for ESM syntax (jiti 2 `hasESMSyntax`): a file that has none is plain CommonJS.
const esmSyntax = /(?:[\s;]|^)(?:import[\s\w*,{}]*from|import\s*["'*{]|export\b\s*(?:[*{]|default|class|type|function|const|var|let|async function)|import\.meta\b)/m;

/** The "type" of the package.json nearest to `dir`, as Node (and jiti) look it up; memoized per load. */
function packageTypeOf(dir: string, memo: Map<string, string | undefined>): string | undefined {
  if (memo.has(dir)) return memo.get(dir);
  let type: string | undefined;
  let found = false;
  try {
    type = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: unknown }).type as string | undefined;
    found = true;
  } catch {
    // no package.json here (or not JSON, which Node would reject anyway): look further up
  }
  if (!found && dirname(dir) !== dir) type = packageTypeOf(dirname(dir), memo);
  memo.set(dir, type);
  return type;
}

// A dynamic import() in CommonJS needs Node's own loader (jiti hands such a file to it): outside a
// comment (the JSDoc `@param pgm {import('node-pg-migrate').MigrationBuilder}` is in most files), it
// sends the file to jiti. Should one get past this rough look, import() still works here (Node
// prints an ExperimentalWarning for it).
const comments = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const callsImport = (source: string): boolean => source.includes('import') && /\bimport\s*\(/.test(source.replace(comments, ''));

const wrapperParameters = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Errors of a CommonJS file that jiti may still load: it resolves `.ts` and aliases, and transpiles. */
const jitiMayLoad = new Set(['MODULE_NOT_FOUND', 'ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'ERR_UNKNOWN_FILE_EXTENSION']);
const nodeModulePaths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths;

/**
 * What jiti hands node-pg-migrate for a CommonJS file: its exports, each function bound to them (jiti
 * reads what Node's export scan missed, e.g. methods of `module.exports = { up(pgm) {…} }`, from the
 * exports, bound). One bound copy per function, so `down === up` (reverse mode) still holds.
 */
function boundExports(exports: object): object {
  const bound = new Map<(...args: never[]) => unknown, unknown>();
  return new Proxy(exports, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: never[]) => unknown;
      if (!bound.has(fn)) bound.set(fn, fn.bind(target));
      return bound.get(fn);
    },
  });
}

/**
 * A CommonJS migration (a .cjs file, or a .js file outside a "type": "module" package, with no ESM
 * syntax) is one jiti does not transpile: it hands it to Node's own loader through import(), whose
 * module cache then keeps the first version of the file for the life of the process (an edit made in
 * the app was never seen) and which costs ~1.2 ms a file (1,000 files: 1.3 s of a 2.3 s `up`). Here
 * it is compiled the way Node compiles CommonJS, fresh on every run, in ~0.15 ms: from its real path
 * (a symbolic link resolved, as Node does), its own `require` resolving from its folder like Node's,
 * and `node-pg-migrate` falling back to the copy that runs it when the folder has none. (What it
 * requires stays in Node's module cache, as under node-pg-migrate.) Null when the file is not plain
 * CommonJS, does not compile, or needs what only jiti gives (a `.ts` helper, an ES module): then jiti
 * loads it exactly as node-pg-migrate would; jiti, too, retries a file whose native load failed.
 * Any other error thrown by the file is its load error.
 */
function loadCommonJs(filePath: string, packageTypes: Map<string, string | undefined>): { actions: object } | null {
  const extension = extname(filePath);
  if (extension !== '.cjs' && extension !== '.js') return null;
  const realPath = realpathSync.native(filePath);
  const dir = dirname(realPath);
  if (extension === '.js' && packageTypeOf(dir, packageTypes) === 'module') return null;
  let source = readFileSync(realPath, 'utf8');
  if (esmSyntax.test(source) || callsImport(source)) return null;
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  if (source.startsWith('#!')) source = `//${source}`;
  let wrapper: (...args: unknown[]) => unknown;
  try {
    wrapper = compileFunction(source, wrapperParameters, { filename: realPath, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER }) as typeof wrapper;
  } catch {
    return null; // e.g. a top-level await: jiti transpiles it
  }
  const module = new Module(realPath);
  module.filename = realPath;
  module.paths = nodeModulePaths(dir);
  const nativeRequire = createRequire(realPath);
  const require = Object.assign((id: string): unknown => {
    if (id !== 'node-pg-migrate') return nativeRequire(id);
    try {
      return nativeRequire(id);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return nodePgMigrateModule;
      throw error;
    }
  }, { resolve: nativeRequire.resolve, cache: nativeRequire.cache, main: nativeRequire.main, extensions: nativeRequire.extensions });
  try {
    wrapper.call(module.exports, module.exports, require, module, realPath, dir);
  } catch (error) {
    if (error instanceof SyntaxError || jitiMayLoad.has((error as NodeJS.ErrnoException | null)?.code ?? '')) return null;
    throw error;
  }
  module.loaded = true;
  const { exports } = module as { exports: unknown };
  return { actions: exports !== null && (typeof exports === 'object' || typeof exports === 'function') ? boundExports(exports) : (exports as object) };
}

const loadScripts: Loader = async (filePaths) => {
  const units = [];
  const packageTypes = new Map<string, string | undefined>();
  for (const filePath of filePaths) {
    try {
      const compiled = loadCommonJs(filePath, packageTypes);
      const actions = compiled ? compiled.actions : await jiti.import<object>(filePath);
      units.push({ id: filePath, filePaths: [filePath], actions });
    } catch (error) {
      throw new MigrationFileLoadError(filePath, error);
    }
  }
  return units;
};

export const migrationLoaderStrategies: LoaderStrategies = [
  { extensions: ['.sql'], loader: 'legacySql' },
  { extensions: ['.js', '.cjs', '.mjs', '.ts'], loader: loadScripts },
];

export function findLoadError(error: unknown): MigrationFileLoadError | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof MigrationFileLoadError) return e;
  }
  return null;
}
