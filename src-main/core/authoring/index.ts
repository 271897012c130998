// Authoring: a migration's source (read, save), its evaluation without a database (SQL preview, the
// review checklist as lint), the up-down-up test on a scratch database, and what the app applied
// (edited-after-apply).
export { createAppliedSourceStore, type AppliedSourceStore } from './appliedSources';
export { evaluateMigration, type Evaluation } from './evaluateMigration';
export { baseNameOf, lintMigration, tablesNeedingEstimates } from './lint';
export { readMigrationSource, saveMigrationSource, sha256Of } from './migrationSource';
export { previewOf } from './preview';
export { readRowEstimates } from './rowEstimates';
export { onDatabase } from './scratchDatabases';
export { upDownUp } from './upDownUp';
