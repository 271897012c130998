// One relation as psql's `\d+` describes it (src/bin/psql/describe.c, describeOneTableDetails), one
// query per part, each for a single relation oid ($1). pg_get_*def(..., true) as psql calls them, so
// definitions read exactly as psql prints them.

export const tableHeaderQuery = `
SELECT c.oid, c.relkind::text AS relkind, c.relpersistence::text AS persistence, am.amname AS access_method,
       c.reloptions AS options, c.reltuples::float8 AS reltuples,
       CASE WHEN c.relkind IN ('r', 'm', 'p', 't') THEN pg_table_size(c.oid) ELSE 0 END AS table_bytes,
       CASE WHEN c.reltoastrelid <> 0 THEN pg_total_relation_size(c.reltoastrelid) ELSE 0 END AS toast_bytes,
       CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_indexes_size(c.oid) ELSE 0 END AS index_bytes,
       CASE WHEN c.relkind IN ('r', 'm', 'p', 't') THEN pg_total_relation_size(c.oid) ELSE 0 END AS total_bytes,
       obj_description(c.oid, 'pg_class') AS description, c.relreplident::text AS replica_identity,
       c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS view_definition,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
       format('%I.%I', n.nspname, c.relname) AS qualified,
       current_setting('server_version_num')::int AS server_version_num
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_am am ON am.oid = c.relam
 WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'f', 'v', 'm')`;

/** attcompression exists from PostgreSQL 14. */
export const tableColumnsQuery = (serverVersion: number) => `
SELECT a.attnum AS position, a.attname AS name, quote_ident(a.attname) AS quoted, format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       CASE WHEN a.attcollation <> t.typcollation THEN format('%I.%I', con.nspname, co.collname) END AS qualified_collation,
       a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid, true) AS default_value,
       a.attidentity::text AS identity, a.attgenerated::text AS generated,
       a.attstorage::text AS storage, t.typstorage::text AS type_storage,
       ${serverVersion >= 140000 ? `nullif(a.attcompression::text, '')` : 'NULL::text'} AS compression,
       nullif(a.attstattarget, -1) AS stats_target, col_description(a.attrelid, a.attnum) AS description,
       a.attislocal AS local
  FROM pg_attribute a
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
 WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attnum`;

export const tableIndexesQuery = `
SELECT i.relname AS name, quote_ident(i.relname) AS quoted, pg_get_indexdef(x.indexrelid, 0, true) AS definition,
       x.indisprimary AS is_primary, x.indisunique AS is_unique, x.indisvalid AS is_valid, x.indisclustered AS is_clustered,
       x.indisreplident AS is_replica_identity, pg_relation_size(x.indexrelid) AS size_bytes,
       k.conname AS constraint_name, obj_description(x.indexrelid, 'pg_class') AS comment,
       EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = x.indexrelid) AS inherited
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  LEFT JOIN pg_constraint k ON k.conrelid = x.indrelid AND k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x')
 WHERE x.indrelid = $1
 ORDER BY x.indisprimary DESC, i.relname`;

/** Constraints of the relation (with a foreign key's far side), and the foreign keys that point at it. */
export const tableConstraintsQuery = `
SELECT k.conname AS name, quote_ident(k.conname) AS quoted, k.contype::text AS contype,
       pg_get_constraintdef(k.oid, true) AS definition,
       k.condeferrable AS deferrable, k.condeferred AS deferred, k.convalidated AS validated, k.conislocal AS local,
       k.conparentid <> 0 AS from_parent, obj_description(k.oid, 'pg_constraint') AS comment,
       (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
       rn.nspname AS referenced_schema, rc.relname AS referenced_table,
       (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)
          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS referenced_columns,
       k.confupdtype::text AS on_update, k.confdeltype::text AS on_delete
  FROM pg_constraint k
  LEFT JOIN pg_class rc ON rc.oid = k.confrelid
  LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE k.conrelid = $1
 ORDER BY CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 WHEN 'c' THEN 3 WHEN 'f' THEN 4 ELSE 5 END, k.conname`;

/** As psql's "Referenced by": keys on this table or its partition ancestors, the top-level constraint only. */
export const tableReferencedByQuery = `
SELECT k.conname AS name, n.nspname AS schema, c.relname AS table, pg_get_constraintdef(k.oid, true) AS definition,
       (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
       (SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)
          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS referenced_columns
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE k.contype = 'f' AND k.conparentid = 0
   AND k.confrelid IN (SELECT pg_partition_ancestors($1::oid::regclass) UNION ALL SELECT $1::oid::regclass)
 ORDER BY k.conname`;

/** psql's trigger list: user triggers, internal ones disabled by hand, and clones of a parent's (tgparentid: PostgreSQL 13+). */
export const tableTriggersQuery = (serverVersion: number) => {
  // PostgreSQL 12 marks a partition's clone internal and records its parent only in pg_depend.
  const inherited = serverVersion >= 130000 ? 't.tgparentid <> 0' : `EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.refclassid = 'pg_trigger'::regclass)`;
  return `
SELECT t.tgname AS name, quote_ident(t.tgname) AS quoted, pg_get_triggerdef(t.oid, true) AS definition, t.tgenabled::text AS enabled,
       ${inherited} AS inherited, obj_description(t.oid, 'pg_trigger') AS comment
  FROM pg_trigger t
 WHERE t.tgrelid = $1 AND (NOT t.tgisinternal OR t.tgenabled = 'D'${serverVersion >= 130000 ? '' : ` OR ${inherited}`})
 ORDER BY t.tgname`;
};

export const tablePoliciesQuery = `
SELECT p.polname AS name, quote_ident(p.polname) AS quoted,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       p.polpermissive AS permissive,
       CASE WHEN p.polroles = '{0}' THEN ARRAY[]::text[]
            ELSE ARRAY(SELECT rolname::text FROM pg_roles WHERE oid = ANY (p.polroles) ORDER BY rolname) END AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
  FROM pg_policy p
 WHERE p.polrelid = $1
 ORDER BY p.polname`;

/** Parents (inherits / partition of) and children (partitions / child tables). */
export const tableInheritanceQuery = `
SELECT 'parent' AS side, n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS qualified, c.relkind::text AS relkind, NULL AS bound, i.inhseqno AS seq, c.relispartition AS is_partition
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE i.inhrelid = $1
UNION ALL
SELECT 'child', n.nspname, c.relname, format('%I.%I', n.nspname, c.relname), c.relkind::text, pg_get_expr(c.relpartbound, c.oid, true), 0, c.relispartition
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE i.inhparent = $1
 ORDER BY 1, 7, 2, 3`;

/** pg_publication_namespace (FOR TABLES IN SCHEMA) exists from PostgreSQL 15. */
export const tablePublicationsQuery = (serverVersion: number) => `
${serverVersion >= 150000 ? `SELECT p.pubname FROM pg_publication p JOIN pg_publication_namespace pn ON pn.pnpubid = p.oid
  JOIN pg_class c ON c.relnamespace = pn.pnnspid WHERE c.oid = $1 AND pg_relation_is_publishable($1::oid::regclass)
UNION` : ''}
SELECT p.pubname FROM pg_publication p JOIN pg_publication_rel pr ON pr.prpubid = p.oid WHERE pr.prrelid = $1
UNION
SELECT p.pubname FROM pg_publication p WHERE p.puballtables AND pg_relation_is_publishable($1::oid::regclass)
ORDER BY 1`;

/** Extended statistics objects and rewrite rules (a view's own _RETURN rule is its definition, not a rule). */
export const tableStatisticsAndRulesQuery = `
SELECT 'statistics' AS kind, s.stxname AS name, quote_ident(s.stxname) AS quoted, n.nspname AS schema, pg_get_statisticsobjdef(s.oid) AS definition, NULL AS enabled
  FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
 WHERE s.stxrelid = $1
UNION ALL
SELECT 'rule', r.rulename, quote_ident(r.rulename), NULL, pg_get_ruledef(r.oid, true), r.ev_enabled::text
  FROM pg_rewrite r
 WHERE r.ev_class = $1 AND r.rulename <> '_RETURN'
 ORDER BY 1, 2`;
