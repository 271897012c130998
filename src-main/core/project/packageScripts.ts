import { basename } from 'node:path';
import { parse } from 'shell-quote';

/** One call of node-pg-migrate inside a package.json script. */
export interface NodePgMigrateScript {
  /** The script's name, e.g. `migrate:up`. */
  name: string;
  /** The arguments after `node-pg-migrate`, split as a shell splits them. */
  args: string[];
  /** `NAME=value` assignments before the call (`NODE_ENV=production node-pg-migrate up`). */
  env: Record<string, string>;
}

const commandSeparators = new Set(['&&', '||', ';', '|', '&', '(', ')', ';;', '|&']);
const isNodePgMigrate = (token: string) => /^node-pg-migrate(\.[cm]?[jt]s)?$/.test(basename(token));
const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * The scripts that call node-pg-migrate (`node-pg-migrate up -m db/migrations`, `npx node-pg-migrate ...`,
 * `NODE_ENV=test node-pg-migrate ...`, `... && node-pg-migrate up`), in package.json order.
 * Variables stay as written (`$DIR`): the app does not run the shell.
 */
export function nodePgMigrateScripts(scripts: Record<string, unknown>): NodePgMigrateScript[] {
  const found: NodePgMigrateScript[] = [];
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string' || !command.includes('node-pg-migrate')) continue;
    let words: string[] = [];
    const segments: string[][] = [];
    for (const entry of parse(command, (variable) => `$${variable}`)) {
      if (typeof entry === 'string') words.push(entry);
      else if ('op' in entry && commandSeparators.has(entry.op)) {
        segments.push(words);
        words = [];
      } else if ('op' in entry && entry.op === 'glob') words.push(entry.pattern);
    }
    segments.push(words);
    for (const segment of segments) {
      const at = segment.findIndex(isNodePgMigrate);
      if (at === -1) continue;
      const env: Record<string, string> = {};
      for (const word of segment.slice(0, at)) {
        const match = assignment.exec(word);
        if (match?.[1] !== undefined && match[2] !== undefined) env[match[1]] = match[2];
      }
      found.push({ name, args: segment.slice(at + 1), env });
      break;
    }
  }
  return found;
}
