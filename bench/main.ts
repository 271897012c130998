// `npm run bench [section ...]`: prints figures, asserts nothing. Each section is a module of its
// own with `run()`, loaded only when it runs; with no argument every section runs in this order.
import { maskUrlPasswords } from '../src-main/core/database';

const sections: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  status: () => import('./statusBench'),
  backup: () => import('./backupBench'),
  catalog: () => import('./catalogBench'),
  cli: () => import('./cliBench'),
  ui: () => import('./uiBench'),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in sections));
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  for (const name of asked.length > 0 ? asked : Object.keys(sections)) {
    process.stdout.write(`\n== ${name} ==\n`);
    await (await sections[name]!()).run();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: the bench could not run: ${maskUrlPasswords(message)}\n`);
  process.exit(1);
}
