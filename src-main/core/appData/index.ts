export { defaultDataDir } from './defaultDataDir';
export { readJsonFile, writeJsonFileAtomic } from './jsonFile';
