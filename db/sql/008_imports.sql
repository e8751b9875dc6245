-- CamReq schema 8: what the analysts' forms need from the registry tables.
-- QGIS shows a timestamptz in UTC (or the machine's zone); these columns, kept by the database, show what a person
-- in Grenoble reads on a clock (Europe/Paris, summer time included).
BEGIN;

ALTER TABLE camreq.cameras
    ADD COLUMN updated_at_paris timestamp GENERATED ALWAYS AS (timezone('Europe/Paris', updated_at)) STORED;
COMMENT ON COLUMN camreq.cameras.updated_at_paris IS 'updated_at as a Europe/Paris local time (kept by the database)';
ALTER TABLE camreq.owners
    ADD COLUMN updated_at_paris timestamp GENERATED ALWAYS AS (timezone('Europe/Paris', updated_at)) STORED;
COMMENT ON COLUMN camreq.owners.updated_at_paris IS 'updated_at as a Europe/Paris local time (kept by the database)';

-- Owner and camera ids from sequence defaults instead of identity columns: QGIS 3.22 does not see an identity's
-- default, so in the forms' transaction group a new owner or camera was sent with no id (refused), and a camera
-- could not point at an owner just added from its form. "Evaluate default values" now gives each its id at once.
ALTER TABLE camreq.owners ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE camreq.owners_id_seq OWNED BY camreq.owners.id;
SELECT setval('camreq.owners_id_seq', coalesce((SELECT max(id) FROM camreq.owners), 0) + 1, false);
ALTER TABLE camreq.owners ALTER COLUMN id SET DEFAULT nextval('camreq.owners_id_seq');
ALTER TABLE camreq.cameras ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE camreq.cameras_id_seq OWNED BY camreq.cameras.id;
SELECT setval('camreq.cameras_id_seq', coalesce((SELECT max(id) FROM camreq.cameras), 0) + 1, false);
ALTER TABLE camreq.cameras ALTER COLUMN id SET DEFAULT nextval('camreq.cameras_id_seq');
GRANT USAGE ON SEQUENCE camreq.owners_id_seq, camreq.cameras_id_seq TO camreq_analyst;

INSERT INTO camreq.schema_version (version) VALUES (8);
COMMIT;
