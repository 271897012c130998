// The CLI's two output streams: results on stdout, progress, logs and errors on stderr.
// Colors only on a TTY that wants them (NO_COLOR, FORCE_COLOR and TERM=dumb are honoured by hasColors).
import { SecretMasker } from '../core/database';

export interface Style {
  ok(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
}

interface OutputStream {
  write(text: string, done?: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
  hasColors?: () => boolean;
}

const codes = { ok: [32, 39], fail: [31, 39], warn: [33, 39], dim: [2, 22], bold: [1, 22], accent: [36, 39] } as const;

export function createStyle(enabled: boolean): Style {
  const paint = (name: keyof typeof codes) => (text: string) =>
    enabled ? `\u001b[${codes[name][0]}m${text}\u001b[${codes[name][1]}m` : text;
  return { ok: paint('ok'), fail: paint('fail'), warn: paint('warn'), dim: paint('dim'), bold: paint('bold'), accent: paint('accent') };
}

export function wantsColor(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && (stream.hasColors?.() ?? false);
}

export class Terminal {
  readonly masker = new SecretMasker();
  readonly outStyle: Style;
  readonly errStyle: Style;
  readonly errIsTTY: boolean;

  constructor(
    private readonly stdout: OutputStream = process.stdout,
    private readonly stderr: OutputStream = process.stderr,
  ) {
    this.outStyle = createStyle(wantsColor(stdout));
    this.errStyle = createStyle(wantsColor(stderr));
    this.errIsTTY = Boolean(stderr.isTTY);
  }

  /** A result line (or JSON document) on stdout. */
  out(text: string): void {
    this.stdout.write(`${this.masker.mask(text)}\n`);
  }

  /** Progress, logs and errors on stderr. */
  err(text: string): void {
    this.stderr.write(`${this.masker.mask(text)}\n`);
  }

  /** Raw stderr write (no newline), for redrawing a progress line on a TTY. */
  errRaw(text: string): void {
    this.stderr.write(this.masker.mask(text));
  }

  /** How every failure ends on stderr: what went wrong, then what to do next. */
  errorWithHint(message: string, hint: string): void {
    this.err(`${this.errStyle.fail('error:')} ${message}`);
    this.err(`${this.errStyle.bold('hint:')} ${hint}`);
  }

  json(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }

  /**
   * Resolves once everything written so far has left the process. On a pipe whose reader is slower
   * than us, Node queues what does not fit the pipe's buffer (64 KiB); exiting before it drains cuts
   * the output short. An empty write's callback runs after every earlier chunk was handed over.
   */
  flush(): Promise<void> {
    const drained = (stream: OutputStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
    return Promise.all([drained(this.stdout), drained(this.stderr)]).then(() => undefined);
  }
}
