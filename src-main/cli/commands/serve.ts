// `pgm-studio serve`: the server door (src-main/server) started from the command line.
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { StudioError } from '../../contract';
import { maskUrlPasswords } from '../../core/database';
import type { RunningServer } from '../../server/startServer';
import { exitCodes } from '../cliErrors';
import { secretFrom, warnSecretOnCommandLine } from '../secretOptions';
import type { SharedOptionsResolver } from '../sharedOptions';
import type { Terminal } from '../terminal';

interface ServeOptions {
  port: number;
  host: string;
  readToken?: string;
  adminToken?: string;
  projectsRoot?: string;
  readTokenFile?: string;
  adminTokenFile?: string;
}

/** The API tokens from --*-token-file or --*-token (warned about: `ps` shows them); unset: the environment, else random. */
function apiTokens(options: ServeOptions, terminal: Terminal): { readToken?: string; adminToken?: string } {
  for (const [flag, given, variable] of [['--read-token', options.readToken, 'PGM_STUDIO_READ_TOKEN'], ['--admin-token', options.adminToken, 'PGM_STUDIO_ADMIN_TOKEN']] as const) {
    if (given !== undefined) warnSecretOnCommandLine(terminal, `a token in ${flag}`, `Pass it in the ${variable} environment variable or with ${flag}-file FILE instead.`);
  }
  return {
    readToken: secretFrom('--read-token', options.readToken, options.readTokenFile),
    adminToken: secretFrom('--admin-token', options.adminToken, options.adminTokenFile),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('Give a port number from 0 (any free port) to 65535.');
  return port;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

const stopDeadlineMs = 60_000;

/**
 * Resolves on the first SIGINT / SIGTERM (Ctrl+C, a service manager stopping us). Later signals do
 * not kill the process half-way through stopping (a run rolling back): they say it is still stopping.
 */
const untilStopSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`  ${signal}: still stopping (a run in progress is rolling back); exiting as soon as it is done.\n`);
        return;
      }
      stopping = true;
      setTimeout(() => {
        process.stderr.write(`error: PGM Studio did not stop within ${stopDeadlineMs / 1000} s: exiting anyway.\nhint: PostgreSQL rolls back a transaction left open when its connection closes; check the status before running again.\n`);
        process.exit(exitCodes.interrupted);
      }, stopDeadlineMs).unref();
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/**
 * Straight to the streams, not through Terminal: its masker also blanks the database password as a
 * plain substring, which could cut into a random token that happens to contain it. The one secret
 * here, the database URL, is masked by the caller.
 */
function announce(server: RunningServer, host: string, database: string, migrationsDir: string, json: boolean, projectsRoot?: string): void {
  const generated = {
    ...(server.generatedTokens.read ? { readToken: server.readToken } : {}),
    ...(server.generatedTokens.admin ? { adminToken: server.adminToken } : {}),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, ...generated })}\n`);
  } else {
    process.stdout.write(`PGM Studio is running at ${server.url}\n`);
    process.stderr.write(`  database:   ${database}\n  migrations: ${migrationsDir}\n`);
    if (projectsRoot) process.stderr.write(`  the UI may open projects below ${projectsRoot}\n`);
    if (generated.readToken || generated.adminToken) {
      // Printed this once only: they are never logged anywhere else.
      process.stderr.write('  API tokens for /api/migrations (generated for this launch; set PGM_STUDIO_READ_TOKEN / PGM_STUDIO_ADMIN_TOKEN to fix them):\n');
      if (generated.readToken) process.stderr.write(`    read:  ${generated.readToken}\n`);
      if (generated.adminToken) process.stderr.write(`    admin: ${generated.adminToken}\n`);
    }
    process.stderr.write('  Press Ctrl+C to stop.\n');
  }
  if (!isLoopback(host)) {
    process.stderr.write(
      `\n  WARNING: listening on ${host}, not on loopback. Anyone who can reach this machine can reach PGM Studio;\n` +
        '  the tokens are the only protection and travel unencrypted over plain HTTP. Prefer --host 127.0.0.1 with an SSH tunnel.\n\n',
    );
  }
}

export function registerServe(program: Command, shared: SharedOptionsResolver, terminal: Terminal): void {
  program
    .command('serve')
    .description('serve the app and the seed\'s /api/migrations over HTTP (default http://127.0.0.1, a free port)')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 0)
    .option('--host <host>', 'address to listen on; anything but loopback exposes the app to the network', '127.0.0.1')
    .option('--read-token <token>', 'bearer token that may GET /api/migrations (default: $PGM_STUDIO_READ_TOKEN, else random); prefer the variable or --read-token-file: the command line shows in `ps`')
    .option('--read-token-file <file>', 'read the read token from the first line of this file')
    .option('--projects-root <dir>', 'let the served UI open project folders below this folder (and nowhere else)')
    .option('--admin-token <token>', 'bearer token that may also POST /api/migrations (default: $PGM_STUDIO_ADMIN_TOKEN, else random); prefer the variable or --admin-token-file')
    .option('--admin-token-file <file>', 'read the admin token from the first line of this file')
    .action(async (options: ServeOptions, command: Command) => {
      const common = shared.options(command);
      const tokens = apiTokens(options, terminal);
      const settings = shared.studioOptions(command);
      // Loaded here to fail fast (exit 2 with a hint) on a wrong --migrations-dir or config file.
      const { project } = await shared.studio(command).api.app.info({});
      const { migrationsDir } = project.settings;
      const projectsRoot = options.projectsRoot ? resolvePath(options.projectsRoot) : undefined;
      if (projectsRoot && !(await stat(projectsRoot).catch(() => null))?.isDirectory()) {
        throw new StudioError('invalid-project', `The projects root ${projectsRoot} is not a folder.`, { hint: 'Give --projects-root the folder that holds your project folders.' });
      }
      // Listening before the server announces itself: a signal right after the announcement must find it.
      const stopSignal = untilStopSignal();
      // fastify and the UI's routes load here only: every other command starts without them.
      const { startServer } = await import('../../server/startServer');
      const server = await startServer({ ...settings, projectsRoot, host: options.host, port: options.port, ...tokens });
      const database = settings.databaseUrl
        ? maskUrlPasswords(settings.databaseUrl)
        : (project.origins.databaseUrl ? `${project.origins.databaseUrl.value} (DATABASE_URL from ${project.origins.databaseUrl.source})` : 'the current connection of the data folder (the built-in sandbox until you add one)');
      announce(server, options.host, database, `${migrationsDir} (project ${project.root})`, common.json, projectsRoot);
      const signal = await stopSignal;
      process.stderr.write(`  ${signal}: stopping PGM Studio: no new requests; a run in progress is interrupted and rolled back…\n`);
      await server.close();
    });
}
