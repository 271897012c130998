import type { ChannelInput, ChannelOutput, ChannelParsedInput } from './channel';
import { authoringContract } from './authoring';
import { backupsContract } from './backups';
import { connectionsContract } from './connections';
import { historyContract } from './history';
import { migrationsContract } from './migrations';
import { projectContract } from './project';
import { rollbackContract } from './rollback';
import { schemaContract } from './schema';
import { runsContract } from './runs';

export * from './authoring';
export * from './authoringTemplates';
export * from './backups';
export * from './channel';
export * from './client';
export * from './connections';
export * from './errors';
export * from './history';
export * from './migrations';
export * from './project';
export * from './rollback';
export * from './runs';
export * from './schema';

/** Every channel any door serves. A handler is written once per entry. */
export const contract = { ...migrationsContract, ...authoringContract, ...connectionsContract, ...projectContract, ...schemaContract, ...backupsContract, ...rollbackContract, ...historyContract, ...runsContract };
export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

export type InputOf<K extends ChannelName> = ChannelInput<Contract[K]>;
export type OutputOf<K extends ChannelName> = ChannelOutput<Contract[K]>;
export type Handlers = { [K in ChannelName]: (input: ChannelParsedInput<Contract[K]>) => Promise<ChannelOutput<Contract[K]>> };
