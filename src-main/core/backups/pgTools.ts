import { execFile } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { StudioError, type BackupTools, type PgToolInstall } from '../../contract';
import { withClient, type DatabaseTarget } from '../database';

const run = promisify(execFile);

// Where PostgreSQL client tools live on the platforms operators use, after PATH.
const globbedRoots: { parent: string; match: RegExp; bin: (entry: string) => string; source: PgToolInstall['source'] }[] = [
  { parent: '/usr/lib/postgresql', match: /^\d+$/, bin: (v) => join('/usr/lib/postgresql', v, 'bin'), source: 'system' },
  { parent: '/usr', match: /^pgsql-\d+$/, bin: (v) => join('/usr', v, 'bin'), source: 'system' },
  { parent: '/opt/homebrew/opt', match: /^(postgresql(@\d+)?|libpq)$/, bin: (v) => join('/opt/homebrew/opt', v, 'bin'), source: 'homebrew' },
  { parent: '/usr/local/opt', match: /^(postgresql(@\d+)?|libpq)$/, bin: (v) => join('/usr/local/opt', v, 'bin'), source: 'homebrew' },
  { parent: '/Applications/Postgres.app/Contents/Versions', match: /^[\w.]+$/, bin: (v) => join('/Applications/Postgres.app/Contents/Versions', v, 'bin'), source: 'postgres-app' },
];

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15.18 / 15; "pg_dump (PostgreSQL) 9.6.24" → 9.6.24 / 9. */
export function parsePgDumpVersion(output: string): { version: string; major: number } | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const version = [match[1], match[2], match[3]].filter((p) => p !== undefined).join('.');
  // Before 10 the major was two numbers (9.6); only >= 10 matters against a supported server.
  return { version, major: Number(match[1]) };
}

/** Candidate bin folders in search order: preference, PATH, then the well-known install locations. */
async function candidateDirs(preferencePath: string | undefined, env: NodeJS.ProcessEnv, wellKnown: boolean): Promise<{ dir: string; source: PgToolInstall['source'] }[]> {
  const dirs: { dir: string; source: PgToolInstall['source'] }[] = [];
  if (preferencePath) dirs.push({ dir: preferencePath, source: 'preference' });
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) dirs.push({ dir, source: 'path' });
  for (const root of wellKnown ? globbedRoots : []) {
    const entries = await readdir(root.parent).catch(() => [] as string[]);
    for (const entry of entries.filter((e) => root.match.test(e)).sort()) dirs.push({ dir: root.bin(entry), source: root.source });
  }
  return dirs;
}

export interface DiscoveryOptions {
  /** A folder holding pg_dump, set in preferences (or PGM_STUDIO_PG_BIN): searched first. */
  preferencePath?: string;
  env?: NodeJS.ProcessEnv;
  /** false: only the preference path and PATH (a locked-down install, or a test that must not see the system's tools). */
  wellKnownLocations?: boolean;
}

/** Every distinct pg_dump found (same version from two folders: the first wins). */
export async function discoverPgTools(options: DiscoveryOptions = {}): Promise<PgToolInstall[]> {
  const env = options.env ?? process.env;
  const found: PgToolInstall[] = [];
  const seen = new Set<string>();
  for (const { dir, source } of await candidateDirs(options.preferencePath ?? env.PGM_STUDIO_PG_BIN, env, options.wellKnownLocations !== false)) {
    const pgDump = join(dir, exe('pg_dump'));
    if (seen.has(pgDump) || !(await isExecutable(pgDump))) continue;
    seen.add(pgDump);
    const output = await run(pgDump, ['--version'], { timeout: 15_000, env: { PATH: env.PATH ?? '' } }).then((r) => r.stdout, () => '');
    const parsed = parsePgDumpVersion(output);
    if (!parsed) continue;
    const pgRestore = join(dir, exe('pg_restore'));
    const install: PgToolInstall = { binDir: dir, pgDump, pgRestore: (await isExecutable(pgRestore)) ? pgRestore : null, ...parsed, source };
    // The same version found twice (PATH's wrapper and /usr/lib/postgresql/N): keep the first, unless it lacks pg_restore.
    const twin = found.findIndex((f) => f.version === install.version);
    if (twin === -1) found.push(install);
    else if (!found[twin]!.pgRestore && install.pgRestore) found[twin] = install;
  }
  return found;
}

/** pg_dump cannot dump a server newer than itself: the lowest major at least the server's (closest behaviour), newest minor. */
export function pickPgDump(found: readonly PgToolInstall[], serverMajor: number): PgToolInstall | null {
  const fitting = found.filter((f) => f.major >= serverMajor && f.pgRestore !== null);
  if (fitting.length === 0) return null;
  const lowestMajor = Math.min(...fitting.map((f) => f.major));
  return fitting.filter((f) => f.major === lowestMajor).sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The error when no pg_dump fits: the server version, what was found, how to install one. */
export function noMatchingPgDump(found: readonly PgToolInstall[], serverVersion: string, serverMajor: number): StudioError {
  const seen = found.length ? found.map((f) => `${f.version} (${f.pgDump}${f.pgRestore ? '' : ', no pg_restore beside it'})`).join(', ') : 'none';
  return new StudioError('not-found', `No pg_dump/pg_restore of version ${serverMajor} or newer was found for this PostgreSQL ${serverVersion} server (found: ${seen}).`, {
    hint: `Install the PostgreSQL ${serverMajor} client tools — Debian/Ubuntu: sudo apt install postgresql-client-${serverMajor}; macOS: brew install postgresql@${serverMajor} (or Postgres.app); RHEL: dnf install postgresql${serverMajor}. Or set the folder holding pg_dump in the preferences (PGM_STUDIO_PG_BIN).`,
    detail: { serverVersion, found: found.map((f) => ({ version: f.version, path: f.pgDump })) },
  });
}

export async function readServerVersion(target: DatabaseTarget): Promise<{ version: string; major: number }> {
  return withClient(target, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>("select current_setting('server_version_num') as num, current_setting('server_version') as version");
    const num = Number(rows[0]!.num);
    return { version: rows[0]!.version.split(' ')[0]!, major: Math.floor(num / 10000) };
  });
}

/** backups/tools: what is installed and what a backup of `target` would use. */
export async function backupTools(target: DatabaseTarget, options: DiscoveryOptions = {}): Promise<BackupTools> {
  const [found, server] = await Promise.all([discoverFresh(options), readServerVersion(target).catch(() => null)]);
  if (!server) return { found, serverVersion: null, serverMajor: null, chosen: null };
  const chosen = pickPgDump(found, server.major);
  return { found, serverVersion: server.version, serverMajor: server.major, chosen, ...(chosen ? {} : { problem: noMatchingPgDump(found, server.version, server.major).toJSON() }) };
}

/**
 * What discovery found, per search (preference, PATH, well-known locations), for a few minutes:
 * asking every candidate `pg_dump --version` (Debian's is a Perl wrapper) took 0.3-1 s of each
 * backup, verification and restore. A search that finds none that fits is redone at once, so a
 * client installed after the error is seen; backups/tools always searches afresh.
 */
const discoveryCache = new Map<string, { at: number; found: Promise<PgToolInstall[]> }>();
const discoveryCacheMs = 5 * 60_000;

function discoveryKey(options: DiscoveryOptions): string {
  const env = options.env ?? process.env;
  return JSON.stringify([options.preferencePath ?? env.PGM_STUDIO_PG_BIN ?? '', env.PATH ?? '', options.wellKnownLocations !== false]);
}

function discoverFresh(options: DiscoveryOptions): Promise<PgToolInstall[]> {
  const key = discoveryKey(options);
  const found = discoverPgTools(options);
  discoveryCache.set(key, { at: Date.now(), found });
  found.catch(() => discoveryCache.delete(key));
  return found;
}

function discoverRecent(options: DiscoveryOptions): Promise<PgToolInstall[]> {
  const cached = discoveryCache.get(discoveryKey(options));
  return cached && Date.now() - cached.at < discoveryCacheMs ? cached.found : discoverFresh(options);
}

/** The pg_dump/pg_restore for `target`, or the clear error. */
export async function pgToolsFor(target: DatabaseTarget, options: DiscoveryOptions = {}): Promise<PgToolInstall & { pgRestore: string; serverVersion: string }> {
  const [recent, server] = await Promise.all([discoverRecent(options), readServerVersion(target)]);
  const fits = (tool: PgToolInstall | null) => tool?.pgRestore != null;
  let chosen = pickPgDump(recent, server.major);
  let found = recent;
  // Not found, or gone since (uninstalled, upgraded): search again before giving up.
  if (!fits(chosen) || !(await isExecutable(chosen!.pgDump)) || !(await isExecutable(chosen!.pgRestore!))) {
    found = await discoverFresh(options);
    chosen = pickPgDump(found, server.major);
  }
  if (!chosen?.pgRestore) throw noMatchingPgDump(found, server.version, server.major);
  return { ...chosen, pgRestore: chosen.pgRestore, serverVersion: server.version };
}
