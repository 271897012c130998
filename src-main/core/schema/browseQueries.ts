// The schema browser's catalog queries: the whole database in a fixed handful (never one per table),
// each a plain join over the catalogs. Unlike the snapshot, the migrations table stays in: an
// operator browsing the database expects to see it. Extension members stay out, as in the snapshot.
import { notFromExtension, userSchema } from './catalogQueries';

export const databaseQuery = `
SELECT current_database() AS database, current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num`;

export const browseSchemasQuery = `
SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, d.description AS comment
  FROM pg_namespace n
  LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
 WHERE ${userSchema('n')} AND ${notFromExtension('pg_namespace', 'n.oid')}
 ORDER BY 1`;

/**
 * Relations and sequences. The size is pg_class.relpages (as of the last VACUUM / ANALYZE) of the
 * table, its TOAST table and its indexes: reading 1,000 tables' files (pg_total_relation_size) costs
 * more than the rest of the catalog together. schema/table gives the exact sizes.
 */
export const browseRelationsQuery = `
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
       CASE WHEN c.relkind IN ('r', 'p', 'm', 'f') THEN c.reltuples::float8 END AS reltuples,
       CASE WHEN c.relkind IN ('r', 'm', 'p')
            THEN (c.relpages::int8 + coalesce(t.relpages, 0) + coalesce(ix.pages, 0)) * current_setting('block_size')::int8 END AS total_bytes,
       d.description AS comment,
       CASE WHEN c.relispartition THEN pn.nspname || '.' || pc.relname END AS partition_of,
       on_.nspname || '.' || oc.relname || '.' || oa.attname AS owned_by
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
  LEFT JOIN (SELECT x.indrelid, sum(ic.relpages)::int8 AS pages FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid GROUP BY x.indrelid) ix ON ix.indrelid = c.oid
  LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
  LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
  LEFT JOIN pg_class pc ON pc.oid = i.inhparent
  LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
  -- A sequence owned by a column (serial, identity).
  LEFT JOIN pg_depend sd ON c.relkind = 'S' AND sd.classid = 'pg_class'::regclass AND sd.objid = c.oid AND sd.refclassid = 'pg_class'::regclass AND sd.deptype IN ('a', 'i')
  LEFT JOIN pg_attribute oa ON oa.attrelid = sd.refobjid AND oa.attnum = sd.refobjsubid
  LEFT JOIN pg_class oc ON oc.oid = sd.refobjid
  LEFT JOIN pg_namespace on_ ON on_.oid = oc.relnamespace
 WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${userSchema('n')} AND ${notFromExtension('pg_class', 'c.oid')}
 ORDER BY n.nspname, c.relname`;

/** Every column of every relation, with its place in the primary key. */
export const browseColumnsQuery = `
SELECT a.attrelid AS oid, a.attnum, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       (pk.conkey IS NOT NULL AND a.attnum = ANY (pk.conkey)) AS primary_key
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
 WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND ${userSchema('n')}
 ORDER BY a.attrelid, a.attnum`;

/** Foreign keys as attribute numbers; the reader maps them to names through the columns it already has. */
export const browseForeignKeysQuery = `
SELECT k.conrelid AS oid, k.conname AS name, k.conkey AS columns, k.confrelid AS referenced_oid,
       rn.nspname AS referenced_schema, rc.relname AS referenced_table, k.confkey AS referenced_columns
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_class rc ON rc.oid = k.confrelid
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE k.contype = 'f' AND k.conparentid = 0 AND ${userSchema('n')}
 ORDER BY k.conrelid, k.conname`;

/** Enums, domains, composite types (CREATE TYPE, not a table's row type), ranges, multiranges. */
export const browseTypesQuery = `
SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
       e.labels, CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       d.description AS comment
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_class rc ON rc.oid = t.typrelid
  LEFT JOIN (SELECT enumtypid, array_agg(enumlabel::text ORDER BY enumsortorder) AS labels FROM pg_enum GROUP BY enumtypid) e ON e.enumtypid = t.oid
  LEFT JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
 WHERE t.typtype IN ('e', 'd', 'c', 'r', 'm') AND (t.typtype <> 'c' OR rc.relkind = 'c')
   AND ${userSchema('n')} AND ${notFromExtension('pg_type', 't.oid')}
 ORDER BY 1, 2`;

export const browseFunctionsQuery = `
SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,
       p.prokind::text AS prokind, l.lanname AS language, d.description AS comment
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
 WHERE ${userSchema('n')} AND ${notFromExtension('pg_proc', 'p.oid')}
 ORDER BY 1, 2, 3`;

export const browseTriggersQuery = `
SELECT n.nspname AS schema, c.relname AS table, g.tgname AS name, g.tgenabled::text AS enabled,
       g.tgfoid::regproc::text || '()' AS function
  FROM pg_trigger g
  JOIN pg_class c ON c.oid = g.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT g.tgisinternal AND ${userSchema('n')}
 ORDER BY 1, 2, 3`;
