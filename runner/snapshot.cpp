#include "runner/snapshot.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>

#include "lint/objects.h"

namespace sqlgate::runner {
namespace {

// Settings for reading the catalog the same way every time, whatever the migrations set in the
// session: every name schema-qualified, dates and numbers in one format. SET LOCAL ends with the
// implicit transaction of the query string.
constexpr const char* k_settings =
    "SET LOCAL search_path = pg_catalog; SET LOCAL datestyle = 'ISO, YMD'; "
    "SET LOCAL intervalstyle = 'postgres'; SET LOCAL timezone = 'UTC'; "
    "SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'; "
    "SET LOCAL statement_timeout = 0; ";

// The catalog in one query. Each row: section ('o' an object, 'd' a table whose rows are read),
// object, parent, definition, and for 'd' rows the SQL that reads its rows. @EXCLUDED@ and
// @MAX_ROWS@ are replaced before it is sent.
constexpr const char* k_catalog_query = R"SQL(
WITH
ns AS (
  SELECT n.oid, n.nspname, n.nspowner, n.nspacl, quote_ident(n.nspname) AS q
  FROM pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND n.nspname !~ '^pg_(toast_)?temp_'
),
ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
excluded AS (
  SELECT c.oid FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND (c.relname = ANY (@EXCLUDED@) OR ns.nspname || '.' || c.relname = ANY (@EXCLUDED@))
),
rel AS (
  SELECT c.oid, c.relname, c.relkind, c.relowner, c.relacl, c.relpersistence, c.relrowsecurity,
         c.relforcerowsecurity, c.relreplident, c.relispartition, c.relpartbound, c.reloptions,
         c.relispopulated, ns.q AS nsq, ns.q || '.' || quote_ident(c.relname) AS name,
         CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table '
           WHEN 'f' THEN 'foreign table ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
           WHEN 'S' THEN 'sequence ' WHEN 'c' THEN 'type ' ELSE 'index ' END
           || ns.q || '.' || quote_ident(c.relname) AS key
  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I', 'c')
    AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
    AND c.oid NOT IN (SELECT oid FROM excluded)
    AND NOT EXISTS (SELECT 1 FROM pg_index i
                    WHERE i.indexrelid = c.oid AND i.indrelid IN (SELECT oid FROM excluded))
    AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                      AND d.refclassid = 'pg_class'::regclass
                      AND d.refobjid IN (SELECT oid FROM excluded))
),
owner AS (SELECT oid, quote_ident(rolname) AS name FROM pg_roles),
seqowner AS (
  SELECT d.objid AS seq, t.key AS parent, d.deptype = 'i' AS identity,
         CASE d.deptype WHEN 'i' THEN 'IDENTITY OF ' ELSE 'OWNED BY ' END
           || t.name || '.' || quote_ident(a.attname) AS text
  FROM pg_depend d
  JOIN pg_class q ON q.oid = d.objid AND q.relkind = 'S'
  JOIN rel t ON t.oid = d.refobjid
  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
)
-- schemas
SELECT 'o' AS section, 'schema ' || ns.q AS object, NULL::text AS parent,
       'OWNER ' || o.name AS definition, NULL::text AS extra
FROM ns JOIN owner o ON o.oid = ns.nspowner
UNION ALL
-- tables, views, materialized views, sequences
SELECT 'o', r.key, s.parent,
       concat_ws(' ',
         CASE r.relkind WHEN 'p' THEN 'PARTITIONED' END,
         CASE r.relpersistence WHEN 'u' THEN 'UNLOGGED' END,
         CASE WHEN r.relkind = 'p' THEN 'PARTITION BY ' || pg_get_partkeydef(r.oid) END,
         CASE WHEN r.relispartition THEN
           'PARTITION OF ' || (SELECT i.inhparent::regclass::text FROM pg_inherits i
                               WHERE i.inhrelid = r.oid LIMIT 1)
           || ' ' || pg_get_expr(r.relpartbound, r.oid) END,
         CASE WHEN NOT r.relispartition AND EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = r.oid)
           THEN 'INHERITS (' || (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
                                 FROM pg_inherits i WHERE i.inhrelid = r.oid) || ')' END,
         CASE WHEN r.relkind = 'f' THEN
           (SELECT 'SERVER ' || quote_ident(v.srvname)
                   || coalesce(' OPTIONS (' || array_to_string(ARRAY(SELECT o FROM unnest(f.ftoptions) o ORDER BY 1), ', ') || ')', '')
            FROM pg_foreign_table f JOIN pg_foreign_server v ON v.oid = f.ftserver
            WHERE f.ftrelid = r.oid) END,
         CASE WHEN r.relkind IN ('v', 'm') THEN 'AS ' || pg_get_viewdef(r.oid, true) END,
         CASE WHEN r.relkind = 'm' AND NOT r.relispopulated THEN 'WITH NO DATA' END,
         CASE WHEN r.relkind = 'S' THEN
           (SELECT format('AS %s INCREMENT %s MINVALUE %s MAXVALUE %s START %s CACHE %s%s',
                          format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax,
                          q.seqstart, q.seqcache, CASE WHEN q.seqcycle THEN ' CYCLE' ELSE '' END)
            FROM pg_sequence q WHERE q.seqrelid = r.oid) END,
         s.text,
         -- options are a set: SET (a = 1, b = 2) and SET (b = 2, a = 1) leave the same
         CASE WHEN r.reloptions IS NOT NULL THEN 'WITH (' || array_to_string(ARRAY(SELECT o FROM unnest(r.reloptions) o ORDER BY 1), ', ') || ')' END,
         CASE WHEN r.relkind IN ('r', 'p') AND r.relreplident <> 'd' THEN
           'REPLICA IDENTITY ' || CASE r.relreplident WHEN 'n' THEN 'NOTHING' WHEN 'f' THEN 'FULL'
                                  ELSE 'USING INDEX' END END,
         'OWNER ' || o.name),
       NULL
FROM rel r JOIN owner o ON o.oid = r.relowner
LEFT JOIN seqowner s ON s.seq = r.oid
WHERE r.relkind NOT IN ('i', 'I', 'c')
  AND s.identity IS NOT TRUE  -- an identity column's sequence is part of the column
UNION ALL
-- columns, by name
SELECT 'o', 'column ' || r.name || '.' || quote_ident(a.attname), r.key,
       concat_ws(' ', format_type(a.atttypid, a.atttypmod),
         CASE WHEN a.attcollation <> t.typcollation THEN
           'COLLATE ' || (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                          FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                          WHERE co.oid = a.attcollation) END,
         CASE WHEN a.attnotnull THEN 'NOT NULL' END,
         CASE WHEN a.attgenerated = 's'
                THEN 'GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
              WHEN a.atthasdef THEN 'DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) END,
         CASE a.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY'
                            WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END,
         CASE WHEN a.attidentity <> '' THEN
           (SELECT format('(AS %s INCREMENT %s MINVALUE %s MAXVALUE %s START %s CACHE %s%s)',
                          format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax,
                          q.seqstart, q.seqcache, CASE WHEN q.seqcycle THEN ' CYCLE' ELSE '' END)
            FROM pg_depend d JOIN pg_sequence q ON q.seqrelid = d.objid
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
              AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i') END,
         -- what ALTER COLUMN ... SET STATISTICS / STORAGE / COMPRESSION / (...) changed
         CASE WHEN a.attstattarget >= 0 THEN 'STATISTICS ' || a.attstattarget END,
         CASE WHEN a.attstorage <> t.typstorage THEN
           'STORAGE ' || CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'
                                           WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END,
         -- a column of PostgreSQL 14 and later, read so that older servers are asked too
         CASE to_jsonb(a) ->> 'attcompression' WHEN 'p' THEN 'COMPRESSION pglz'
                                               WHEN 'l' THEN 'COMPRESSION lz4' END,
         -- the options a user can set (some builds keep entries of their own there too)
         (SELECT 'WITH (' || string_agg(o, ', ' ORDER BY o) || ')'
          FROM unnest(a.attoptions) o WHERE o LIKE 'n\_distinct%')),
       NULL
FROM rel r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE r.relkind IN ('r', 'p', 'f')
UNION ALL
-- constraints of tables
SELECT 'o', 'constraint ' || r.name || '.' || quote_ident(c.conname), r.key,
       pg_get_constraintdef(c.oid), NULL
FROM rel r JOIN pg_constraint c ON c.conrelid = r.oid
UNION ALL
-- indexes, with their validity
SELECT 'o', r.key, t.key,
       pg_get_indexdef(r.oid) || CASE WHEN NOT i.indisvalid THEN ' (INVALID)' ELSE '' END
         || CASE WHEN i.indisclustered THEN ' (CLUSTERED)' ELSE '' END,
       NULL
FROM rel r JOIN pg_index i ON i.indexrelid = r.oid JOIN rel t ON t.oid = i.indrelid
WHERE r.relkind IN ('i', 'I')
UNION ALL
-- triggers (not the internal ones of foreign keys)
SELECT 'o', 'trigger ' || r.name || '.' || quote_ident(g.tgname), r.key,
       pg_get_triggerdef(g.oid) || CASE g.tgenabled WHEN 'D' THEN ' (DISABLED)'
         WHEN 'R' THEN ' (ENABLE REPLICA)' WHEN 'A' THEN ' (ENABLE ALWAYS)' ELSE '' END,
       NULL
FROM rel r JOIN pg_trigger g ON g.tgrelid = r.oid
WHERE NOT g.tgisinternal
UNION ALL
-- rules (not the ones of views)
SELECT 'o', 'rule ' || r.name || '.' || quote_ident(w.rulename), r.key, pg_get_ruledef(w.oid), NULL
FROM rel r JOIN pg_rewrite w ON w.ev_class = r.oid
WHERE w.rulename <> '_RETURN'
UNION ALL
-- policies and row-level security
SELECT 'o', 'policy ' || r.name || '.' || quote_ident(p.polname), r.key,
       concat_ws(' ', CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
         'FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
                    WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
         'TO ' || (SELECT string_agg(r.name, ', ' ORDER BY r.name)
                   FROM (SELECT CASE WHEN x.role = 0 THEN 'PUBLIC'
                                     ELSE quote_ident(pg_get_userbyid(x.role)) END AS name
                         FROM unnest(p.polroles) AS x(role)) r),
         'USING (' || pg_get_expr(p.polqual, p.polrelid) || ')',
         'WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')'),
       NULL
FROM rel r JOIN pg_policy p ON p.polrelid = r.oid
UNION ALL
SELECT 'o', 'row level security on ' || r.key, r.key,
       CASE WHEN r.relrowsecurity THEN 'ENABLED' ELSE 'DISABLED' END
         || CASE WHEN r.relforcerowsecurity THEN ', FORCED' ELSE '' END,
       NULL
FROM rel r
WHERE r.relrowsecurity OR r.relforcerowsecurity
UNION ALL
-- functions, procedures, aggregates
SELECT 'o', CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END
              || ns.q || '.' || quote_ident(p.proname)
              || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       NULL,
       CASE WHEN p.prokind = 'a' THEN
         (SELECT concat_ws(' ', 'SFUNC ' || a.aggtransfn::text,
                           'STYPE ' || format_type(a.aggtranstype, NULL),
                           CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC ' || a.aggfinalfn::text END,
                           'INITCOND ' || quote_literal(a.agginitval))
          FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
       ELSE pg_get_functiondef(p.oid) END || ' OWNER ' || o.name,
       NULL
FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace JOIN owner o ON o.oid = p.proowner
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
  -- not the constructors PostgreSQL makes for a range type
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
UNION ALL
-- types: enums (labels in order), composites, domains, ranges, base types
SELECT 'o', CASE t.typtype WHEN 'd' THEN 'domain ' ELSE 'type ' END || ns.q || '.' || quote_ident(t.typname),
       NULL,
       CASE t.typtype
         WHEN 'e' THEN 'ENUM (' || coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', '
                                                              ORDER BY e.enumsortorder)
                                            FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
         WHEN 'c' THEN 'COMPOSITE (' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' '
                                                        || format_type(a.atttypid, a.atttypmod),
                                                        ', ' ORDER BY a.attnum)
                                                 FROM pg_attribute a
                                                 WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                                   AND NOT a.attisdropped), '') || ')'
         WHEN 'd' THEN concat_ws(' ', format_type(t.typbasetype, t.typtypmod),
                                 CASE WHEN t.typcollation <> 0 AND t.typcollation <>
                                        (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
                                      THEN 'COLLATE ' || (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                                                          FROM pg_collation co
                                                          JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                                          WHERE co.oid = t.typcollation) END,
                                 CASE WHEN t.typnotnull THEN 'NOT NULL' END,
                                 'DEFAULT ' || t.typdefault)
         WHEN 'r' THEN (SELECT 'RANGE (SUBTYPE ' || format_type(g.rngsubtype, NULL) || ')'
                        FROM pg_range g WHERE g.rngtypid = t.oid)
         ELSE 'BASE (INPUT ' || t.typinput::text || ', OUTPUT ' || t.typoutput::text || ')'
       END || ' OWNER ' || o.name,
       NULL
FROM pg_type t JOIN ns ON ns.oid = t.typnamespace JOIN owner o ON o.oid = t.typowner
WHERE t.typtype IN ('e', 'c', 'd', 'r', 'b')
  AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
  AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
UNION ALL
SELECT 'o', 'constraint ' || ns.q || '.' || quote_ident(t.typname) || '.' || quote_ident(c.conname),
       'domain ' || ns.q || '.' || quote_ident(t.typname), pg_get_constraintdef(c.oid), NULL
FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid JOIN ns ON ns.oid = t.typnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
UNION ALL
-- extensions (their objects are theirs: not listed one by one)
SELECT 'o', 'extension ' || quote_ident(e.extname), NULL,
       'VERSION ' || e.extversion || ' SCHEMA ' || quote_ident(n.nspname), NULL
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
UNION ALL
-- collations, operators, casts, statistics, text search
SELECT 'o', 'collation ' || ns.q || '.' || quote_ident(c.collname), NULL,
       concat_ws(' ', 'PROVIDER ' || c.collprovider::text, 'LC_COLLATE ' || quote_literal(c.collcollate),
                 'LC_CTYPE ' || quote_literal(c.collctype), 'LOCALE ' || quote_literal(@COLLLOCALE@),
                 CASE WHEN NOT c.collisdeterministic THEN 'NONDETERMINISTIC' END),
       NULL
FROM pg_collation c JOIN ns ON ns.oid = c.collnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_collation'::regclass AND ext.objid = c.oid)
UNION ALL
SELECT 'o', 'operator ' || ns.q || '.' || p.oprname || '(' || coalesce(format_type(nullif(p.oprleft, 0), NULL), 'NONE')
              || ', ' || coalesce(format_type(nullif(p.oprright, 0), NULL), 'NONE') || ')',
       NULL, 'FUNCTION ' || p.oprcode::oid::regprocedure::text, NULL
FROM pg_operator p JOIN ns ON ns.oid = p.oprnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_operator'::regclass AND ext.objid = p.oid)
UNION ALL
SELECT 'o', 'cast (' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ')',
       NULL,
       CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure::text
                         WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
         || CASE c.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END,
       NULL
FROM pg_cast c
WHERE c.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_cast'::regclass AND ext.objid = c.oid)
UNION ALL
SELECT 'o', 'statistics ' || ns.q || '.' || quote_ident(s.stxname), r.key,
       pg_get_statisticsobjdef(s.oid), NULL
FROM pg_statistic_ext s JOIN ns ON ns.oid = s.stxnamespace JOIN rel r ON r.oid = s.stxrelid
UNION ALL
SELECT 'o', 'text search configuration ' || ns.q || '.' || quote_ident(c.cfgname), NULL,
       'PARSER ' || (SELECT quote_ident(prsname) FROM pg_ts_parser WHERE oid = c.cfgparser), NULL
FROM pg_ts_config c JOIN ns ON ns.oid = c.cfgnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_config'::regclass AND ext.objid = c.oid)
UNION ALL
SELECT 'o', 'text search dictionary ' || ns.q || '.' || quote_ident(d.dictname), NULL,
       concat_ws(' ', 'TEMPLATE ' || (SELECT quote_ident(tmplname) FROM pg_ts_template WHERE oid = d.dicttemplate),
                 d.dictinitoption),
       NULL
FROM pg_ts_dict d JOIN ns ON ns.oid = d.dictnamespace
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_dict'::regclass AND ext.objid = d.oid)
UNION ALL
-- database-wide objects: event triggers, publications, foreign data wrappers and servers, languages
SELECT 'o', 'event trigger ' || quote_ident(e.evtname), NULL,
       concat_ws(' ', 'ON ' || e.evtevent,
                 'WHEN TAG IN (' || array_to_string(e.evttags, ', ') || ')',
                 'EXECUTE FUNCTION ' || e.evtfoid::regprocedure::text,
                 CASE e.evtenabled WHEN 'D' THEN '(DISABLED)' WHEN 'R' THEN '(ENABLE REPLICA)'
                                   WHEN 'A' THEN '(ENABLE ALWAYS)' END),
       NULL
FROM pg_event_trigger e
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_event_trigger'::regclass AND ext.objid = e.oid)
UNION ALL
SELECT 'o', 'publication ' || quote_ident(p.pubname), NULL,
       concat_ws(' ', CASE WHEN p.puballtables THEN 'FOR ALL TABLES' END, @PUBLICATION@,
                 format('WITH (insert %s, update %s, delete %s, truncate %s)',
                        p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate), @VIAROOT@),
       NULL
FROM pg_publication p
UNION ALL
SELECT 'o', 'foreign data wrapper ' || quote_ident(w.fdwname), NULL,
       concat_ws(' ', 'HANDLER ' || nullif(w.fdwhandler, 0)::regproc::text,
                 'VALIDATOR ' || nullif(w.fdwvalidator, 0)::regproc::text,
                 'OPTIONS (' || array_to_string(ARRAY(SELECT o FROM unnest(w.fdwoptions) o ORDER BY 1), ', ') || ')'),
       NULL
FROM pg_foreign_data_wrapper w
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_foreign_data_wrapper'::regclass AND ext.objid = w.oid)
UNION ALL
SELECT 'o', 'server ' || quote_ident(s.srvname), NULL,
       concat_ws(' ', 'FOREIGN DATA WRAPPER ' || (SELECT quote_ident(fdwname) FROM pg_foreign_data_wrapper WHERE oid = s.srvfdw),
                 'OPTIONS (' || array_to_string(ARRAY(SELECT o FROM unnest(s.srvoptions) o ORDER BY 1), ', ') || ')'),
       NULL
FROM pg_foreign_server s
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_foreign_server'::regclass AND ext.objid = s.oid)
UNION ALL
SELECT 'o', 'language ' || quote_ident(l.lanname), NULL,
       concat_ws(' ', CASE WHEN l.lanpltrusted THEN 'TRUSTED' END, 'HANDLER ' || l.lanplcallfoid::regproc::text),
       NULL
FROM pg_language l
WHERE l.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_language'::regclass AND ext.objid = l.oid)
UNION ALL
-- comments
SELECT 'o', 'comment on ' || pg_describe_object(d.classoid, d.objoid, d.objsubid),
       CASE WHEN d.classoid = 'pg_class'::regclass THEN (SELECT r.key FROM rel r WHERE r.oid = d.objoid)
            WHEN d.classoid = 'pg_extension'::regclass THEN
              (SELECT 'extension ' || quote_ident(e.extname) FROM pg_extension e WHERE e.oid = d.objoid)
       END,
       d.description, NULL
FROM pg_description d
WHERE d.objoid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = d.classoid AND ext.objid = d.objoid)
  AND (d.classoid <> 'pg_class'::regclass OR EXISTS (SELECT 1 FROM rel r WHERE r.oid = d.objoid))
  AND (d.classoid <> 'pg_namespace'::regclass OR EXISTS (SELECT 1 FROM ns WHERE ns.oid = d.objoid))
UNION ALL
-- privileges that differ from the owner's defaults
SELECT 'o', 'privileges on ' || r.key, r.key, x.acl, NULL
FROM rel r,
     LATERAL (SELECT array_to_string(ARRAY(SELECT a::text FROM unnest(r.relacl) a ORDER BY 1), ' ') AS acl,
                     array_to_string(ARRAY(SELECT a::text
                                           FROM unnest(acldefault((CASE WHEN r.relkind = 'S' THEN 's' ELSE 'r' END)::"char",
                                                                  r.relowner)) a ORDER BY 1), ' ') AS dflt) x
WHERE r.relacl IS NOT NULL AND r.relkind NOT IN ('i', 'I', 'c') AND x.acl <> x.dflt
UNION ALL
SELECT 'o', 'privileges on column ' || r.name || '.' || quote_ident(a.attname), r.key,
       array_to_string(ARRAY(SELECT g::text FROM unnest(a.attacl) g ORDER BY 1), ' '), NULL
FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE cardinality(a.attacl) > 0
UNION ALL
SELECT 'o', 'privileges on schema ' || ns.q, NULL, x.acl, NULL
FROM ns,
     LATERAL (SELECT array_to_string(ARRAY(SELECT a::text FROM unnest(ns.nspacl) a ORDER BY 1), ' ') AS acl,
                     array_to_string(ARRAY(SELECT a::text FROM unnest(acldefault('n', ns.nspowner)) a
                                           ORDER BY 1), ' ') AS dflt) x
WHERE ns.nspacl IS NOT NULL AND x.acl <> x.dflt
UNION ALL
SELECT 'o', 'privileges on ' || CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END
              || ns.q || '.' || quote_ident(p.proname)
              || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       NULL, x.acl, NULL
FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace,
     LATERAL (SELECT array_to_string(ARRAY(SELECT a::text FROM unnest(p.proacl) a ORDER BY 1), ' ') AS acl,
                     array_to_string(ARRAY(SELECT a::text FROM unnest(acldefault('f', p.proowner)) a
                                           ORDER BY 1), ' ') AS dflt) x
WHERE p.proacl IS NOT NULL AND x.acl <> x.dflt
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
UNION ALL
SELECT 'o', 'privileges on type ' || ns.q || '.' || quote_ident(t.typname), NULL, x.acl, NULL
FROM pg_type t JOIN ns ON ns.oid = t.typnamespace,
     LATERAL (SELECT array_to_string(ARRAY(SELECT a::text FROM unnest(t.typacl) a ORDER BY 1), ' ') AS acl,
                     array_to_string(ARRAY(SELECT a::text FROM unnest(acldefault('T', t.typowner)) a
                                           ORDER BY 1), ' ') AS dflt) x
WHERE t.typacl IS NOT NULL AND x.acl <> x.dflt
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
UNION ALL
SELECT 'o', 'default privileges of role ' || quote_ident(pg_get_userbyid(d.defaclrole))
              || coalesce(' in schema ' || (SELECT quote_ident(nspname) FROM pg_namespace
                                            WHERE oid = nullif(d.defaclnamespace, 0)), '')
              || ' on ' || CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                             WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' ELSE 'schemas' END,
       NULL, array_to_string(ARRAY(SELECT a::text FROM unnest(d.defaclacl) a ORDER BY 1), ' '), NULL
FROM pg_default_acl d
UNION ALL
SELECT 'o', 'privileges on the database', NULL, x.acl, NULL
FROM pg_database b,
     LATERAL (SELECT array_to_string(ARRAY(SELECT a::text FROM unnest(b.datacl) a ORDER BY 1), ' ') AS acl,
                     array_to_string(ARRAY(SELECT a::text FROM unnest(acldefault('d', b.datdba)) a
                                           ORDER BY 1), ' ') AS dflt) x
WHERE b.datname = current_database() AND b.datacl IS NOT NULL AND x.acl <> x.dflt
UNION ALL
-- settings of roles, in every database or in this one, and of this database (ALTER ROLE ...
-- [IN DATABASE ...] SET, ALTER DATABASE ... SET): pg_db_role_setting, one object a parameter
SELECT 'o', 'setting ' || split_part(c.item, '=', 1)
              || CASE WHEN s.setrole = 0 THEN ''
                      ELSE ' of role ' || quote_ident(pg_get_userbyid(s.setrole)) END
              || CASE WHEN s.setdatabase = 0 THEN '' ELSE ' in the database' END,
       NULL, substr(c.item, strpos(c.item, '=') + 1), NULL
FROM pg_db_role_setting s CROSS JOIN LATERAL unnest(s.setconfig) AS c(item)
WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
   OR (s.setdatabase = 0 AND s.setrole IN (SELECT oid FROM pg_roles
                                            WHERE rolname = ANY (@ROLES@)
                                               OR (rolname = current_user AND '' = ANY (@ROLES@))))
UNION ALL
-- tables whose rows are compared: the SQL that reads their count and keys. The keys are the
-- primary key's values; without a primary key, whole rows, their columns in the order of their
-- names (a column dropped and added again comes last). Values a sequence hands out (identity and
-- serial columns) are left out: a row deleted and inserted again gets another, and a key made of
-- them only counts the rows.
SELECT 'd', r.key, NULL,
       CASE WHEN k.names IS NOT NULL AND NOT k.generated THEN k.names
            ELSE coalesce(c.names, '') END,
       format('SELECT %L::text, NULL::text, count(*) FROM ONLY %s', r.key, r.name)
         || ' UNION ALL '
         || format('SELECT %L::text, ROW(%s)::text, NULL::bigint FROM ONLY %s AS r '
                   'WHERE (SELECT count(*) FROM ONLY %s) <= @MAX_ROWS@ AND %s',
                   r.key,
                   CASE WHEN k.names IS NOT NULL AND NOT k.generated THEN k.columns
                        ELSE coalesce(c.columns, 'NULL') END,
                   r.name, r.name,
                   CASE WHEN k.names IS NOT NULL AND k.generated THEN 'false'
                        WHEN k.names IS NULL AND c.columns IS NULL THEN 'false'
                        ELSE 'true' END)
FROM rel r
LEFT JOIN LATERAL (
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) AS names,
         string_agg('r.' || quote_ident(a.attname), ', ' ORDER BY k.ord) AS columns,
         bool_and(a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                                         LIKE 'nextval(%') AS generated
  FROM pg_index i
  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE i.indrelid = r.oid AND i.indisprimary
) k ON true
LEFT JOIN LATERAL (
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attname)
           FILTER (WHERE NOT a.generated) AS names,
         string_agg('r.' || quote_ident(a.attname), ', ' ORDER BY a.attname)
           FILTER (WHERE NOT a.generated) AS columns
  FROM (SELECT a.attname,
               a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                                      LIKE 'nextval(%' AS generated
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped) a
) c ON true
WHERE r.relkind = 'r'
)SQL";

void replace_all(std::string& text, std::string_view what, const std::string& with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

// A publication's members, in name order: before PostgreSQL 15 its tables; from 15 on also each
// table's column list and row filter, and the schemas it publishes.
std::string publication_members(int server_version) {
  if (server_version < 150000) {
    return R"SQL('FOR TABLE ' || (SELECT string_agg(x.prrelid::regclass::text, ', '
                                              ORDER BY x.prrelid::regclass::text)
                             FROM pg_publication_rel x WHERE x.prpubid = p.oid))SQL";
  }
  return R"SQL('FOR TABLE ' || (SELECT string_agg(x.prrelid::regclass::text
                                   || coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', '
                                                                         ORDER BY a.attnum)
                                                       FROM pg_attribute a
                                                       WHERE a.attrelid = x.prrelid
                                                         AND a.attnum = ANY (x.prattrs)) || ')', '')
                                   || coalesce(' WHERE (' || pg_get_expr(x.prqual, x.prrelid) || ')', ''),
                                 ', ' ORDER BY x.prrelid::regclass::text)
                  FROM pg_publication_rel x WHERE x.prpubid = p.oid),
       'FOR TABLES IN SCHEMA ' || (SELECT string_agg(quote_ident(n.nspname), ', ' ORDER BY n.nspname)
                                   FROM pg_publication_namespace pn
                                   JOIN pg_namespace n ON n.oid = pn.pnnspid
                                   WHERE pn.pnpubid = p.oid))SQL";
}

std::string catalog_query(const SnapshotOptions& options, int server_version) {
  std::string excluded = "ARRAY[";
  for (std::size_t i = 0; i < options.excluded_tables.size(); ++i) {
    if (i > 0) excluded += ", ";
    excluded += quote_literal(options.excluded_tables[i]);
  }
  excluded += "]::text[]";
  std::string query = k_catalog_query;
  replace_all(query, "@EXCLUDED@", excluded);
  std::string roles = "ARRAY[";
  for (std::size_t i = 0; i < options.roles.size(); ++i) {
    if (i > 0) roles += ", ";
    roles += quote_literal(options.roles[i]);
  }
  roles += "]::text[]";
  replace_all(query, "@ROLES@", roles);
  replace_all(query, "@MAX_ROWS@", std::to_string(std::max<std::int64_t>(options.max_rows, 0)));
  replace_all(query, "@PUBLICATION@", publication_members(server_version));
  // An ICU collation's locale (lc_collate and lc_ctype are NULL for one): colliculocale in 15
  // and 16, colllocale from 17.
  replace_all(query, "@COLLLOCALE@",
              server_version >= 170000   ? "c.colllocale"
              : server_version >= 150000 ? "c.colliculocale"
                                         : "NULL::text");
  replace_all(query, "@VIAROOT@",
              server_version >= 130000
                  ? "CASE WHEN p.pubviaroot THEN 'publish_via_partition_root' END"
                  : "NULL");
  return query;
}

}  // namespace

std::vector<std::string> roles_with_settings(const std::vector<const lint::ParsedFile*>& files) {
  std::set<std::string> roles;
  for (const lint::ParsedFile* file : files) {
    if (file == nullptr) continue;
    for (const lint::Statement* statement : file->all_statements()) {
      const lint::Node& node = statement->node;
      if (!node.is("AlterRoleSetStmt") || !node.has("role")) continue;
      lint::Node role = node.get("role");
      std::string_view type = role.str("roletype");
      if (type == "ROLESPEC_CSTRING") {
        roles.insert(lint::truncate_identifier(role.str("rolename")));
      } else if (type != "ROLESPEC_PUBLIC") {
        roles.insert("");
      }
    }
  }
  return {roles.begin(), roles.end()};
}

namespace {

const std::string& value(const std::optional<std::string>& field) {
  static const std::string k_empty;
  return field ? *field : k_empty;
}

std::string plural(std::int64_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// "(id)=(4), (id)=(5) and 3 more"
std::string list_keys(const std::string& columns, const std::vector<std::string>& keys) {
  constexpr std::size_t k_shown = 5;
  std::string text;
  for (std::size_t i = 0; i < keys.size() && i < k_shown; ++i) {
    if (i > 0) text += ", ";
    text += "(" + columns + ")=" + keys[i];
  }
  if (keys.size() > k_shown) text += " and " + std::to_string(keys.size() - k_shown) + " more";
  return text;
}

std::string describe_rows(const TableRows& rows) {
  return plural(rows.count, "row");
}

// "2 constraints", "1 index", "row level security", for the parts of an object by their kind.
std::string counted(const std::string& kind, std::int64_t n) {
  if (kind == "row") return "row level security";
  if (kind == "privileges") return kind;
  if (kind == "index") return std::to_string(n) + (n == 1 ? " index" : " indexes");
  if (kind == "policy") return std::to_string(n) + (n == 1 ? " policy" : " policies");
  if (kind == "statistics") return std::to_string(n) + " statistics";
  return plural(n, kind);
}

// An object present on one side only, with what belongs to it: "OWNER postgres; columns id,
// name; 2 constraints, 1 index; 3 rows".
std::string describe_whole(const Snapshot& side, const std::string& object) {
  std::string text = side.objects.at(object).definition;
  std::string name = object.substr(object.find(' ') + 1);  // "public.users"
  std::string columns;
  std::map<std::string, std::int64_t> others;
  for (const auto& [key, entry] : side.objects) {
    if (entry.parent != object) continue;
    std::string kind = key.substr(0, key.find(' '));
    std::string column_prefix = "column " + name + ".";
    if (key.starts_with(column_prefix)) {
      columns += (columns.empty() ? "" : ", ") + key.substr(column_prefix.size());
    } else {
      ++others[kind];
    }
  }
  if (!columns.empty()) text += "; columns " + columns;
  std::string parts;
  for (const auto& [kind, n] : others) {
    parts += (parts.empty() ? "" : ", ") + counted(kind, n);
  }
  if (!parts.empty()) text += "; " + parts;
  auto rows = side.rows.find(object);
  if (rows != side.rows.end() && rows->second.count > 0) text += "; " + describe_rows(rows->second);
  return text;
}

// Reads a snapshot from the catalog query's rows, then the rows of its tables.
Snapshot read_snapshot(Session& session, const Rows& catalog, const SnapshotOptions& options) {
  Snapshot snapshot;
  std::string data_query;
  for (const auto& row : catalog.rows) {
    const std::string& section = value(row[0]);
    const std::string& object = value(row[1]);
    if (section == "d") {
      snapshot.rows[object].key_columns = value(row[3]);
      if (!data_query.empty()) data_query += " UNION ALL ";
      data_query += value(row[4]);
    } else {
      snapshot.objects[object] = SnapshotObject{value(row[3]), value(row[2])};
    }
  }
  if (data_query.empty()) return snapshot;
  Rows data = session.query(k_settings + data_query);
  for (const auto& row : data.rows) {
    TableRows& rows = snapshot.rows[value(row[0])];
    if (row[2]) {
      rows.count = std::stoll(*row[2]);
    } else if (row[1]) {
      rows.keys.push_back(*row[1]);
    }
  }
  for (auto& [table, rows] : snapshot.rows) {
    rows.keyed = rows.count <= options.max_rows;
    std::sort(rows.keys.begin(), rows.keys.end());
  }
  return snapshot;
}

}  // namespace

Snapshot take_snapshot(Session& session, const SnapshotOptions& options) {
  return read_snapshot(session,
                       session.query(k_settings + catalog_query(options, session.server_version())),
                       options);
}

SnapshotReader::SnapshotReader(Session& session, SnapshotOptions options)
    : m_session(session), m_options(std::move(options)) {
  static std::atomic<unsigned> counter{0};
  m_statement = "sqlgate_snapshot_" + std::to_string(counter++);
}

SnapshotReader::~SnapshotReader() {
  if (!m_prepared) return;
  try {
    m_session.execute("DEALLOCATE " + m_statement);
  } catch (...) {
    // The session is gone: so is the statement.
  }
}

Snapshot SnapshotReader::take() {
  std::string execute = "EXECUTE " + m_statement;
  std::string sql = k_settings;
  if (!m_prepared)
    sql += "PREPARE " + m_statement + " AS " +
           catalog_query(m_options, m_session.server_version()) + "; ";
  Rows catalog = m_session.query(sql + execute);
  m_prepared = true;
  return read_snapshot(m_session, catalog, m_options);
}

std::vector<Difference> diff(const Snapshot& before, const Snapshot& after) {
  // Objects present on one side only: their parts are left out.
  std::set<std::string> whole;
  for (const auto& [object, entry] : before.objects) {
    if (!after.objects.contains(object)) whole.insert(object);
  }
  for (const auto& [object, entry] : after.objects) {
    if (!before.objects.contains(object)) whole.insert(object);
  }
  auto part_of_whole = [&](const SnapshotObject& entry) {
    return !entry.parent.empty() && whole.contains(entry.parent);
  };

  std::vector<Difference> differences;
  auto b = before.objects.begin();
  auto a = after.objects.begin();
  while (b != before.objects.end() || a != after.objects.end()) {
    if (a == after.objects.end() || (b != before.objects.end() && b->first < a->first)) {
      if (!part_of_whole(b->second)) {
        differences.push_back({b->first, describe_whole(before, b->first), {}});
      }
      ++b;
    } else if (b == before.objects.end() || a->first < b->first) {
      if (!part_of_whole(a->second)) {
        differences.push_back({a->first, {}, describe_whole(after, a->first)});
      }
      ++a;
    } else {
      if (b->second.definition != a->second.definition) {
        differences.push_back({a->first, b->second.definition, a->second.definition});
      }
      ++b;
      ++a;
    }
  }

  // Rows of tables present on both sides.
  std::set<std::string> tables;
  for (const auto& [table, rows] : before.rows) tables.insert(table);
  for (const auto& [table, rows] : after.rows) tables.insert(table);
  for (const std::string& table : tables) {
    if (whole.contains(table)) continue;
    auto old_rows = before.rows.find(table);
    auto new_rows = after.rows.find(table);
    if (old_rows == before.rows.end() || new_rows == after.rows.end()) continue;
    const TableRows& was = old_rows->second;
    const TableRows& now = new_rows->second;
    if (was.count == now.count && (!was.keyed || !now.keyed || was.keys == now.keys)) continue;
    std::string then = describe_rows(was);
    std::string text = describe_rows(now);
    if (was.keyed && now.keyed) {
      std::vector<std::string> added;
      std::vector<std::string> removed;
      std::set_difference(now.keys.begin(), now.keys.end(), was.keys.begin(), was.keys.end(),
                          std::back_inserter(added));
      std::set_difference(was.keys.begin(), was.keys.end(), now.keys.begin(), now.keys.end(),
                          std::back_inserter(removed));
      if (!added.empty()) text += "; added " + list_keys(now.key_columns, added);
      if (!removed.empty()) text += "; removed " + list_keys(was.key_columns, removed);
    }
    differences.push_back({"rows of " + table, then, text});
  }
  std::sort(differences.begin(), differences.end(),
            [](const Difference& x, const Difference& y) { return x.object < y.object; });
  return differences;
}

}  // namespace sqlgate::runner
