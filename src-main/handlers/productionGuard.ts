// The one production guard every door goes through: a run that changes a production database needs
// the database's name typed. "Production" follows the database (host, port, name), not the way it
// was reached: a --database-url pointing at a saved production connection is production too.
import { adHocConnectionId, connectionRunTimeouts, isProductionConnection, StudioError, type AppInfo, type ConnectionSummary, type RunTimeouts } from '../contract';
import { environmentColors } from '../core/connections';
import type { DatabaseTarget } from '../core/database';
import type { ConnectionContext } from './connectionContext';

type Endpoint = Pick<ConnectionSummary, 'host' | 'port' | 'database'>;

/** What makes two connection entries the same database. TODO(merge): belongs in core/database's connection target. */
export interface DatabaseIdentity {
  host: string;
  port: number;
  database: string;
}

const loopbackNames = new Set(['', 'localhost', '127.0.0.1', '::1']);

export function databaseIdentity(endpoint: Endpoint): DatabaseIdentity {
  const host = endpoint.host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return { host: loopbackNames.has(host) ? 'localhost' : host, port: endpoint.port || 5432, database: endpoint.database };
}

export function sameDatabase(a: Endpoint, b: Endpoint): boolean {
  const [x, y] = [databaseIdentity(a), databaseIdentity(b)];
  return x.host === y.host && x.port === y.port && x.database === y.database;
}

/**
 * Each entry that reaches a saved production connection's database without being tagged production
 * itself names it in `productionMatch`; the session-only DATABASE_URL entry, whose environment nobody
 * chose, also shows as production.
 */
export function markProductionMatches(connections: ConnectionSummary[]): ConnectionSummary[] {
  const production = connections.filter((c) => c.environment === 'production' && !c.isSandbox);
  return connections.map((entry) => {
    if (entry.environment === 'production' || entry.isSandbox) return entry;
    const match = production.find((saved) => saved.id !== entry.id && sameDatabase(saved, entry));
    if (!match) return entry;
    const marked = { ...entry, productionMatch: match.name };
    return entry.id === adHocConnectionId ? { ...marked, environment: 'production', color: environmentColors.production } : marked;
  });
}

const howToConfirm: Record<AppInfo['door'], (database: string) => string> = {
  cli: (database) => `Run the command again with --confirm ${database} (on a terminal you may instead type the name when asked).`,
  server: (database) => `In the app, type ${database} in the confirmation dialog; through POST /api/migrations, add "confirm": "${database}" to the JSON body.`,
  electron: (database) => `Type ${database} in the confirmation dialog.`,
};

const where = (entry: ConnectionSummary) => `${entry.database} on ${entry.host}:${entry.port}`;

/** Throws 'confirmation-required' unless `confirm` is right for this entry (checked before anything runs). */
export function requireConfirmation(entry: ConnectionSummary, confirm: string | undefined, door: AppInfo['door']): void {
  const hint = howToConfirm[door](entry.database);
  const detail = { database: entry.database, production: isProductionConnection(entry) };
  // A name that is not the target's means the operator thinks of another database: refused everywhere.
  if (confirm !== undefined && confirm !== entry.database) {
    throw new StudioError('confirmation-required', `The name given to confirm ("${confirm}") is not the database this run would change (${where(entry)}). Nothing was run.`, { hint, detail });
  }
  if (confirm === undefined && isProductionConnection(entry)) {
    const via = entry.environment === 'production' && entry.productionMatch === undefined ? '' : ` (the saved production connection "${entry.productionMatch}")`;
    throw new StudioError('confirmation-required', `${where(entry)} is a production database${via}: a run that changes it needs its name typed. Nothing was run.`, { hint, detail });
  }
}

/** The target of a run that changes a database (up, down, redo): refused when it is production and not confirmed. */
export function createProductionGuard(connections: ConnectionContext, door: AppInfo['door']) {
  const resolveMarked = async (connectionId: string | undefined) => {
    const { connection, target } = await connections.resolve(connectionId);
    // Profiles only: probing the keychain here loaded keytar (and asked D-Bus) on every CLI run.
    const saved = await (await connections.store()).saved();
    const [entry] = markProductionMatches([connection, ...saved.filter((c) => c.id !== connection.id)]);
    return { entry: entry!, target };
  };
  return {
    async targetToChange(connectionId: string | undefined, confirm: string | undefined): Promise<DatabaseTarget> {
      const { entry, target } = await resolveMarked(connectionId);
      requireConfirmation(entry, confirm, door);
      return target;
    },
    /** The target, and whether it is production (a down's "what is at stake", the audit log's overrides). */
    async resolve(connectionId?: string): Promise<{ target: DatabaseTarget; production: boolean }> {
      const { entry, target } = await resolveMarked(connectionId);
      return { target, production: isProductionConnection(entry) };
    },
    /** The run timeouts of a connection: its own, else production's defaults when it is (or reaches) production. */
    async runTimeouts(connectionId: string | undefined): Promise<RunTimeouts> {
      return connectionRunTimeouts((await resolveMarked(connectionId)).entry);
    },
  };
}
