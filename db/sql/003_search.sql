-- CamReq schema 3: the consultation log of searches (who searched where, when and why).
BEGIN;

CREATE TABLE camreq.searches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    searched_by text NOT NULL DEFAULT current_user,
    searched_at timestamptz NOT NULL DEFAULT now(),
    reason text NOT NULL,
    distance_m double precision NOT NULL,
    in_view_only boolean NOT NULL DEFAULT false,
    incident_count integer NOT NULL,
    result_count integer NOT NULL,
    include_out_of_service boolean NOT NULL DEFAULT false,
    speed_kmh double precision,
    margin_minutes double precision NOT NULL DEFAULT 0,
    unit text,
    CONSTRAINT "search reason must not be empty" CHECK (btrim(reason) <> ''),
    CONSTRAINT "search distance must be between 0 and 5000 metres" CHECK (distance_m > 0 AND distance_m <= 5000),
    CONSTRAINT "route speed must be positive (km/h)" CHECK (speed_kmh > 0),
    CONSTRAINT "route margin must be 0 minutes or more" CHECK (margin_minutes >= 0)
);
CREATE INDEX searches_searched_at_idx ON camreq.searches (searched_at);
COMMENT ON TABLE camreq.searches IS 'Consultation log: one row per search, written in the same transaction as the search';
COMMENT ON COLUMN camreq.searches.unit IS 'Unit of the login who searched, at the time of the search';

CREATE TABLE camreq.search_incidents (
    search_id bigint NOT NULL REFERENCES camreq.searches ON DELETE RESTRICT,
    incident_id text NOT NULL,
    window_start timestamptz NOT NULL,
    window_end timestamptz NOT NULL,
    geom geometry NOT NULL,
    PRIMARY KEY (search_id, incident_id),
    CONSTRAINT "incident end must not be before its start" CHECK (window_end >= window_start)
);
SELECT camreq.set_geometry_type('camreq.search_incidents', 'geom', 'Geometry');
COMMENT ON TABLE camreq.search_incidents IS 'The incidents of each logged search, in the storage CRS';

-- The incidents of a search, given as arrays of WKB in EPSG:4326: in the storage CRS (geom) and on the spheroid
-- (geog, straight from the input); a route without an end ends when it has been run at speed_kmh.
CREATE FUNCTION camreq.search_input(
    ids text[], wkbs bytea[], starts timestamptz[], ends timestamptz[], speed_kmh double precision
) RETURNS TABLE (incident_id text, window_start timestamptz, window_end timestamptz, geom geometry, geog geography)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT t.incident_id, t.window_start,
           coalesce(t.window_end, t.window_start + make_interval(secs => ST_Length(t.g::geography) / (speed_kmh / 3.6))),
           ST_Transform(t.g, camreq.storage_srid()),
           t.g::geography
    FROM (
        SELECT u.incident_id, u.window_start, u.window_end, ST_Force2D(ST_GeomFromWKB(u.wkb, 4326)) AS g
        FROM unnest(ids, wkbs, starts, ends) AS u(incident_id, wkb, window_start, window_end)
    ) t
$$;

INSERT INTO camreq.schema_version (version) VALUES (3);
COMMIT;
