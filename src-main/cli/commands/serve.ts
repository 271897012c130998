// Placeholder until the server door lands (the server engineer owns this file).
import type { Command } from 'commander';
import type { SharedOptionsResolver } from '../sharedOptions';

export function registerServe(program: Command, _shared: SharedOptionsResolver): void {
  program
    .command('serve')
    .description('server mode (not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      process.stderr.write('error: serve is not available yet\nhint: use the status/up/down commands for now.\n');
      process.exit(2);
    });
}
