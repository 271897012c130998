import { describe, expect, it } from 'vitest';
import { hasDownStep } from './downDetection';

describe('hasDownStep (static, never executes the file)', () => {
  it.each([
    ['CommonJS exports.down', 'exports.up = (pgm) => {};\nexports.down = (pgm) => {};'],
    ['module.exports.down', 'module.exports.down = function (pgm) {};'],
    ['module.exports object', 'module.exports = {\n  up(pgm) {},\n  down(pgm) {},\n};'],
    ['module.exports shorthand property', 'const up = () => {}; const down = () => {};\nmodule.exports = { up, down };'],
    ['export const', 'export const down = async (pgm) => {};'],
    ['export const with a type', 'export const down: MigrationFn = async (pgm) => {};'],
    ['export function', 'export function down(pgm) {}'],
    ['export async function', 'export async function down(pgm: MigrationBuilder): Promise<void> {}'],
    ['export list', 'async function down() {}\nexport { up, down };'],
    ['export default object', 'export default { up: () => {}, down: () => {} };'],
  ])('finds %s', (_label, source) => {
    expect(hasDownStep('1_x.js', source)).toBe(true);
  });

  it.each([
    ['no down at all', 'exports.up = (pgm) => { pgm.sql("SELECT 1"); };'],
    ['a commented-out down', 'exports.up = (pgm) => {};\n// exports.down = (pgm) => {};\n/* export function down() {} */'],
    ['down disabled with false', 'exports.up = () => {};\nexports.down = false;'],
    ['export const down = undefined (node-pg-migrate template default)', 'export const down = undefined;'],
    ['a word that only contains down', 'exports.up = (pgm) => { pgm.sql("UPDATE t SET countdown = 0"); };\nconst slowdown = 1;'],
  ])('does not count %s', (_label, source) => {
    expect(hasDownStep('1_x.ts', source)).toBe(false);
  });

  it('reads SQL files by their -- Down Migration section, like node-pg-migrate', () => {
    expect(hasDownStep('1_x.sql', '-- Up Migration\nCREATE TABLE t (id int);\n-- Down Migration\nDROP TABLE t;')).toBe(true);
    expect(hasDownStep('1_x.sql', '--   down migration\nDROP TABLE t;')).toBe(true);
    expect(hasDownStep('1_x.sql', '-- Up Migration\nCREATE TABLE t (id int);')).toBe(false);
    expect(hasDownStep('1_x.sql', 'CREATE TABLE down_migration_log (id int);')).toBe(false);
  });
});
