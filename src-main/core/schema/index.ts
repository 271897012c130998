// The catalog snapshot and its diff: what every domain uses to say what a run, a rollback or a
// restore changed in a database's schema.
export { readSchemaSnapshot, type CatalogReader, type SnapshotOptions } from './readSnapshot';
export { diffSnapshots, isEmptyDiff, summarizeDiff } from './diffSnapshots';
export { describeSchemaObject, schemaObjectKey } from './schemaObjectKey';
export { snapshotText } from './snapshotText';
export { undoStatements } from './undoStatements';
export { readForeignKeyOrphans, readInvalidObjects } from './integrity';
export { readCatalog } from './readCatalog';
export { readTableDetail } from './readTableDetail';
