import type { Command } from 'commander';
import type { UpDownUpResult } from '../../contract';
import type { Terminal } from '../terminal';
import type { CommandDeps } from './commandDeps';
import { withDatabase } from './databaseCommand';

function printResult(terminal: Terminal, result: UpDownUpResult): void {
  const { ok, fail, dim } = terminal.outStyle;
  for (const step of result.steps) {
    const extra = step.step === 'replay' ? `${result.replayed.length} migration(s)${result.cached ? ', cached' : ''}, ` : '';
    terminal.out(`${step.ok ? ok('✓') : fail('✗')} ${step.step} ${dim(`(${extra}${step.durationMs} ms)`)}`);
    if (step.error) {
      terminal.out(`    ${step.error.message}`);
      if (step.error.hint) terminal.out(`    ${dim(`hint: ${step.error.hint}`)}`);
    }
  }
  for (const difference of result.differences) terminal.out(`  ${fail('-')} ${difference}`);
  terminal.out(result.passed ? ok('Passed: down reverses up, and up runs again.') : fail('Failed: see above.'));
}

/** pgm-studio test-migration <name>: the editor's up-down-up test, headless (the seed's "tested locally"). */
export function registerTestMigration(program: Command, deps: CommandDeps): void {
  program
    .command('test-migration')
    .description('on a scratch database (the sandbox server), replay the migrations before <name>, then run its up, down and up again, and check down left the schema as before')
    .argument('<name>', 'the migration, {timestamp}_{name} as status lists it')
    .action(async (name: string, _options: object, command: Command) =>
      withDatabase(deps, command, async ({ api, json }) => {
        const source = await api.migrations.source({ name: name.replace(/\.(?:[cm]?js|ts|sql)$/, '') });
        const result = await api.authoring.upDownUp({ name: source.name, language: source.language, content: source.content });
        if (json) deps.terminal.json(result);
        else printResult(deps.terminal, result);
        return result.passed ? 0 : 1;
      }),
    );
}
