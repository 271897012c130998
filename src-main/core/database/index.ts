// The one place that knows how to reach PostgreSQL: the connection target (from a profile or a URL,
// to a pg config, to the libpq environment, to a display string), connect and the pools, password
// masking and the mapping of PostgreSQL errors. Only this folder imports `pg` as a value.
export type { DatabaseEndpoint, DatabaseIdentity, DatabaseTarget, SslMode } from './target';
export { applicationName, connectTimeoutMs, databaseTargetFor, describeTarget, identityOf, targetForDatabase } from './target';
export { parseConnectionUrl, type ParsedConnectionUrl } from './connectionUrl';
export { libpqEnvironment, type LibpqEnvironment } from './libpqEnvironment';
export { connect } from './connect';
export { checkoutClient, DatabasePools, databasePools, defaultPoolSize, endDatabasePool, hasSpareConnection, poolKey, retainDatabasePools, withClient, type PooledClient } from './pools';
export { sharedInFlight } from './inFlight';
export { maskPassword, maskUrlPasswords, SecretMasker } from './masking';
export { connectErrorFor, explainDatabaseError, isConnectionLoss, type ConnectAttempt } from './databaseErrors';
export { describeSession, explainTimeout, sqlStateHint, timeoutSettingOf } from './sqlStateHints';
export { serverOffersSsl } from './sslConfig';
