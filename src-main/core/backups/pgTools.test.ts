import { describe, expect, it } from 'vitest';
import type { PgToolInstall } from '../../contract';
import { dumpProgressTracker } from './createBackup';
import { noMatchingPgDump, parsePgDumpVersion, pickPgDump } from './pgTools';
import { listedTableData } from './dumpList';

const install = (version: string, pgRestore: string | null = '/x/pg_restore'): PgToolInstall => ({
  binDir: `/pg/${version}/bin`, pgDump: `/pg/${version}/bin/pg_dump`, pgRestore, version, major: Number(version.split('.')[0]), source: 'system',
});

describe('pg_dump version parsing', () => {
  it('reads Debian, plain and old-style versions', () => {
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n')).toEqual({ version: '15.18', major: 15 });
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 17.2')).toEqual({ version: '17.2', major: 17 });
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 9.6.24')).toEqual({ version: '9.6.24', major: 9 });
    expect(parsePgDumpVersion('pg_dump (PostgreSQL) 16beta1')).toEqual({ version: '16', major: 16 });
    expect(parsePgDumpVersion('command not found')).toBeNull();
  });
});

describe('picking a pg_dump for a server', () => {
  it('takes the lowest major at least the server\'s, its newest minor', () => {
    const found = [install('17.2'), install('15.4'), install('15.18'), install('14.9'), install('16.1')];
    expect(pickPgDump(found, 15)?.version).toBe('15.18');
    expect(pickPgDump(found, 16)?.version).toBe('16.1');
    expect(pickPgDump(found, 13)?.version).toBe('14.9');
  });

  it('never an older one: pg_dump refuses a newer server', () => {
    expect(pickPgDump([install('14.9'), install('15.4')], 16)).toBeNull();
  });

  it('skips a pg_dump without pg_restore beside it', () => {
    expect(pickPgDump([install('15.4', null), install('16.1')], 15)?.version).toBe('16.1');
  });

  it('the error names the server version, what was found and how to install', () => {
    const error = noMatchingPgDump([install('14.9')], '16.2', 16);
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('16.2');
    expect(error.message).toContain('14.9 (/pg/14.9/bin/pg_dump)');
    expect(error.hint).toContain('apt install postgresql-client-16');
    expect(error.hint).toContain('brew install postgresql@16');
    expect(noMatchingPgDump([], '15.1', 15).message).toContain('found: none');
  });
});

describe('pg_dump / pg_restore output', () => {
  it('counts tables done from serial and parallel --verbose lines', () => {
    const serial = dumpProgressTracker(3);
    serial.line('pg_dump: dumping contents of table "public.a"');
    expect(serial.done()).toBe(0);
    serial.line('pg_dump: dumping contents of table "public.b"');
    expect([serial.done(), serial.current()]).toEqual([1, 'public.b']);
    const parallel = dumpProgressTracker(3);
    parallel.line('pg_dump: dumping contents of table "public.a"');
    parallel.line('pg_dump: dumping contents of table "public.b"');
    parallel.line('pg_dump: finished item 3350 TABLE DATA b');
    expect(parallel.done()).toBe(1);
  });

  it('reads the TABLE DATA entries of pg_restore --list', () => {
    const list = [';', '; Archive created at 2026-12-01', '215; 1259 16386 TABLE public users postgres', '3349; 0 16386 TABLE DATA public users postgres', '3350; 0 16400 TABLE DATA s2 my table owner', '3351; 0 0 COMMENT - EXTENSION x'].join('\n');
    expect(listedTableData(list)).toEqual(['public users', 's2 my table']);
  });
});
