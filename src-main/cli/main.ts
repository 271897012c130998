// Entry of `pgm-studio` (bin/pgm-studio.js). Exit codes: 0 success, 1 a migration failed,
// 2 usage or connection error. Errors print `error:` and `hint:`, never a stack or a password.
import { CommanderError } from 'commander';
import { errorShape, exitCodeFor, exitCodes, toStudioError } from './cliErrors';
import { createProgram } from './program';
import { createSharedOptionsResolver } from './sharedOptionsResolver';
import { Terminal } from './terminal';

async function runCli(argv: string[], terminal: Terminal): Promise<number> {
  // Mask passwords from the very first line, even if parsing fails before --database-url is read.
  for (const candidate of [...argv, process.env.DATABASE_URL ?? '']) {
    if (/^postgres(ql)?:\/\//i.test(candidate)) terminal.masker.addUrlPassword(candidate);
  }
  const shared = createSharedOptionsResolver(terminal);
  let exitCode: number = exitCodes.success;
  const program = createProgram({ shared, terminal, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (thrown) {
    // --help and --version end parsing with a CommanderError whose exit code is 0.
    if (thrown instanceof CommanderError && thrown.exitCode === 0) return exitCodes.success;
    const error = toStudioError(thrown instanceof CommanderError && thrown.code === 'commander.help' ? new CommanderError(2, thrown.code, 'no command given') : thrown);
    const shape = errorShape(error);
    terminal.errorWithHint(shape.message, shape.hint);
    if (argv.includes('--json')) terminal.json({ error: shape });
    return thrown instanceof CommanderError ? exitCodes.usageOrConnection : exitCodeFor(error.code);
  } finally {
    // Stopping the sandbox can fail after the command's own result is out: say so, keep that result.
    await shared.close().catch((error: unknown) => {
      terminal.err(terminal.errStyle.warn(`warning: could not stop the built-in sandbox database: ${error instanceof Error ? error.message : String(error)}`));
      terminal.err(terminal.errStyle.dim('hint: it keeps running; the next pgm-studio command or the app reuses it.'));
    });
  }
}

// A stray rejection deep in a library must still end as `error:` + `hint:` and exit 2, not a stack trace.
const terminal = new Terminal();
process.on('unhandledRejection', (reason) => {
  const shape = errorShape(toStudioError(reason));
  terminal.errorWithHint(shape.message, shape.hint);
  void terminal.flush().then(() => process.exit(exitCodes.usageOrConnection));
});

const code = await runCli(process.argv, terminal);
// Exit explicitly (a stray pg client or timer must not keep a finished command hanging), but only
// once stdout and stderr have drained: on a pipe, exiting at once cut --json at a multiple of 64 KiB.
await terminal.flush();
process.exit(code);
