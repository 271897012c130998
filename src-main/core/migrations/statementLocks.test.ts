import { describe, expect, it } from 'vitest';
import { classifyStatementLocks, lockBlocks, normalizeName } from './statementLocks';

const locks = (sql: string) => classifyStatementLocks(sql).map(({ table, mode }) => `${table} ${mode}`);

describe('the locks a statement takes, from its kind', () => {
  it('ALTER TABLE takes ACCESS EXCLUSIVE (node-pg-migrate spells names quoted)', () => {
    expect(locks('ALTER TABLE "users"\n  ADD "email" text;')).toEqual(['users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE IF EXISTS ONLY public.Users DROP COLUMN x')).toEqual(['public.users ACCESS EXCLUSIVE']);
    expect(locks('ALTER TABLE "users" RENAME TO "people";')).toEqual(['users ACCESS EXCLUSIVE']);
  });

  it('some ALTER TABLE subcommands are lighter; a mix takes the strongest', () => {
    expect(locks('ALTER TABLE users VALIDATE CONSTRAINT users_email_check')).toEqual(['users SHARE UPDATE EXCLUSIVE']);
    expect(locks('ALTER TABLE users ALTER COLUMN email SET STATISTICS 500')).toEqual(['users SHARE UPDATE EXCLUSIVE']);
    expect(locks('ALTER TABLE users VALIDATE CONSTRAINT c, ADD COLUMN x int')).toEqual(['users ACCESS EXCLUSIVE']);
  });

  it('ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables', () => {
    expect(locks('ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id");')).toEqual([
      'orders SHARE ROW EXCLUSIVE',
      'users SHARE ROW EXCLUSIVE',
    ]);
    // A new column with a reference: ACCESS EXCLUSIVE on the table, SHARE ROW EXCLUSIVE on the referenced one.
    expect(locks('ALTER TABLE "orders" ADD "user_id" integer REFERENCES "users";')).toEqual(['orders ACCESS EXCLUSIVE', 'users SHARE ROW EXCLUSIVE']);
  });

  it('CREATE INDEX takes SHARE, CONCURRENTLY only SHARE UPDATE EXCLUSIVE', () => {
    expect(locks('CREATE INDEX "users_email_index" ON "users" ("email");')).toEqual(['users SHARE']);
    expect(locks('CREATE UNIQUE INDEX IF NOT EXISTS idx ON ONLY public.users (email)')).toEqual(['public.users SHARE']);
    expect(locks('CREATE INDEX CONCURRENTLY "users_email_index" ON "users" ("email");')).toEqual(['users SHARE UPDATE EXCLUSIVE']);
    expect(locks('CREATE INDEX ON users (email)')).toEqual(['users SHARE']);
  });

  it('DROP TABLE and TRUNCATE take ACCESS EXCLUSIVE on every table named', () => {
    expect(locks('DROP TABLE IF EXISTS "a", b CASCADE;')).toEqual(['a ACCESS EXCLUSIVE', 'b ACCESS EXCLUSIVE']);
    expect(locks('TRUNCATE TABLE sessions RESTART IDENTITY')).toEqual(['sessions ACCESS EXCLUSIVE']);
  });

  it('INSERT, UPDATE and DELETE take ROW EXCLUSIVE', () => {
    expect(locks('INSERT INTO "public"."pgmigrations" (name, run_on) VALUES (\'x\', NOW());')).toEqual(['public.pgmigrations ROW EXCLUSIVE']);
    expect(locks('UPDATE users SET active = true')).toEqual(['users ROW EXCLUSIVE']);
    expect(locks('DELETE FROM ONLY users WHERE id = 1')).toEqual(['users ROW EXCLUSIVE']);
  });

  it('a new table locks only the tables its foreign keys reference; triggers, REINDEX and LOCK TABLE too', () => {
    expect(locks('CREATE TABLE "orders" ("id" serial PRIMARY KEY, "user_id" integer REFERENCES "users" ON DELETE CASCADE);')).toEqual(['users SHARE ROW EXCLUSIVE']);
    expect(locks('CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION f()')).toEqual(['users SHARE ROW EXCLUSIVE']);
    expect(locks('REINDEX TABLE CONCURRENTLY users')).toEqual(['users SHARE UPDATE EXCLUSIVE']);
    expect(locks('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE')).toEqual(['users SHARE ROW EXCLUSIVE']);
  });

  it('statements that lock no table, and keywords inside comments or strings, count for nothing', () => {
    expect(locks('SELECT pg_sleep(1)')).toEqual([]);
    expect(locks('CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql')).toEqual([]);
    expect(locks("-- ALTER TABLE users ADD x int\nSELECT 'DROP TABLE users'")).toEqual([]);
  });

  it('names resolve as PostgreSQL does, and modes say what they block', () => {
    expect(normalizeName('"My Table"')).toBe('My Table');
    expect(normalizeName('Public . Users')).toBe('public.users');
    expect(lockBlocks('ACCESS EXCLUSIVE')).toBe('reads and writes');
    expect(lockBlocks('SHARE')).toBe('writes');
    expect(lockBlocks('SHARE UPDATE EXCLUSIVE')).toBe('schema changes');
  });
});
