-- CamReq schema 13: unit-scoped rows are reached only through functions. With a table in reach, a login probed
-- another unit's rows through EXPLAIN (ANALYZE): a condition on an indexed column ran as the index condition before
-- the row-level policy, and "Rows Removed by Filter" answered yes/no questions about hidden rows. Now no login holds
-- any privilege on the consultation log, the requisitions and what hangs from them, or camreq.users (administrators
-- excepted for users): the functions below, owned by the NOLOGIN role camreq_private, keep the caller's rows first
-- (session_user's unit; every unit for an administrator registered here or a superuser), and whatever the caller
-- filters applies to their result only, so a plan shows nothing but the caller's own rows.
BEGIN;

-- The reader and writer of unit-scoped rows: a role nobody logs in as, owning the functions below. Roles are
-- cluster-wide: created where missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'camreq_private') THEN
        BEGIN
            CREATE ROLE camreq_private NOLOGIN;
            COMMENT ON ROLE camreq_private IS 'Owner of the CamReq functions serving unit-scoped rows; nobody logs in as it';
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'camreq_private', 'USAGE') THEN
        EXECUTE format('GRANT camreq_private TO %I', current_user);
    END IF;
END
$$;

-- No direct privilege left on unit-scoped tables (nor on camreq.users but for administrators), and their old
-- policies go: camreq_private alone reads and writes them, for the functions below.
REVOKE ALL ON camreq.searches, camreq.search_incidents, camreq.requisitions, camreq.requisition_cameras,
    camreq.requisition_status_history, camreq.requisition_outbox, camreq.requisition_outbox_attempts,
    camreq.requisition_documents FROM camreq_admin, camreq_investigator;
REVOKE ALL ON camreq.users FROM camreq_analyst, camreq_investigator;
DROP POLICY searches_of_my_unit ON camreq.searches;
DROP POLICY searches_read_by_administrators ON camreq.searches;
DROP POLICY searches_logged_by_registered_investigators ON camreq.searches;
DROP POLICY search_incidents_of_visible_searches ON camreq.search_incidents;
DROP POLICY search_incidents_of_my_searches ON camreq.search_incidents;
DROP POLICY requisitions_of_my_unit ON camreq.requisitions;
DROP POLICY requisition_cameras_of_visible_requisitions ON camreq.requisition_cameras;
DROP POLICY requisition_cameras_added_to_visible_drafts ON camreq.requisition_cameras;
DROP POLICY requisition_status_history_of_visible_requisitions ON camreq.requisition_status_history;
DROP POLICY requisition_status_history_of_my_changes ON camreq.requisition_status_history;
DROP POLICY requisition_outbox_of_visible_requisitions ON camreq.requisition_outbox;
DROP POLICY requisition_outbox_attempts_of_visible_messages ON camreq.requisition_outbox_attempts;
DROP POLICY requisition_documents_of_visible_requisitions ON camreq.requisition_documents;
DROP POLICY users_see_themselves ON camreq.users;
-- The portal's history rows are by the portal's login (session_user), as every other row.
DROP POLICY requisition_status_history_through_the_portal ON camreq.requisition_status_history;
CREATE POLICY requisition_status_history_through_the_portal ON camreq.requisition_status_history
    TO camreq_owner_portal USING (true) WITH CHECK (changed_by = session_user);
DROP FUNCTION camreq.my_unit();

GRANT USAGE ON SCHEMA camreq TO camreq_private;
GRANT SELECT ON camreq.settings, camreq.owners, camreq.cameras, camreq.camera_types, camreq.users,
    camreq.requisition_statuses, camreq.requisition_transitions, camreq.searches, camreq.search_incidents,
    camreq.requisitions, camreq.requisition_cameras, camreq.requisition_status_history, camreq.requisition_outbox,
    camreq.requisition_outbox_attempts, camreq.requisition_documents TO camreq_private;
GRANT INSERT (reason, distance_m, in_view_only, include_out_of_service, speed_kmh, margin_minutes, incident_count,
              result_count) ON camreq.searches TO camreq_private;
GRANT INSERT (search_id, incident_id, window_start, window_end, geom) ON camreq.search_incidents TO camreq_private;
GRANT INSERT (unit, officer_name, officer_rank, officer_email, officer_phone, case_number, investigation,
              authorisation_ref, owner_id, search_id, answer_deadline, delivery),
      UPDATE (status, purge_deadline, no_footage_reason) ON camreq.requisitions TO camreq_private;
GRANT INSERT (requisition_id, camera_id, search_id, incident_id, window_start, window_end, purge_at)
    ON camreq.requisition_cameras TO camreq_private;
GRANT INSERT (requisition_id, from_status, to_status, note) ON camreq.requisition_status_history TO camreq_private;
GRANT INSERT (requisition_id, message_id), UPDATE (status, sent_at, portal_link) ON camreq.requisition_outbox
    TO camreq_private;
GRANT SELECT, INSERT (requisition_id, token_sha256) ON camreq.portal_links TO camreq_private;
GRANT INSERT (outbox_id, attempted_by, to_address, smtp_server), UPDATE (finished_at, outcome, smtp_code, smtp_answer)
    ON camreq.requisition_outbox_attempts TO camreq_private;
GRANT INSERT (requisition_id, file_name, pdf) ON camreq.requisition_documents TO camreq_private;
GRANT EXECUTE ON FUNCTION camreq.login_unit(name), camreq.login_role(name), camreq.visible_login(name),
    camreq.investigator_unit(), camreq.requisition_receipt(bigint) TO camreq_private;
DO $$
DECLARE
    served text;
BEGIN
    FOREACH served IN ARRAY ARRAY['searches', 'search_incidents', 'requisitions', 'requisition_cameras',
                                  'requisition_status_history', 'requisition_outbox', 'requisition_outbox_attempts',
                                  'requisition_documents', 'portal_links'] LOOP
        EXECUTE format('CREATE POLICY %I ON camreq.%I TO camreq_private USING (true) WITH CHECK (true)',
                       served || '_served', served);
    END LOOP;
END
$$;
CREATE POLICY users_served ON camreq.users FOR SELECT TO camreq_private USING (true);

-- Who did it is the login that connected (session_user): inside the functions below current_user is camreq_private.
CREATE OR REPLACE FUNCTION camreq.investigator_unit() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT camreq.login_unit(session_user) WHERE camreq.login_role(session_user) = 'investigator'
$$;

CREATE OR REPLACE FUNCTION camreq.searches_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.searched_by := session_user;
    NEW.searched_at := now();
    NEW.unit := camreq.login_unit(session_user);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION camreq.requisitions_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    my_unit text := camreq.investigator_unit();
BEGIN
    NEW.created_by := session_user;
    NEW.created_at := now();
    IF my_unit IS NOT NULL THEN
        IF nullif(btrim(NEW.unit), '') IS NULL THEN
            NEW.unit := my_unit;
        ELSIF NEW.unit <> my_unit THEN
            RAISE EXCEPTION 'OFFICER_UNIT: you make requisitions for your unit "%" only, not for "%"',
                my_unit, left(NEW.unit, 200) USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION camreq.requisition_status_history_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := session_user;
    NEW.changed_at := clock_timestamp();
    IF NEW.to_status IS DISTINCT FROM (SELECT status FROM camreq.requisitions WHERE id = NEW.requisition_id)
       OR EXISTS (SELECT FROM camreq.requisition_status_history h
                  WHERE h.requisition_id = NEW.requisition_id AND h.to_status = NEW.to_status) THEN
        RAISE EXCEPTION 'camreq.requisition_status_history is written by status changes only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION camreq.requisition_documents_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r camreq.requisitions;
BEGIN
    NEW.created_by := session_user;
    NEW.created_at := now();
    SELECT * INTO r FROM camreq.requisitions WHERE id = NEW.requisition_id;
    IF r.status = 'draft' THEN
        NEW.issued := false;
    ELSIF r.status = 'issued' AND r.issued_at = now() THEN
        NEW.issued := true;
    ELSE
        RAISE EXCEPTION 'camreq.requisition_documents: a document is added to a draft, or to a requisition in the '
            'transaction that issues it' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Issued becomes sent when the mail server accepted the e-mail (the outbox says sent) or the requisition was served
-- another way (served_otherwise), never by hand alone.
CREATE OR REPLACE FUNCTION camreq.requisitions_before_status_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM camreq.requisition_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        RAISE EXCEPTION 'STATUS: requisition % cannot go from % to % (allowed from %: %)',
            coalesce(OLD.number, 'draft ' || OLD.id), OLD.status, NEW.status, OLD.status,
            coalesce((SELECT string_agg(to_status, ', ' ORDER BY s.sort_order)
                      FROM camreq.requisition_transitions JOIN camreq.requisition_statuses s ON s.status = to_status
                      WHERE from_status = OLD.status), 'none, it is closed')
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'issued' AND NEW.status = 'sent' AND NOT EXISTS (
        SELECT FROM camreq.requisition_outbox o
        WHERE o.requisition_id = OLD.id AND o.kind = 'requisition' AND o.status IN ('sent', 'served_otherwise')) THEN
        RAISE EXCEPTION 'STATUS: requisition % is sent when the mail server accepted its e-mail, or when it was '
            'served another way (say how in the note)', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

-- Whether the caller sees every unit's rows: an administrator registered in this database, or a superuser.
CREATE FUNCTION camreq.sees_every_unit() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT coalesce(camreq.login_role(session_user) = 'administrator', false)
        OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
$$;

-- The rows of each unit-scoped table the caller sees. A SECURITY DEFINER function is never inlined: the caller's
-- conditions apply to its result, so EXPLAIN (ANALYZE) counts the caller's own rows only.
CREATE FUNCTION camreq.my_requisitions() RETURNS SETOF camreq.requisitions
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT r.* FROM camreq.requisitions r
    WHERE (SELECT camreq.sees_every_unit()) OR r.unit = (SELECT camreq.investigator_unit())
$$;
CREATE FUNCTION camreq.my_requisition_cameras() RETURNS SETOF camreq.requisition_cameras
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT c.* FROM camreq.requisition_cameras c WHERE c.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;
CREATE FUNCTION camreq.my_requisition_status_history() RETURNS SETOF camreq.requisition_status_history
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT h.* FROM camreq.requisition_status_history h
    WHERE h.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;
CREATE FUNCTION camreq.my_requisition_outbox() RETURNS SETOF camreq.requisition_outbox
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT o.* FROM camreq.requisition_outbox o WHERE o.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;
CREATE FUNCTION camreq.my_requisition_outbox_attempts() RETURNS SETOF camreq.requisition_outbox_attempts
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT a.* FROM camreq.requisition_outbox_attempts a
    WHERE a.outbox_id IN (SELECT o.id FROM camreq.my_requisition_outbox() o)
$$;
-- Documents without their PDF (camreq.requisition_pdf gives one).
CREATE FUNCTION camreq.my_requisition_documents()
RETURNS TABLE (id bigint, requisition_id bigint, issued boolean, file_name text, sha256 text, created_by name,
               created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.id, d.requisition_id, d.issued, d.file_name, d.sha256, d.created_by, d.created_at
    FROM camreq.requisition_documents d WHERE d.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;
CREATE FUNCTION camreq.my_searches() RETURNS SETOF camreq.searches
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT s.* FROM camreq.searches s
    WHERE (SELECT camreq.sees_every_unit()) OR s.searched_by = session_user
       OR s.unit = (SELECT camreq.investigator_unit())
$$;
CREATE FUNCTION camreq.my_search_incidents() RETURNS SETOF camreq.search_incidents
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT i.* FROM camreq.search_incidents i WHERE i.search_id IN (SELECT s.id FROM camreq.my_searches() s)
$$;

-- The PDF of a requisition the caller sees: the issued document, else the latest draft's.
CREATE FUNCTION camreq.requisition_pdf(requisition bigint) RETURNS TABLE (file_name text, pdf bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.file_name, d.pdf FROM camreq.requisition_documents d
    WHERE d.requisition_id = requisition AND requisition IN (SELECT r.id FROM camreq.my_requisitions() r)
    ORDER BY d.issued DESC, d.id DESC LIMIT 1
$$;

-- Raises unless the caller sees this requisition (and, with draft, unless it is a draft).
CREATE FUNCTION camreq.check_my_requisition(requisition bigint, draft boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM camreq.my_requisitions() r WHERE r.id = requisition AND (NOT draft OR r.status = 'draft'))
    THEN
        RAISE EXCEPTION 'NUMBER: no requisition % (a draft, where cameras are added) among those you may see',
            requisition USING ERRCODE = 'no_data_found';
    END IF;
END
$$;

-- The search and its consultation log in one call: nobody writes the log but a search that ran. The incidents
-- (ids, WKB in EPSG:4326, starts, ends) are joined with the cameras on the geography index of 003_search.sql; a
-- route searched at speed_kmh gives each camera the window centred on when it passes the camera, widened by
-- margin_minutes. Each row also counts the cameras within reach left out as not in service (0 when they are
-- included). Always one row at least: the log row with NULL hit columns when nothing is found. Planned once per
-- session (the plan is the same for every search: a nested loop from the incidents into the geography index).
CREATE FUNCTION camreq.search_cameras(
    ids text[], wkbs bytea[], starts timestamptz[], ends timestamptz[], speed_kmh double precision,
    distance double precision, include_out_of_service boolean, in_view_only boolean,
    margin_minutes double precision, reason text
) RETURNS TABLE (
    search_id bigint, srid integer, out_of_service_nearby bigint, incident_id text, camera_id bigint, camera_ref text,
    owner_id bigint, owner_name text, owner_email text, camera_type text, camera_status text,
    distance_m double precision, in_view boolean, retention_days integer, purge_at timestamptz,
    footage_available boolean, window_start timestamptz, window_end timestamptz, wkb_hex text
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, camreq, public, pg_temp SET jit = off SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
    reach double precision := distance + 0.001;  -- inclusive: a camera at exactly the distance is found
BEGIN
    IF camreq.login_role(session_user) IS DISTINCT FROM 'investigator'
       AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN
        RAISE EXCEPTION 'searches are for investigators registered in camreq.users'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
    WITH incident AS MATERIALIZED (
        SELECT i.incident_id, i.geom, i.geog, i.window_start, i.window_end,
               search_cameras.speed_kmh IS NOT NULL AND GeometryType(i.geom) = 'LINESTRING' AS timed_route
        FROM camreq.search_input(ids, wkbs, starts, ends, search_cameras.speed_kmh) i
    ), hit AS (
        SELECT i.incident_id, c.id AS camera_id, c.ref AS camera_ref, o.id AS owner_id, o.name AS owner_name,
               o.email AS owner_email, c.camera_type, c.status AS camera_status, c.retention_days,
               ST_Distance(c.geog, i.geog) AS distance_m,
               coalesce(ST_Intersects(c.fov_geom, i.geom), false) AS in_view,
               CASE WHEN i.timed_route THEN i.window_start + make_interval(secs =>
                   ST_Length(camreq.geography_of(ST_LineSubstring(i.geom, 0, ST_LineLocatePoint(i.geom, c.geom))))
                   / (search_cameras.speed_kmh / 3.6))
               END AS passes_at,
               i.window_start, i.window_end, c.geom
        FROM incident i
        JOIN camreq.cameras c ON ST_DWithin(c.geog, i.geog, reach)
        JOIN camreq.owners o ON o.id = c.owner_id
        WHERE (search_cameras.include_out_of_service OR c.status = 'in_service')
          AND (NOT search_cameras.in_view_only OR ST_Intersects(c.fov_geom, i.geom))
    ), windowed AS (
        SELECT hit.*,
               coalesce(hit.passes_at - margin, hit.window_start) AS camera_start,
               coalesce(hit.passes_at + margin, hit.window_end) AS camera_end
        FROM hit, make_interval(secs => 60 * search_cameras.margin_minutes) AS margin
    ), result AS MATERIALIZED (
        SELECT w.incident_id, w.camera_id, w.camera_ref, w.owner_id, w.owner_name, w.owner_email, w.camera_type,
               w.camera_status, w.distance_m, w.in_view, w.retention_days,
               w.camera_start + make_interval(hours => 24 * w.retention_days) AS purge_at,
               w.camera_start + make_interval(hours => 24 * w.retention_days) > now() AS footage_available,
               w.camera_start AS window_start, w.camera_end AS window_end, encode(ST_AsBinary(w.geom), 'hex') AS wkb_hex
        FROM windowed w
    ), logged AS (
        INSERT INTO camreq.searches (reason, distance_m, in_view_only, include_out_of_service, speed_kmh,
                                     margin_minutes, incident_count, result_count)
        SELECT search_cameras.reason, distance, search_cameras.in_view_only,
               search_cameras.include_out_of_service, search_cameras.speed_kmh, search_cameras.margin_minutes,
               cardinality(ids), count(*)
        FROM result
        RETURNING id, camreq.storage_srid() AS srid
    ), logged_incidents AS (
        INSERT INTO camreq.search_incidents (search_id, incident_id, window_start, window_end, geom)
        SELECT logged.id, i.incident_id, i.window_start, i.window_end, i.geom FROM logged, incident i
    ), left_out AS (
        SELECT count(DISTINCT c.id) AS out_of_service_nearby
        FROM incident i
        JOIN camreq.cameras c ON ST_DWithin(c.geog, i.geog, reach)
        WHERE NOT search_cameras.include_out_of_service AND c.status <> 'in_service'
    )
    SELECT logged.id, logged.srid, left_out.out_of_service_nearby, result.*
    FROM logged CROSS JOIN left_out LEFT JOIN result ON true
    ORDER BY result.purge_at, result.distance_m, result.incident_id, result.camera_id;
END
$$;

-- A draft requisition of the caller (an investigator's unit is checked by camreq.requisitions_before_insert);
-- returns its id.
CREATE FUNCTION camreq.create_requisition(
    unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text,
    investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamptz,
    delivery text
) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
DECLARE
    new_id bigint;
BEGIN
    IF search_id IS NOT NULL AND NOT EXISTS (SELECT FROM camreq.my_searches() s WHERE s.id = search_id) THEN
        RAISE EXCEPTION 'CAMERAS: search % is not among the consultation log rows you may see', search_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO camreq.requisitions (unit, officer_name, officer_rank, officer_email, officer_phone, case_number,
                                     investigation, authorisation_ref, owner_id, search_id, answer_deadline, delivery)
    VALUES (unit, officer_name, officer_rank, officer_email, officer_phone, case_number, investigation,
            authorisation_ref, owner_id, search_id, answer_deadline, delivery)
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

-- Adds camera windows (arrays of one length) to a draft the caller sees.
CREATE FUNCTION camreq.add_requisition_cameras(
    requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamptz[],
    window_ends timestamptz[], purge_ats timestamptz[]
) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition, true);
    IF EXISTS (SELECT FROM unnest(search_ids) s(id)
               WHERE s.id IS NOT NULL AND s.id NOT IN (SELECT m.id FROM camreq.my_searches() m)) THEN
        RAISE EXCEPTION 'CAMERAS: a camera''s search is not among the consultation log rows you may see'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO camreq.requisition_cameras
        (requisition_id, camera_id, search_id, incident_id, window_start, window_end, purge_at)
    SELECT requisition, c.* FROM unnest(camera_ids, search_ids, incident_ids, window_starts, window_ends, purge_ats) c;
END
$$;

-- Numbers a draft the caller sees and queues its e-mail, in the caller's transaction; returns the number.
CREATE OR REPLACE FUNCTION camreq.issue_requisition(requisition bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    issued_number text;
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    PERFORM FROM camreq.requisitions WHERE id = requisition FOR UPDATE;
    UPDATE camreq.requisitions SET status = 'issued' WHERE id = requisition RETURNING number INTO issued_number;
    RETURN issued_number;
END
$$;
ALTER FUNCTION camreq.issue_requisition(bigint) SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp;

-- Stores a rendered PDF of a requisition the caller sees (camreq.requisition_documents_before_insert says whether it
-- is the issued one).
CREATE FUNCTION camreq.add_requisition_document(requisition bigint, file_name text, pdf bytea) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    INSERT INTO camreq.requisition_documents (requisition_id, file_name, pdf) VALUES (requisition, file_name, pdf);
END
$$;

-- Changes the status of a requisition the caller sees (the triggers check the transition and write the history,
-- with note).
CREATE FUNCTION camreq.set_requisition_status(requisition bigint, new_status text, note text,
                                              no_footage_reason text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    PERFORM set_config('camreq.status_note', coalesce(note, ''), true);
    UPDATE camreq.requisitions r SET status = new_status, no_footage_reason = set_requisition_status.no_footage_reason
    WHERE r.id = requisition;
    PERFORM set_config('camreq.status_note', '', true);
END
$$;

-- Creates the link of a requisition of the caller's issued in this transaction from a token the client drew;
-- returns <public url>/r/<token>, or NULL where no portal is configured.
CREATE FUNCTION camreq.add_portal_link(requisition bigint, token text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
DECLARE
    public_url text := (SELECT portal_public_url FROM camreq.settings);
    link text;
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    IF public_url IS NULL THEN
        RETURN NULL;
    END IF;
    IF token !~ '^[A-Za-z0-9_-]{43}$' THEN
        RAISE EXCEPTION 'a portal token is 43 URL-safe characters (256 bits)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    link := public_url || '/r/' || token;
    INSERT INTO camreq.portal_links (requisition_id, token_sha256)
    VALUES (requisition, encode(sha256(convert_to(token, 'UTF8')), 'hex'));
    UPDATE camreq.requisition_outbox SET portal_link = link WHERE requisition_id = requisition AND kind = 'requisition';
    RETURN link;
END
$$;

-- Claims the most urgent pending message with an e-mail (not in skip) among the caller's, marks it sending and opens
-- its attempt; no row when none is left.
CREATE FUNCTION camreq.claim_outbox_message(smtp_server text, skip bigint[]) RETURNS TABLE (
    outbox_id bigint, requisition_id bigint, message_id text, to_address text, number text, case_number text,
    owner_name text, officer_name text, officer_rank text, officer_email text, officer_phone text, unit text,
    purge_deadline timestamptz, answer_deadline timestamptz, file_name text, pdf bytea, portal_link text, kind text,
    attempt_id bigint
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
#variable_conflict use_column
DECLARE
    claimed bigint;
BEGIN
    SELECT o.id INTO claimed
    FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
    WHERE o.status = 'pending' AND (r.status = 'issued' OR o.kind <> 'requisition') AND o.to_address IS NOT NULL
      AND o.id <> ALL(skip)
      AND r.id IN (SELECT m.id FROM camreq.my_requisitions() m)
    ORDER BY r.purge_deadline, o.id
    LIMIT 1
    FOR UPDATE OF o SKIP LOCKED;
    IF claimed IS NULL THEN
        RETURN;
    END IF;
    UPDATE camreq.requisition_outbox SET status = 'sending' WHERE id = claimed;
    INSERT INTO camreq.requisition_outbox_attempts (outbox_id, attempted_by, to_address, smtp_server)
    SELECT o.id, session_user, o.to_address, claim_outbox_message.smtp_server
    FROM camreq.requisition_outbox o WHERE o.id = claimed;
    RETURN QUERY
    SELECT o.id, o.requisition_id, o.message_id, o.to_address, r.number, r.case_number, w.name, r.officer_name,
           r.officer_rank, r.officer_email, r.officer_phone, r.unit, r.purge_deadline, r.answer_deadline,
           CASE WHEN o.kind = 'requisition' THEN d.file_name ELSE 'recu_' || r.number || '.pdf' END,
           CASE WHEN o.kind = 'requisition' THEN d.pdf ELSE camreq.requisition_receipt(r.id) END, o.portal_link, o.kind,
           (SELECT max(a.id) FROM camreq.requisition_outbox_attempts a WHERE a.outbox_id = o.id)
    FROM camreq.requisition_outbox o
    JOIN camreq.requisitions r ON r.id = o.requisition_id
    JOIN camreq.owners w ON w.id = r.owner_id
    LEFT JOIN camreq.requisition_documents d ON d.requisition_id = r.id AND d.issued
    WHERE o.id = claimed;
END
$$;

-- Records an attempt's outcome: sent marks the requisition sent, deferred queues the message again, failed and
-- unknown stop retries. Returns false where the requisition was cancelled (or changed) meanwhile.
CREATE FUNCTION camreq.finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
DECLARE
    message camreq.requisition_outbox;
    new_status text := CASE attempt_outcome WHEN 'deferred' THEN 'pending' ELSE attempt_outcome END;
    requisition_status text;
BEGIN
    SELECT o.* INTO message FROM camreq.requisition_outbox o
    JOIN camreq.requisition_outbox_attempts a ON a.outbox_id = o.id
    WHERE a.id = attempt AND o.id IN (SELECT m.id FROM camreq.my_requisition_outbox() m);
    IF message.id IS NULL THEN
        RAISE EXCEPTION 'no sending attempt % among those you may see', attempt USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE camreq.requisition_outbox_attempts
    SET finished_at = clock_timestamp(), outcome = attempt_outcome, smtp_code = code, smtp_answer = left(answer, 2000)
    WHERE id = attempt;
    UPDATE camreq.requisition_outbox SET status = new_status, sent_at = CASE WHEN new_status = 'sent' THEN now() END
    WHERE id = message.id;
    IF message.kind <> 'requisition' THEN  -- a receipt or a notice changes no status
        RETURN true;
    END IF;
    SELECT r.status INTO requisition_status FROM camreq.requisitions r WHERE r.id = message.requisition_id FOR UPDATE;
    IF requisition_status <> 'issued' THEN
        RETURN false;
    END IF;
    IF attempt_outcome = 'sent' THEN
        PERFORM camreq.set_requisition_status(message.requisition_id, 'sent',
            left(format('e-mail %s to %s accepted: %s %s', message.message_id, message.to_address, code, answer), 2000));
    END IF;
    RETURN true;
END
$$;

-- Messages of the caller's left sending by a run that stopped before recording the server's answer: those whose
-- attempt started over stuck_after ago belong to no live run, their outcome becomes unknown. Returns the numbers of
-- every message sending or unknown.
CREATE FUNCTION camreq.interrupted_messages(stuck_after interval) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    WITH stuck AS (
        UPDATE camreq.requisition_outbox o SET status = 'unknown'
        WHERE o.status = 'sending' AND o.id IN (SELECT m.id FROM camreq.my_requisition_outbox() m)
          AND NOT EXISTS (SELECT FROM camreq.requisition_outbox_attempts a
                          WHERE a.outbox_id = o.id AND a.started_at > now() - stuck_after)
        RETURNING o.id)
    UPDATE camreq.requisition_outbox_attempts SET finished_at = clock_timestamp(), outcome = 'unknown',
        smtp_answer = 'the run stopped before the server''s answer was recorded'
    WHERE outcome IS NULL AND outbox_id IN (SELECT id FROM stuck);
    RETURN QUERY
    SELECT r.number FROM camreq.requisition_outbox o JOIN camreq.requisitions r ON r.id = o.requisition_id
    WHERE o.status IN ('sending', 'unknown') AND r.id IN (SELECT m.id FROM camreq.my_requisitions() m)
    ORDER BY r.number FOR UPDATE OF o SKIP LOCKED;
END
$$;

-- Queues again the refused (failed) or unknown-outcome message of a requisition the caller sees; returns whether
-- there was one.
CREATE FUNCTION camreq.requeue_message(requisition bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    UPDATE camreq.requisition_outbox SET status = 'pending'
    WHERE requisition_id = requisition AND kind = 'requisition' AND status IN ('failed', 'unknown');
    RETURN FOUND;
END
$$;

-- Withdraws the e-mail of an issued requisition the caller sees, served another way; returns the message's status
-- afterwards (NULL without one).
CREATE FUNCTION camreq.serve_otherwise(requisition bigint) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    UPDATE camreq.requisition_outbox SET status = 'served_otherwise'
    WHERE requisition_id = requisition AND kind = 'requisition' AND status IN ('pending', 'failed');
    RETURN (SELECT o.status FROM camreq.requisition_outbox o WHERE o.requisition_id = requisition AND o.kind = 'requisition');
END
$$;

-- The view of the requisitions to chase now reads the caller's requisitions only.
CREATE OR REPLACE VIEW camreq.requisitions_due_soon WITH (security_invoker = true) AS
SELECT r.id, r.number, r.unit, r.case_number, o.name AS owner_name, o.email AS owner_email, o.phone AS owner_phone,
       r.status, r.purge_deadline, r.purge_deadline - now() AS time_left, r.purge_deadline <= now() AS purged
FROM camreq.my_requisitions() r
JOIN camreq.owners o ON o.id = r.owner_id
JOIN camreq.requisition_statuses s ON s.status = r.status
WHERE s.is_open AND r.purge_deadline <= now() + interval '48 hours'
ORDER BY r.purge_deadline;
GRANT SELECT ON camreq.requisitions_due_soon TO camreq_admin, camreq_investigator;

-- Ownership (camreq_private needs CREATE on the schema only while it takes it) and who may call.
GRANT CREATE ON SCHEMA camreq TO camreq_private;
DO $$
DECLARE
    served regprocedure;
BEGIN
    FOREACH served IN ARRAY ARRAY[
        'camreq.sees_every_unit()', 'camreq.my_requisitions()', 'camreq.my_requisition_cameras()',
        'camreq.my_requisition_status_history()', 'camreq.my_requisition_outbox()',
        'camreq.my_requisition_outbox_attempts()', 'camreq.my_requisition_documents()', 'camreq.my_searches()',
        'camreq.my_search_incidents()', 'camreq.requisition_pdf(bigint)', 'camreq.check_my_requisition(bigint, boolean)',
        'camreq.search_cameras(text[], bytea[], timestamptz[], timestamptz[], double precision, double precision, '
        'boolean, boolean, double precision, text)',
        'camreq.create_requisition(text, text, text, text, text, text, text, text, bigint, bigint, timestamptz, text)',
        'camreq.add_requisition_cameras(bigint, bigint[], bigint[], text[], timestamptz[], timestamptz[], '
        'timestamptz[])',
        'camreq.issue_requisition(bigint)', 'camreq.add_requisition_document(bigint, text, bytea)',
        'camreq.set_requisition_status(bigint, text, text, text)', 'camreq.claim_outbox_message(text, bigint[])',
        'camreq.finish_outbox_attempt(bigint, text, integer, text)', 'camreq.interrupted_messages(interval)',
        'camreq.requeue_message(bigint)', 'camreq.serve_otherwise(bigint)',
        'camreq.add_portal_link(bigint, text)']::regprocedure[] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO camreq_private', served);
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', served);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO camreq_admin, camreq_investigator', served);
    END LOOP;
END
$$;
-- Only investigators search (and log their searches), as before.
REVOKE EXECUTE ON FUNCTION camreq.search_cameras(text[], bytea[], timestamptz[], timestamptz[], double precision,
    double precision, boolean, boolean, double precision, text) FROM camreq_admin;
REVOKE CREATE ON SCHEMA camreq FROM camreq_private;

INSERT INTO camreq.schema_version (version) VALUES (13);
COMMIT;
