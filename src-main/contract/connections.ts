import * as z from 'zod';
import { channel } from './channel';
import { postgresIntervalSchema, type RunTimeouts } from './migrations';

export const environments = ['development', 'staging', 'production'] as const;
export type Environment = (typeof environments)[number];
export const sslModes = ['disable', 'prefer', 'require', 'verify-full'] as const;

const hostSchema = z.string().min(1).max(255).regex(/^[A-Za-z0-9._:%\-[\]/]+$/, 'Host may contain letters, digits, dots, dashes, colons or a socket path.');

export const connectionProfileSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(100),
    host: hostSchema,
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(63),
    user: z.string().min(1).max(63),
    sslMode: z.enum(sslModes),
    environment: z.enum(environments),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    /** lock_timeout for runs on this connection (e.g. 5s); unset: the environment's default (see connectionRunTimeouts). */
    lockTimeout: postgresIntervalSchema.optional(),
    /** statement_timeout for runs on this connection (e.g. 15min); unset: the environment's default. */
    statementTimeout: postgresIntervalSchema.optional(),
  })
  .strict();
/** A saved connection. Never carries a password: that lives in the OS keychain. */
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

export const saveConnectionInputSchema = z
  .object({
    profile: connectionProfileSchema.omit({ id: true }).extend({ id: z.string().min(1).max(200).optional() }),
    /** Omitted: keep the stored password. Empty string: remove it. */
    password: z.string().max(1024).optional(),
    /** Keep the password in memory for this session only (when no keychain is available). */
    sessionOnly: z.boolean().optional(),
  })
  .strict();

export const connectionIdInputSchema = z.object({ id: z.string().min(1).max(200) }).strict();
export const importUrlInputSchema = z
  .object({
    url: z.string().min(1).max(4096),
    name: z.string().min(1).max(100).optional(),
    environment: z.enum(environments).optional(),
    /** Keep the URL's password in memory for this session only (when no keychain is available). */
    sessionOnly: z.boolean().optional(),
  })
  .strict();
export const testConnectionInputSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    profile: connectionProfileSchema.omit({ id: true }).optional(),
    password: z.string().max(1024).optional(),
    /** The schema whose CREATE privilege is checked (default public). */
    schema: z.string().min(1).max(63).optional(),
  })
  .strict();
export const selectConnectionInputSchema = connectionIdInputSchema;

export interface ConnectionSummary extends ConnectionProfile {
  /** Where the password is: 'keychain', 'session' (memory, this run only), 'none', or 'sandbox' (built in). */
  passwordSource: 'keychain' | 'session' | 'none' | 'sandbox';
  isSandbox: boolean;
  /**
   * Set when this entry reaches the host, port and database of a saved connection tagged production
   * (its name): runs on it are guarded as production, however the database was reached.
   */
  productionMatch?: string;
  /** The project (its real path) this connection belongs to; null: every project (saved before projects, the sandbox). */
  project?: string | null;
}

/** Whether a run on this connection needs the database name typed (the engine refuses it otherwise). */
export const isProductionConnection = (connection: Pick<ConnectionSummary, 'environment' | 'productionMatch'>): boolean =>
  connection.environment === 'production' || connection.productionMatch !== undefined;

/**
 * What a run on a production database gets unless its connection says otherwise: a migration waiting
 * longer than 5 s for a lock fails instead of queueing the application behind it, and no statement
 * runs longer than 15 minutes. Other environments have no timeouts unless their connection sets them.
 */
export const productionRunTimeouts = { lockTimeout: '5s', statementTimeout: '15min' } as const;

/** The timeouts a run on this connection gets before a one-run override: its own, else the environment's default. */
export function connectionRunTimeouts(connection: Pick<ConnectionSummary, 'environment' | 'productionMatch' | 'lockTimeout' | 'statementTimeout'>): RunTimeouts {
  const defaults: RunTimeouts = isProductionConnection(connection) ? productionRunTimeouts : {};
  const lockTimeout = connection.lockTimeout ?? defaults.lockTimeout;
  const statementTimeout = connection.statementTimeout ?? defaults.statementTimeout;
  return { ...(lockTimeout !== undefined ? { lockTimeout } : {}), ...(statementTimeout !== undefined ? { statementTimeout } : {}) };
}

export interface ConnectionList {
  connections: ConnectionSummary[];
  currentId: string | null;
  keychainAvailable: boolean;
}

export interface ConnectionTestResult {
  serverVersion: string;
  currentUser: string;
  schema: string;
  canCreateInSchema: boolean;
}

export const connectionsContract = {
  'connections/list': channel<ConnectionList>()(z.object({}).strict()),
  'connections/save': channel<ConnectionSummary>()(saveConnectionInputSchema),
  'connections/delete': channel<{ deleted: boolean }>()(connectionIdInputSchema),
  'connections/test': channel<ConnectionTestResult>()(testConnectionInputSchema),
  'connections/import-url': channel<ConnectionSummary>()(importUrlInputSchema),
  'connections/select': channel<ConnectionList>()(selectConnectionInputSchema),
};

/** The connection given by `--database-url`: listed for the session, never saved, so never edited or deleted. */
export const adHocConnectionId = 'database-url';
