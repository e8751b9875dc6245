-- CamReq schema 1: the schema, its version table and the storage CRS chosen at install.
BEGIN;

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE SCHEMA camreq;
COMMENT ON SCHEMA camreq IS 'CamReq: video-protection camera registry and judicial requisitions';

CREATE TABLE camreq.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE camreq.schema_version IS 'One row per applied migration; the highest is the schema version';

CREATE TABLE camreq.settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    srid integer NOT NULL
);
COMMENT ON TABLE camreq.settings IS 'Database-wide settings chosen at install (one row)';

-- The installer sets camreq.srid for this session; psql users get Lambert-93.
INSERT INTO camreq.settings (srid)
VALUES (coalesce(nullif(current_setting('camreq.srid', true), '')::integer, 2154));

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM spatial_ref_sys JOIN camreq.settings USING (srid) WHERE proj4text LIKE '%+units=m %'
    ) THEN
        RAISE EXCEPTION 'CRS: EPSG:% is not a projected CRS in metres known to PostGIS; choose one such as EPSG:2154 (Lambert-93)',
            (SELECT srid FROM camreq.settings);
    END IF;
END
$$;

CREATE FUNCTION camreq.storage_srid() RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT srid FROM camreq.settings $$;

-- Gives a geometry column its type and the storage SRID (used by the migrations only).
CREATE FUNCTION camreq.set_geometry_type(tbl regclass, col name, geometry_type text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE geometry(%s, %s)', tbl, col, geometry_type, camreq.storage_srid());
END
$$;

-- Append-only tables: statement-level, so that it also fires where no row matches and for the table owner.
CREATE FUNCTION camreq.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'camreq.% is append-only: its rows cannot be changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

INSERT INTO camreq.schema_version (version) VALUES (1);
COMMIT;
