-- CamReq schema 4: the consultation log of searches (who searched where, when and why).
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
    CONSTRAINT "search reason must not be empty" CHECK (btrim(reason) <> ''),
    CONSTRAINT "search distance must be between 0 and 5000 metres" CHECK (distance_m > 0 AND distance_m <= 5000)
);
COMMENT ON TABLE camreq.searches IS 'Consultation log: one row per search, written in the same transaction as the search';

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

INSERT INTO camreq.schema_version (version) VALUES (4);
COMMIT;
