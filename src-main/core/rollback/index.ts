// Backup-then-rollback: what a down puts at stake, the pre-flight, and the guided run.
export { rehearseDowns, snapshotOptionsOf, statementsPerMigration, tablesTouched, type RehearsedDowns } from './downStake';
export { rollbackPreflight } from './preflight';
export { assertSkipConfirmed, defaultLockTimeout, runRollback, type RollbackRequest, type RollbackContext } from './runRollback';
export { checkIntegrity } from './integrityCheck';
export { loadRollbackReport, reportText } from './rollbackReport';
