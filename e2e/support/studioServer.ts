import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

export interface StudioServer {
  /** The printed URL, carrying the per-launch UI token. */
  url: string;
  origin: string;
  readToken: string;
  adminToken: string;
  /** Everything the server printed, for a failing test's report. */
  output(): string;
  stop(): Promise<void>;
}

export interface StudioServerOptions {
  /** Omitted: the project's own database (its .env) or the data folder's current connection. */
  databaseUrl?: string;
  /** Omitted: the project's own setting. */
  migrationsDir?: string;
  dataDir: string;
  /** serve --project. */
  project?: string;
}

const repoRoot = resolve(import.meta.dirname, '../..');
const urlPattern = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[^\s]+)/;

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** `pgm-studio serve` exactly as an operator starts it, on a free port; resolves once it printed its URL. */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const readToken = `read-${randomBytes(12).toString('hex')}`;
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const child = spawn(
    process.execPath,
    [
      'bin/pgm-studio.js', 'serve', '--port', '0',
      ...(options.migrationsDir ? ['--migrations-dir', options.migrationsDir] : []),
      ...(options.project ? ['--project', options.project] : []),
      '--data-dir', options.dataDir,
    ],
    // Secrets through the environment, as the README says: the command line shows in `ps`.
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The editor's up-down-up test makes its scratch databases on the test server, not in a sandbox of its own.
      // No Secret Service, on every machine: the UI's keychain-unavailable path is the one these specs
      // pin (the keychain itself is tested against a real gnome-keyring by `npm run test:keychain:ci`).
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: options.databaseUrl, PGM_STUDIO_SCRATCH_URL: process.env.PGM_STUDIO_E2E_ADMIN_URL, PGM_STUDIO_READ_TOKEN: readToken, PGM_STUDIO_ADMIN_TOKEN: adminToken, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pgm-studio-e2e-bus' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    // tsx compiles the sources at start: give a slow, busy CI machine room.
    const timer = setTimeout(() => reject(new Error(`pgm-studio serve printed no URL within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pgm-studio serve exited with ${code} before printing its URL:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    readToken,
    adminToken,
    output: () => output,
    stop: () => stopProcess(child),
  };
}
