// Backups of a database with the installed pg_dump that fits its server, verified, restored.
export { backupTools, discoverPgTools, parsePgDumpVersion, pgToolsFor, pickPgDump, type DiscoveryOptions } from './pgTools';
export { backupJobs, createBackup, defaultDumpArgs, type BackupOptions } from './createBackup';
export { verifyBackup, assertUsable } from './verifyBackup';
export { restoreBackup, type RestoreOptions } from './restoreBackup';
export { backupFolder, backupsFolder, listBackupRecords, loadBackupRecord, saveBackupRecord } from './backupStore';
export { countRows, listTables, qualifiedName, tableChecksums } from './databaseFacts';
export { createDatabase, dropDatabase } from './scratchDatabase';
