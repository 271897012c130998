// The catalog queries behind a schema snapshot: one per kind of object, never one per table.
// Every query takes $1/$2 = the migrations table's schema and name, which is left out (with its
// columns, indexes, constraints, triggers and owned sequence): it is the engine's bookkeeping.

/** User schemas only: not pg_catalog, information_schema, pg_toast or anyone's temporary schema. */
export const userSchema = (alias: string) => `${alias}.nspname <> 'information_schema' AND ${alias}.nspname NOT LIKE 'pg\\_%'`;

/** Objects an extension created belong to it: the snapshot lists the extension instead. */
export const notFromExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

const excludedTable = `coalesce(to_regclass(format('%I.%I', $1::text, $2::text))::oid, 0::oid)`;

/** Relations we report on (and whose parts we report on): user schemas, not an extension's, not the migrations table. */
const userRelation = (alias: string) => `${userSchema('n')} AND ${notFromExtension('pg_class', `${alias}.oid`)} AND ${alias}.oid <> ${excludedTable}`;

export const schemasQuery = `
SELECT n.nspname AS name, d.description AS comment
  FROM pg_namespace n
  LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
 WHERE ${userSchema('n')} AND ${notFromExtension('pg_namespace', 'n.oid')}
`;

export const extensionsQuery = `
SELECT x.extname AS name, n.nspname AS schema, x.extversion AS version
  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
 WHERE x.extname <> 'plpgsql'`;

export const relationsQuery = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
       c.relpersistence::text AS persistence,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parents,
       format_type(s.seqtypid, NULL) AS sequence_type, s.seqstart::text AS sequence_start, s.seqincrement::text AS sequence_increment,
       s.seqmin::text AS sequence_min, s.seqmax::text AS sequence_max, s.seqcycle AS sequence_cycle,
       (SELECT on_.nspname || '.' || oc.relname || '.' || a.attname
          FROM pg_depend d
          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
          JOIN pg_class oc ON oc.oid = d.refobjid JOIN pg_namespace on_ ON on_.oid = oc.relnamespace
         WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by,
       ds.description AS comment, array_to_string(c.reloptions, ', ') AS options,
       CASE WHEN c.relkind IN ('r', 'p') THEN c.relrowsecurity END AS row_security,
       CASE WHEN c.relkind IN ('r', 'p') THEN c.relforcerowsecurity END AS force_row_security,
       CASE WHEN c.relkind IN ('r', 'p', 'm') AND c.relreplident <> 'd' THEN c.relreplident::text END AS replica_identity,
       CASE WHEN c.relkind IN ('r', 'm') AND am.amname <> 'heap' THEN am.amname END AS access_method,
       current_setting('server_version_num')::int AS server_version_num
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
  LEFT JOIN pg_am am ON am.oid = c.relam
  LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
 WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${userRelation('c')}
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refobjid = ${excludedTable} AND d.deptype IN ('a', 'i'))`;

/** Per-column settings only when set (storage other than the type's, compression, statistics target). attcompression: PostgreSQL 14+. */
export const columnsQuery = (serverVersion: number) => `
SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_value,
       nullif(a.attidentity::text, '') AS identity, nullif(a.attgenerated::text, '') AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       dc.description AS comment,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,
       ${serverVersion >= 140000 ? `nullif(a.attcompression::text, '')` : 'NULL::text'} AS compression,
       nullif(a.attstattarget, -1) AS statistics_target
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_description dc ON dc.objoid = c.oid AND dc.classoid = 'pg_class'::regclass AND dc.objsubid = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND ${userRelation('c')}`;

export const indexesQuery = `
SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition,
       x.indisprimary AS is_primary, x.indisunique AS is_unique, x.indisvalid AS is_valid, di.description AS comment
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  LEFT JOIN pg_description di ON di.objoid = i.oid AND di.classoid = 'pg_class'::regclass AND di.objsubid = 0
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE ${userRelation('t')}`;

export const constraintsQuery = `
SELECT n.nspname AS schema, coalesce(t.relname, ty.typname) AS table, k.conname AS name, k.contype::text AS type,
       pg_get_constraintdef(k.oid) AS definition, k.convalidated AS validated, dk.description AS comment
  FROM pg_constraint k
  LEFT JOIN pg_description dk ON dk.objoid = k.oid AND dk.classoid = 'pg_constraint'::regclass AND dk.objsubid = 0
  JOIN pg_namespace n ON n.oid = k.connamespace
  LEFT JOIN pg_class t ON t.oid = k.conrelid
  LEFT JOIN pg_type ty ON ty.oid = k.contypid
 WHERE ${userSchema('n')} AND k.conrelid <> ${excludedTable}
   AND (t.oid IS NULL OR ${notFromExtension('pg_class', 't.oid')})
   AND (ty.oid IS NULL OR ${notFromExtension('pg_type', 'ty.oid')})`;

export const triggersQuery = `
SELECT n.nspname AS schema, c.relname AS table, g.tgname AS name, pg_get_triggerdef(g.oid) AS definition, g.tgenabled::text AS enabled,
       dg.description AS comment
  FROM pg_trigger g
  LEFT JOIN pg_description dg ON dg.objoid = g.oid AND dg.classoid = 'pg_trigger'::regclass AND dg.objsubid = 0
  JOIN pg_class c ON c.oid = g.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT g.tgisinternal AND ${userRelation('c')}`;

/** Enums, domains, composite types made with CREATE TYPE and ranges; not the row type every table has. */
export const typesQuery = `
SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
       (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       CASE WHEN t.typtype = 'd' THEN t.typnotnull END AS not_null,
       t.typdefault AS default_value,
       (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
          FROM pg_attribute a WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
       (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid) AS subtype,
       dt.description AS comment
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_description dt ON dt.objoid = t.oid AND dt.classoid = 'pg_type'::regclass AND dt.objsubid = 0
 WHERE t.typtype IN ('e', 'd', 'c', 'r') AND ${userSchema('n')} AND ${notFromExtension('pg_type', 't.oid')}
   AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
`;

export const functionsQuery = `
SELECT n.nspname AS schema, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
       p.prokind::text AS prokind, l.lanname AS language, pg_get_function_result(p.oid) AS result,
       p.provolatile::text AS volatility, p.prosecdef AS security_definer, md5(p.prosrc) AS source_md5,
       dp.description AS comment
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_description dp ON dp.objoid = p.oid AND dp.classoid = 'pg_proc'::regclass AND dp.objsubid = 0
 WHERE ${userSchema('n')} AND ${notFromExtension('pg_proc', 'p.oid')}
`;

/** Row-level security policies: command, permissive or restrictive, roles (PUBLIC when none), USING, WITH CHECK. */
export const policiesQuery = `
SELECT n.nspname AS schema, c.relname AS table, p.polname AS name,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       p.polpermissive AS permissive,
       CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE array_to_string(ARRAY(SELECT r.rolname FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY r.rolname), ', ') END AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expression, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
  FROM pg_policy p
  JOIN pg_class c ON c.oid = p.polrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userRelation('c')}`;
