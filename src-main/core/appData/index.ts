export { defaultDataDir, userConfigDir } from './defaultDataDir';
export { backupPathFor, readJsonFile, writeJsonFileAtomic } from './jsonFile';
