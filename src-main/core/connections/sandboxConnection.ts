import type { ConnectionSummary } from '../../contract';
import { applicationName, connectTimeoutMs, type DatabaseTarget } from '../database';
import { knownSandboxPort, sandboxDatabase, startSandbox, type SandboxServer } from '../sandbox';
import { environmentColors } from './environmentColors';

export const sandboxId = 'sandbox';

function sandboxSummary(port: number): ConnectionSummary {
  return {
    id: sandboxId,
    name: 'Sandbox (built-in)',
    host: '127.0.0.1',
    port,
    database: sandboxDatabase,
    user: 'postgres',
    sslMode: 'disable',
    environment: 'development',
    color: environmentColors.development,
    passwordSource: 'sandbox',
    isSandbox: true,
  };
}

/** The built-in sandbox as one connection: started on first use, stopped on close only if this process started it. */
export class SandboxConnection {
  #server: Promise<SandboxServer> | undefined;

  constructor(private readonly options: { dataDir: string; onProgress?: (message: string) => void; onLog?: (line: string) => void }) {}

  /** For list(): no server is started; the port is the running or the preferred one (5432 before the first start). */
  async summary(): Promise<ConnectionSummary> {
    return sandboxSummary((await knownSandboxPort(this.options.dataDir)) ?? 5432);
  }

  async resolve(): Promise<{ profile: ConnectionSummary; target: DatabaseTarget }> {
    const starting = (this.#server ??= startSandbox(this.options));
    starting.catch(() => {
      if (this.#server === starting) this.#server = undefined; // a failed start may be retried
    });
    const server = await starting;
    return {
      profile: sandboxSummary(server.port),
      target: {
        host: '127.0.0.1',
        port: server.port,
        database: sandboxDatabase,
        user: server.credentials.user,
        password: server.credentials.password,
        ssl: false,
        application_name: applicationName,
        connectionTimeoutMillis: connectTimeoutMs,
      },
    };
  }

  async close(): Promise<void> {
    const server = this.#server && (await this.#server.catch(() => undefined));
    this.#server = undefined;
    if (server?.startedHere) await server.stop();
  }
}
