import { extname } from 'node:path';

// The same marker node-pg-migrate's SQL loader looks for.
const sqlDownSection = /^\s*--[\s-]*down\s+migration/im;

// Ways a JS/TS migration exports a down step, ESM or CommonJS. Text only: files are never executed here.
const downExports = [
  /\b(?:module\.)?exports\.down\s*=(?!\s*(?:false|undefined|null)\b)/,
  /\b(?:module\.)?exports\s*\[\s*['"]down['"]\s*\]\s*=(?!\s*(?:false|undefined|null)\b)/,
  /\bexport\s+(?:const|let|var)\s+down\b(?!\s*(?::[^=]*)?=\s*(?:false|undefined|null)\b)/,
  /\bexport\s+(?:async\s+)?function\s*\*?\s*down\b/,
  /\bexport\s*\{[^}]*\bdown\b[^}]*\}/,
  /\b(?:module\.exports|export\s+default)\s*=?\s*\{[\s\S]*?\bdown\b\s*[:(,}]/,
  /\bObject\.defineProperty\(\s*exports\s*,\s*['"]down['"]/,
];

/** Blank out comments so a commented-out `exports.down` does not count. Rough, but only used for this check. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/**
 * Whether a migration file defines its down step, from its text alone. False means node-pg-migrate
 * will try to infer the down from the up (which fails for pgm.sql and other irreversible operations).
 */
export function hasDownStep(fileName: string, source: string): boolean {
  if (extname(fileName) === '.sql') return sqlDownSection.test(source);
  const code = withoutComments(source);
  return downExports.some((pattern) => pattern.test(code));
}
