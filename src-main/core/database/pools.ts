import { createHash } from 'node:crypto';
import pg from 'pg';
import { StudioError } from '../../contract/errors';
import { attemptOf, clientConfigFor } from './connect';
import { connectErrorFor, explainDatabaseError, isConnectionLoss } from './databaseErrors';
import { describeTarget, identityOf, type DatabaseTarget } from './target';

/** Connections per database target; `PGM_STUDIO_POOL_SIZE` overrides it (a role's CONNECTION LIMIT may be small). */
export const defaultPoolSize = 4;

function poolSize(): number {
  const fromEnv = Number(process.env.PGM_STUDIO_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultPoolSize;
}

/**
 * One pool per target identity: user@host:port/db plus a digest of the whole config (password, SSL
 * options), so a changed password gets a new pool and no key ever shows the password.
 */
export function poolKey(target: DatabaseTarget): string {
  const { host, port, database, user } = identityOf(target);
  const digest = createHash('sha256').update(JSON.stringify(target)).digest('hex').slice(0, 16);
  return `${user}@${host}:${port}/${database}#${digest}`;
}

/** A client taken from a pool; give it back exactly once. */
export interface PooledClient {
  client: pg.PoolClient;
  /** Back to the pool; `destroy` closes it instead (its session state is unknown or the connection is broken). */
  release(destroy?: boolean): void;
  /**
   * For a client that ran a whole command (session advisory lock, SET by migrations): reset the
   * session and give it back, or destroy it when a transaction is still open or the reset fails.
   */
  releaseSession(): Promise<void>;
}

function poolBusy(target: DatabaseTarget, size: number): StudioError {
  return new StudioError('connection-failed', `All ${size} connections to ${describeTarget(target)} stayed busy: no connection came free in time.`, {
    hint: 'Wait for the running work (a long migration, a burst of requests) to finish and retry, or raise PGM_STUDIO_POOL_SIZE if the role\'s connection limit allows it.',
    detail: { poolSize: size },
  });
}

export class DatabasePools {
  readonly #pools = new Map<string, pg.Pool>();

  pool(target: DatabaseTarget): pg.Pool {
    const key = poolKey(target);
    let pool = this.#pools.get(key);
    if (!pool) {
      // allowExitOnIdle: idle connections never keep a CLI process alive.
      pool = new pg.Pool({ ...clientConfigFor(target), max: poolSize(), idleTimeoutMillis: 10_000, allowExitOnIdle: true });
      // An idle client whose server goes away (restart, pg_terminate_backend) is dropped by the pool; never a crash.
      pool.on('error', () => undefined);
      this.#pools.set(key, pool);
    }
    return pool;
  }

  async checkout(target: DatabaseTarget): Promise<PooledClient> {
    const pool = this.pool(target);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // pg-pool's words for "waited connectionTimeoutMillis for a free client": the server is fine, the pool is busy.
      if (error instanceof Error && error.message === 'timeout exceeded when trying to connect') throw poolBusy(target, pool.options.max);
      throw connectErrorFor(error, attemptOf(target));
    }
    // The pool listens for errors only while a client is idle; a checked-out one needs its own listener.
    const swallow = () => undefined;
    client.on('error', swallow);
    let released = false;
    const release = (destroy = false) => {
      if (released) return;
      released = true;
      client.removeListener('error', swallow);
      client.release(destroy);
    };
    const releaseSession = async () => {
      if (released) return;
      if (client.getTransactionStatus() !== 'I') return release(true);
      // DISCARD ALL also drops advisory locks, prepared statements, temp tables and SET/ROLE changes.
      const reset = await client.query('DISCARD ALL').then(() => true, () => false);
      release(!reset);
    };
    return { client, release, releaseSession };
  }

  /** Runs `fn` on a pooled client; PostgreSQL errors become StudioErrors, a broken client is not reused. */
  async withClient<T>(target: DatabaseTarget, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const lease = await this.checkout(target);
    let broken = false;
    try {
      return await fn(lease.client);
    } catch (error) {
      broken = isConnectionLoss(error) || lease.client.getTransactionStatus() !== 'I';
      throw explainDatabaseError(error);
    } finally {
      lease.release(broken);
    }
  }

  /** Ends the pool of one target (its database is about to be dropped or used as a template). */
  async end(target: DatabaseTarget): Promise<void> {
    const key = poolKey(target);
    const pool = this.#pools.get(key);
    if (pool === undefined) return;
    this.#pools.delete(key);
    await pool.end().catch(() => undefined);
  }

  /** How many pools are open (one per target identity). */
  get size(): number {
    return this.#pools.size;
  }

  /** Ends every pool; a later request opens a new one. Clients still checked out are closed when released. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  }
}

// The engine's functions take a target, not a pool: they share this process-wide set. Each studio
// retains it while open; the last one to close ends the pools.
const shared = new DatabasePools();
let holders = 0;

export function databasePools(): DatabasePools {
  return shared;
}

/** Keep the shared pools for an owner (a studio); the returned function releases them, ending all pools after the last owner. */
export function retainDatabasePools(): () => Promise<void> {
  holders += 1;
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    holders -= 1;
    if (holders === 0) await shared.close();
  };
}

/** Runs `fn` with a pooled connection to `target` and always gives it back. */
export function withClient<T>(target: DatabaseTarget, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  return shared.withClient(target, fn);
}

/** Closes the shared pool's connections to `target` (before the database is dropped or copied as a template). */
export function endDatabasePool(target: DatabaseTarget): Promise<void> {
  return shared.end(target);
}

/**
 * Whether a command holding one of `target`'s pooled connections can count on a second one coming
 * free (the pool holds more than one). With PGM_STUDIO_POOL_SIZE=1, waiting for a second would wait forever.
 */
export function hasSpareConnection(target: DatabaseTarget): boolean {
  return (shared.pool(target).options.max ?? defaultPoolSize) > 1;
}

/** One client for a whole command (advisory lock + transaction); end it with `releaseSession()`. */
export function checkoutClient(target: DatabaseTarget): Promise<PooledClient> {
  return shared.checkout(target);
}
