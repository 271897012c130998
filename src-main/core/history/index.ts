// The audit log of every operation performed on a database, from any door.
export { historyFile, matchesFilter, openHistoryLog, toCsv, type HistoryFilter, type HistoryLog } from './historyLog';
export { currentRequestOrigin, withRequestOrigin, type RequestOrigin } from './requestOrigin';
