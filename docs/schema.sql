--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: camreq; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA camreq;


--
-- Name: SCHEMA camreq; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA camreq IS 'CamReq: video-protection camera registry and judicial requisitions';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: postgis; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;


--
-- Name: EXTENSION postgis; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';


--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;


--
-- Name: EXTENSION unaccent; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';


--
-- Name: add_portal_link(bigint, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.add_portal_link(requisition bigint, token text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $_$
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
$_$;


--
-- Name: add_requisition_cameras(bigint, bigint[], bigint[], text[], timestamp with time zone[], timestamp with time zone[], timestamp with time zone[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.add_requisition_cameras(requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamp with time zone[], window_ends timestamp with time zone[], purge_ats timestamp with time zone[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
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


--
-- Name: add_requisition_document(bigint, text, bytea); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.add_requisition_document(requisition bigint, file_name text, pdf bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    INSERT INTO camreq.requisition_documents (requisition_id, file_name, pdf) VALUES (requisition, file_name, pdf);
END
$$;


--
-- Name: address_query_communes(text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text) RETURNS TABLE(code_insee text, code_postal text, numero integer, rep text, street_words text, postcode_agrees boolean)
    LANGUAGE sql STABLE ROWS 2 PARALLEL SAFE
    SET search_path TO 'pg_catalog'
    AS $$
    WITH named AS (
        SELECT DISTINCT ON (c.code_insee, c.code_postal) c.code_insee, c.code_postal, t.w[:i - 1] || t.w[j + 1:] AS rest
        FROM (SELECT string_to_array(typed_words, ' ') AS w) t
        CROSS JOIN LATERAL unnest(t.w) WITH ORDINALITY AS first(word, i)
        CROSS JOIN LATERAL unnest(t.w) WITH ORDINALITY AS last(word, j)
        JOIN camreq.address_communes c ON c.words = array_to_string(t.w[i:j], ' ')
        WHERE j BETWEEN i AND i + 7
        ORDER BY c.code_insee, c.code_postal, j - i DESC
    ), places AS (
        SELECT n.code_insee, n.code_postal, n.rest, typed_postcode IS NULL OR typed_postcode = n.code_postal AS agrees
        FROM named n
        UNION ALL
        SELECT c.code_insee, c.code_postal, string_to_array(typed_words, ' '), true FROM camreq.address_communes c
        WHERE c.code_postal = typed_postcode
          AND NOT EXISTS (SELECT FROM named n WHERE n.code_insee = c.code_insee AND n.code_postal = c.code_postal)
    )
    SELECT p.code_insee, p.code_postal, s.numero, s.rep, array_to_string(s.words, ' '), p.agrees
    FROM places p, camreq.split_address_number(p.rest) s
$$;


--
-- Name: address_tokens(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.address_tokens(input text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT coalesce(
        regexp_split_to_array(
            btrim(regexp_replace(regexp_replace(regexp_replace(camreq.fold(input),
                '([0-9])([a-z])', '\1 \2', 'g'), '([a-z])([0-9])', '\1 \2', 'g'), '[^a-z0-9]+', ' ', 'g')),
            ' '),
        '{}')
$$;


--
-- Name: at_least_five(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.at_least_five(n bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN n >= 5 THEN n END $$;


--
-- Name: audit_row(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.audit_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    INSERT INTO camreq.audit_log (table_name, operation, row_id, old_values, new_values)
    VALUES (TG_TABLE_NAME, TG_OP, coalesce(new_row, old_row) ->> TG_ARGV[0], old_row, new_row);
    RETURN NULL;
END
$$;


--
-- Name: caller_may_follow(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.caller_may_follow(requisition bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT EXISTS (
        SELECT FROM camreq.visible_login(session_user) u JOIN camreq.requisitions r ON r.id = requisition
        WHERE u.role = 'administrator' OR (u.role = 'investigator' AND r.unit = u.unit))
    OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
    OR session_user = (SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'camreq')
$$;


--
-- Name: camera_field_of_view(public.geometry, text, double precision, double precision, double precision); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.camera_field_of_view(geom public.geometry, camera_type text, direction double precision, fov double precision, range_m double precision) RETURNS public.geometry
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT camreq.sector(
        geom,
        coalesce(direction, 0),
        CASE WHEN direction IS NULL OR t.always_disc THEN 360 ELSE coalesce(fov, t.default_fov) END,
        coalesce(range_m, t.default_range_m))
    FROM camreq.camera_types t WHERE t.camera_type = camera_field_of_view.camera_type
$$;


--
-- Name: cameras_before_write(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.cameras_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.fov_geom := camreq.camera_field_of_view(NEW.geom, NEW.camera_type, NEW.direction, NEW.fov, NEW.range_m);
    NEW.updated_at := now();
    RETURN NEW;
END
$$;


--
-- Name: cameras_status_since(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.cameras_status_since() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        NEW.status_since := now();
    ELSE
        NEW.status_since := OLD.status_since;
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: check_my_requisition(bigint, boolean); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.check_my_requisition(requisition bigint, draft boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM camreq.my_requisitions() r WHERE r.id = requisition AND (NOT draft OR r.status = 'draft'))
    THEN
        RAISE EXCEPTION 'NUMBER: no requisition % (a draft, where cameras are added) among those you may see',
            requisition USING ERRCODE = 'no_data_found';
    END IF;
END
$$;


--
-- Name: claim_outbox_message(text, bigint[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.claim_outbox_message(smtp_server text, skip bigint[]) RETURNS TABLE(outbox_id bigint, requisition_id bigint, message_id text, to_address text, number text, case_number text, owner_name text, officer_name text, officer_rank text, officer_email text, officer_phone text, unit text, purge_deadline timestamp with time zone, answer_deadline timestamp with time zone, file_name text, pdf bytea, portal_link text, kind text, attempt_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
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


--
-- Name: clock_statistics(date, date, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.clock_statistics(from_day date, to_day date, only_unit text DEFAULT NULL::text) RETURNS TABLE(unit text, requisitions bigint, sent bigint, median_hours_to_sent double precision, p90_hours_to_sent double precision, sent_before_purge bigint, lost_to_the_clock bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    per_unit boolean := camreq.statistics_scope(only_unit);
BEGIN
    RETURN QUERY
    WITH facts AS (
        SELECT f.*, extract(epoch FROM f.sent_at - f.incident_start) / 3600 AS hours_to_sent
        FROM camreq.requisition_facts(from_day, to_day, only_unit) f
    ), units AS (
        SELECT NULL::text AS unit WHERE only_unit IS NULL
        UNION ALL
        SELECT DISTINCT f.unit FROM facts f WHERE per_unit
    ), figures AS (
        SELECT u.unit,
               count(f.owner_id) AS n,
               count(f.sent_at) AS sent,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY f.hours_to_sent) AS median_hours,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY f.hours_to_sent) AS p90_hours,
               count(*) FILTER (WHERE f.sent_at < f.purge_deadline) AS before_purge,
               count(*) FILTER (WHERE f.purge_deadline <= now()
                                AND (f.answered_at IS NULL OR f.answered_at > f.purge_deadline)) AS lost
        FROM units u LEFT JOIN facts f ON u.unit IS NULL OR f.unit = u.unit
        GROUP BY u.unit
    )
    SELECT g.unit, camreq.at_least_five(g.n), camreq.at_least_five(g.sent),
           CASE WHEN g.sent >= 5 THEN g.median_hours END, CASE WHEN g.sent >= 5 THEN g.p90_hours END,
           camreq.at_least_five(g.before_purge), camreq.at_least_five(g.lost)
    FROM figures g
    ORDER BY g.unit NULLS FIRST;
END
$$;


--
-- Name: create_requisition(text, text, text, text, text, text, text, text, bigint, bigint, timestamp with time zone, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.create_requisition(unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text, investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamp with time zone, delivery text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
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


--
-- Name: drop_address_indexes(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.drop_address_indexes() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    DROP INDEX IF EXISTS camreq.addresses_street_idx, camreq.addresses_geom_idx;
$$;


--
-- Name: finish_outbox_attempt(bigint, text, integer, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
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


--
-- Name: fold(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
    SELECT lower(unaccent('unaccent'::regdictionary, input))
$$;


--
-- Name: geography_of(public.geometry); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.geography_of(geom public.geometry) RETURNS public.geography
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.ST_Transform(geom, 4326)::public.geography $$;


--
-- Name: grant_role(name, text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.grant_role(login name, camreq_role text, login_unit text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    group_role text := CASE camreq_role WHEN 'administrator' THEN 'camreq_admin' WHEN 'analyst' THEN 'camreq_analyst'
                                        WHEN 'investigator' THEN 'camreq_investigator' END;
    other text;
BEGIN
    IF NOT (coalesce(camreq.login_role(session_user) = 'administrator', false)
            OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
            OR session_user = (SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'camreq')) THEN
        RAISE EXCEPTION 'only an administrator registered in this database gives CamReq roles'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'ROLE: % is not administrator, analyst or investigator', left(camreq_role, 40)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = grant_role.login AND rolcanlogin) THEN
        RAISE EXCEPTION 'LOGIN: % is not a login of this PostgreSQL server', grant_role.login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR other IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                 JOIN pg_roles member ON member.oid = m.member
                 WHERE member.rolname = grant_role.login AND g.rolname <> group_role
                   AND g.rolname IN ('camreq_admin', 'camreq_analyst', 'camreq_investigator') LOOP
        EXECUTE format('REVOKE %I FROM %I', other, grant_role.login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', group_role, grant_role.login);
    INSERT INTO camreq.users (login, role, unit) VALUES (grant_role.login, camreq_role, login_unit)
    ON CONFLICT ON CONSTRAINT users_pkey DO UPDATE
    SET role = excluded.role, unit = excluded.unit, granted_by = session_user, granted_at = now();
END
$$;


--
-- Name: index_addresses(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.index_addresses() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    SET maintenance_work_mem TO '256MB'
    AS $$
BEGIN
    CREATE INDEX IF NOT EXISTS addresses_street_idx ON camreq.addresses (code_insee, code_postal, nom_voie, numero);
    CREATE INDEX IF NOT EXISTS addresses_geom_idx ON camreq.addresses USING gist (geom);
    ANALYZE camreq.addresses, camreq.address_streets, camreq.address_communes;
END
$$;


--
-- Name: interrupted_messages(interval); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.interrupted_messages(stuck_after interval) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
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


--
-- Name: investigator_unit(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.investigator_unit() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT camreq.login_unit(session_user) WHERE camreq.login_role(session_user) = 'investigator'
$$;


--
-- Name: is_administrator(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.is_administrator() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(camreq.login_role(current_user) = 'administrator', false) $$;


--
-- Name: issue_requisition(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.issue_requisition(requisition bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    issued_number text;
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    PERFORM FROM camreq.requisitions WHERE id = requisition FOR UPDATE;
    UPDATE camreq.requisitions SET status = 'issued' WHERE id = requisition RETURNING number INTO issued_number;
    RETURN issued_number;
END
$$;


--
-- Name: login_role(name); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.login_role(login name) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT (camreq.visible_login(login)).role $$;


--
-- Name: login_unit(name); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.login_unit(login name) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT (camreq.visible_login(login)).unit $$;


--
-- Name: monthly_statistics(date, date, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.monthly_statistics(from_day date, to_day date, only_unit text DEFAULT NULL::text) RETURNS TABLE(unit text, month date, searches bigint, searches_year_before bigint, requisitions bigint, requisitions_year_before bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    per_unit boolean := camreq.statistics_scope(only_unit);
BEGIN
    RETURN QUERY
    WITH months AS (
        SELECT m::date AS month FROM generate_series(date_trunc('month', from_day), to_day, interval '1 month') m
    ), searched AS (
        SELECT s.unit, date_trunc('month', s.searched_at AT TIME ZONE 'Europe/Paris')::date AS month, count(*) AS n
        FROM camreq.searches s
        WHERE (s.searched_at AT TIME ZONE 'Europe/Paris')::date
              BETWEEN (date_trunc('month', from_day) - interval '1 year')::date AND to_day
          AND (only_unit IS NULL OR s.unit = only_unit)
        GROUP BY 1, 2
    ), issued AS (
        SELECT f.unit, f.month, count(*) AS n
        FROM camreq.requisition_facts((date_trunc('month', from_day) - interval '1 year')::date, to_day, only_unit) f
        GROUP BY 1, 2
    ), units AS (
        SELECT NULL::text AS unit WHERE only_unit IS NULL
        UNION ALL
        SELECT DISTINCT u.unit FROM (SELECT i.unit FROM issued i UNION SELECT s.unit FROM searched s) u
        WHERE per_unit AND u.unit IS NOT NULL
    )
    SELECT u.unit, m.month,
           (SELECT coalesce(sum(s.n), 0) FROM searched s
            WHERE s.month = m.month AND (u.unit IS NULL OR s.unit = u.unit))::bigint,
           (SELECT coalesce(sum(s.n), 0) FROM searched s
            WHERE s.month = (m.month - interval '1 year')::date AND (u.unit IS NULL OR s.unit = u.unit))::bigint,
           camreq.at_least_five((SELECT coalesce(sum(i.n), 0) FROM issued i
            WHERE i.month = m.month AND (u.unit IS NULL OR i.unit = u.unit))::bigint),
           camreq.at_least_five((SELECT coalesce(sum(i.n), 0) FROM issued i
            WHERE i.month = (m.month - interval '1 year')::date AND (u.unit IS NULL OR i.unit = u.unit))::bigint)
    FROM units u CROSS JOIN months m
    ORDER BY u.unit NULLS FIRST, m.month;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: requisition_cameras; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_cameras (
    id bigint NOT NULL,
    requisition_id bigint NOT NULL,
    camera_id bigint NOT NULL,
    search_id bigint,
    incident_id text,
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    purge_at timestamp with time zone NOT NULL,
    CONSTRAINT "camera time window must not end before it starts" CHECK ((window_end >= window_start)),
    CONSTRAINT "incident id must be at most 200 characters" CHECK ((length(incident_id) <= 200))
);

ALTER TABLE ONLY camreq.requisition_cameras FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisition_cameras; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_cameras IS 'Cameras of a requisition, each with its time window (a camera may appear once per window)';


--
-- Name: my_requisition_cameras(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisition_cameras() RETURNS SETOF camreq.requisition_cameras
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT c.* FROM camreq.requisition_cameras c WHERE c.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;


--
-- Name: my_requisition_documents(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisition_documents() RETURNS TABLE(id bigint, requisition_id bigint, issued boolean, file_name text, sha256 text, created_by name, created_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.id, d.requisition_id, d.issued, d.file_name, d.sha256, d.created_by, d.created_at
    FROM camreq.requisition_documents d WHERE d.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;


--
-- Name: requisition_outbox; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_outbox (
    id bigint NOT NULL,
    requisition_id bigint NOT NULL,
    message_id text NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    to_address text,
    portal_link text,
    kind text DEFAULT 'requisition'::text NOT NULL,
    CONSTRAINT "outbox kind must be requisition, receipt or officer_notice" CHECK ((kind = ANY (ARRAY['requisition'::text, 'receipt'::text, 'officer_notice'::text]))),
    CONSTRAINT "outbox status must be pending, sending, sent, failed, unknown o" CHECK ((status = ANY (ARRAY['pending'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'unknown'::text, 'served_otherwise'::text])))
);

ALTER TABLE ONLY camreq.requisition_outbox FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisition_outbox; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_outbox IS 'E-mails to send; sending = claimed by a run whose outcome is not yet recorded; unknown = the data went but the answer was lost (never re-sent automatically); served_otherwise = never sent, the requisition was served another way';


--
-- Name: COLUMN requisition_outbox.to_address; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisition_outbox.to_address IS 'Owner''s e-mail when the requisition was issued (NULL: none, serve it another way); never changed';


--
-- Name: COLUMN requisition_outbox.portal_link; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisition_outbox.portal_link IS 'The owner''s personal portal link, printed in the e-mail';


--
-- Name: COLUMN requisition_outbox.kind; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisition_outbox.kind IS 'requisition (sent at issue), receipt (to the owner, on confirmation in the portal), officer_notice (to the officer)';


--
-- Name: my_requisition_outbox(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisition_outbox() RETURNS SETOF camreq.requisition_outbox
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT o.* FROM camreq.requisition_outbox o WHERE o.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;


--
-- Name: requisition_outbox_attempts; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_outbox_attempts (
    id bigint NOT NULL,
    outbox_id bigint NOT NULL,
    attempted_by text DEFAULT CURRENT_USER NOT NULL,
    started_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    finished_at timestamp with time zone,
    to_address text NOT NULL,
    smtp_server text NOT NULL,
    outcome text,
    smtp_code integer,
    smtp_answer text,
    CONSTRAINT "attempt outcome must be sent, deferred, failed or unknown" CHECK ((outcome = ANY (ARRAY['sent'::text, 'deferred'::text, 'failed'::text, 'unknown'::text])))
);

ALTER TABLE ONLY camreq.requisition_outbox_attempts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisition_outbox_attempts; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_outbox_attempts IS 'Every sending attempt and the mail server''s answer (outcome NULL: interrupted)';


--
-- Name: my_requisition_outbox_attempts(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisition_outbox_attempts() RETURNS SETOF camreq.requisition_outbox_attempts
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT a.* FROM camreq.requisition_outbox_attempts a
    WHERE a.outbox_id IN (SELECT o.id FROM camreq.my_requisition_outbox() o)
$$;


--
-- Name: requisition_status_history; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_status_history (
    id bigint NOT NULL,
    requisition_id bigint NOT NULL,
    changed_by text DEFAULT CURRENT_USER NOT NULL,
    changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    from_status text,
    to_status text NOT NULL,
    note text,
    CONSTRAINT "status note must be at most 2000 characters" CHECK ((length(note) <= 2000))
);

ALTER TABLE ONLY camreq.requisition_status_history FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisition_status_history; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_status_history IS 'Who changed a requisition''s status, when, from, to and why; rows are never changed';


--
-- Name: my_requisition_status_history(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisition_status_history() RETURNS SETOF camreq.requisition_status_history
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT h.* FROM camreq.requisition_status_history h
    WHERE h.requisition_id IN (SELECT r.id FROM camreq.my_requisitions() r)
$$;


--
-- Name: requisitions; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisitions (
    id bigint NOT NULL,
    number text,
    year integer,
    unit text NOT NULL,
    officer_name text NOT NULL,
    officer_rank text NOT NULL,
    officer_email text NOT NULL,
    officer_phone text NOT NULL,
    case_number text NOT NULL,
    investigation text NOT NULL,
    authorisation_ref text,
    owner_id bigint NOT NULL,
    search_id bigint,
    answer_deadline timestamp with time zone NOT NULL,
    delivery text NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    purge_deadline timestamp with time zone,
    pdf_path text,
    created_by text DEFAULT CURRENT_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    issued_at timestamp with time zone,
    no_footage_reason text,
    CONSTRAINT "a no-footage reason goes with the no_footage status only" CHECK (((no_footage_reason IS NULL) OR (status = 'no_footage'::text))),
    CONSTRAINT "answer deadline must be in the future" CHECK ((answer_deadline > created_at)),
    CONSTRAINT "authorisation reference must be at most 200 characters" CHECK ((length(authorisation_ref) <= 200)),
    CONSTRAINT "case number must be 1 to 100 characters" CHECK (((length(btrim(case_number)) >= 1) AND (length(btrim(case_number)) <= 100))),
    CONSTRAINT "delivery must be 1 to 2000 characters" CHECK (((length(btrim(delivery)) >= 1) AND (length(btrim(delivery)) <= 2000))),
    CONSTRAINT "investigation must be flagrance, preliminary or judicial" CHECK ((investigation = ANY (ARRAY['flagrance'::text, 'preliminary'::text, 'judicial'::text]))),
    CONSTRAINT "issued requisitions have a number and year, drafts have none" CHECK ((((status = 'draft'::text) OR ((status = 'cancelled'::text) AND (issued_at IS NULL))) = ((number IS NULL) AND (year IS NULL)))),
    CONSTRAINT "officer e-mail must be at most 200 characters" CHECK ((length(officer_email) <= 200)),
    CONSTRAINT "officer name must be 1 to 200 characters" CHECK (((length(btrim(officer_name)) >= 1) AND (length(btrim(officer_name)) <= 200))),
    CONSTRAINT "officer phone must be at most 50 characters" CHECK ((length(officer_phone) <= 50)),
    CONSTRAINT "officer rank must be at most 200 characters" CHECK ((length(officer_rank) <= 200)),
    CONSTRAINT "unit must be 1 to 200 characters" CHECK (((length(btrim(unit)) >= 1) AND (length(btrim(unit)) <= 200)))
);

ALTER TABLE ONLY camreq.requisitions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisitions; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisitions IS 'Judicial requisitions, one per owner; number given at issue, gapless per unit and year';


--
-- Name: COLUMN requisitions.purge_deadline; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisitions.purge_deadline IS 'Earliest purge_at of its cameras, kept by a trigger';


--
-- Name: COLUMN requisitions.pdf_path; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisitions.pdf_path IS 'Unused since schema 6 (the PDF is in camreq.requisition_documents)';


--
-- Name: COLUMN requisitions.no_footage_reason; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisitions.no_footage_reason IS 'Why the owner had no footage (status no_footage)';


--
-- Name: my_requisitions(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_requisitions() RETURNS SETOF camreq.requisitions
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT r.* FROM camreq.requisitions r
    WHERE (SELECT camreq.sees_every_unit()) OR r.unit = (SELECT camreq.investigator_unit())
$$;


--
-- Name: search_incidents; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.search_incidents (
    search_id bigint NOT NULL,
    incident_id text NOT NULL,
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    geom public.geometry(Geometry,2154) NOT NULL,
    CONSTRAINT "incident end must not be before its start" CHECK ((window_end >= window_start))
);


--
-- Name: TABLE search_incidents; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.search_incidents IS 'The incidents of each logged search, in the storage CRS';


--
-- Name: my_search_incidents(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_search_incidents() RETURNS SETOF camreq.search_incidents
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT i.* FROM camreq.search_incidents i WHERE i.search_id IN (SELECT s.id FROM camreq.my_searches() s)
$$;


--
-- Name: searches; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.searches (
    id bigint NOT NULL,
    searched_by text DEFAULT CURRENT_USER NOT NULL,
    searched_at timestamp with time zone DEFAULT now() NOT NULL,
    reason text NOT NULL,
    distance_m double precision NOT NULL,
    in_view_only boolean DEFAULT false NOT NULL,
    incident_count integer NOT NULL,
    result_count integer NOT NULL,
    include_out_of_service boolean DEFAULT false NOT NULL,
    speed_kmh double precision,
    margin_minutes double precision DEFAULT 0 NOT NULL,
    unit text,
    CONSTRAINT "route margin must be 0 minutes or more" CHECK ((margin_minutes >= (0)::double precision)),
    CONSTRAINT "route speed must be positive (km/h)" CHECK ((speed_kmh > (0)::double precision)),
    CONSTRAINT "search distance must be between 0 and 5000 metres" CHECK (((distance_m > (0)::double precision) AND (distance_m <= (5000)::double precision))),
    CONSTRAINT "search reason must not be empty" CHECK ((btrim(reason) <> ''::text))
);


--
-- Name: TABLE searches; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.searches IS 'Consultation log: one row per search, written in the same transaction as the search';


--
-- Name: COLUMN searches.unit; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.searches.unit IS 'Unit of the login who searched, at the time of the search';


--
-- Name: my_searches(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.my_searches() RETURNS SETOF camreq.searches
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT s.* FROM camreq.searches s
    WHERE (SELECT camreq.sees_every_unit()) OR s.searched_by = session_user
       OR s.unit = (SELECT camreq.investigator_unit())
$$;


--
-- Name: normalize_address_words(text[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.normalize_address_words(words text[]) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$
    SELECT coalesce(string_agg(coalesce(a.expansion, w.word), ' ' ORDER BY w.n), '')
    FROM unnest(words) WITH ORDINALITY AS w(word, n)
    LEFT JOIN camreq.address_abbreviations a ON a.abbreviation = w.word
    WHERE w.word <> ''
$$;


--
-- Name: number_requisition(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.number_requisition() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    issue_year integer := extract(year FROM now() AT TIME ZONE 'Europe/Paris');
    next_number integer;
BEGIN
    INSERT INTO camreq.requisition_counters (unit, year) VALUES (NEW.unit, issue_year) ON CONFLICT DO NOTHING;
    UPDATE camreq.requisition_counters SET last_number = last_number + 1
    WHERE unit = NEW.unit AND year = issue_year RETURNING last_number INTO next_number;
    NEW.year := issue_year;
    NEW.number := format('%s-%s', issue_year, lpad(next_number::text, 6, '0'));
    NEW.issued_at := now();
    RETURN NEW;
END
$$;


--
-- Name: outcome_statistics(date, date, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.outcome_statistics(from_day date, to_day date, only_unit text DEFAULT NULL::text) RETURNS TABLE(unit text, outcome text, reason text, requisitions bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    per_unit boolean := camreq.statistics_scope(only_unit);
BEGIN
    RETURN QUERY
    WITH facts AS (
        SELECT f.unit,
               CASE WHEN f.status IN ('footage_delivered', 'no_footage', 'refused', 'cancelled') THEN f.status
                    WHEN f.purge_deadline <= now() THEN 'lost_to_purge'
                    ELSE 'waiting' END AS outcome,
               f.no_footage_reason AS reason
        FROM camreq.requisition_facts(from_day, to_day, only_unit) f
    ), kinds AS (
        SELECT k.outcome, NULL::text AS reason, k.position * 100 AS sort
        FROM unnest(ARRAY['footage_delivered', 'no_footage', 'refused', 'lost_to_purge', 'waiting', 'cancelled'])
             WITH ORDINALITY k(outcome, position)
        UNION ALL
        SELECT 'no_footage', n.reason, 200 + n.sort_order FROM camreq.no_footage_reasons n
    ), units AS (
        SELECT NULL::text AS unit WHERE only_unit IS NULL
        UNION ALL
        SELECT DISTINCT f.unit FROM facts f WHERE per_unit
    )
    SELECT u.unit, k.outcome, k.reason,
           camreq.at_least_five((SELECT count(*) FROM facts f
                                 WHERE f.outcome = k.outcome AND (k.reason IS NULL OR f.reason = k.reason)
                                   AND (u.unit IS NULL OR f.unit = u.unit)))
    FROM units u CROSS JOIN kinds k
    ORDER BY u.unit NULLS FIRST, k.sort;
END
$$;


--
-- Name: owner_answer_hours(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.owner_answer_hours() RETURNS TABLE(owner_id bigint, median_answer_hours double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT f.owner_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.sent_at) / 3600)
    FROM camreq.requisition_facts('-infinity', 'infinity', NULL) f
    WHERE f.sent_at IS NOT NULL AND f.answered_at IS NOT NULL
    GROUP BY f.owner_id
    HAVING count(*) >= 5
$$;


--
-- Name: owner_statistics(date, date, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.owner_statistics(from_day date, to_day date, only_unit text DEFAULT NULL::text) RETURNS TABLE(owner_id bigint, owner_name text, requisitions bigint, answered bigint, median_answer_hours double precision, p90_answer_hours double precision, footage_delivered bigint, no_footage bigint, refused bigint, no_answer_before_purge bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.statistics_scope(only_unit);
    RETURN QUERY
    WITH facts AS (
        SELECT f.*, extract(epoch FROM f.answered_at - f.sent_at) / 3600 AS answer_hours
        FROM camreq.requisition_facts(from_day, to_day, only_unit) f
        WHERE f.sent_at IS NOT NULL
    ), per_owner AS (
        SELECT f.owner_id,
               count(*) AS requisitions,
               count(f.answered_at) AS answered,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY f.answer_hours) AS median_hours,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY f.answer_hours) AS p90_hours,
               count(*) FILTER (WHERE f.status = 'footage_delivered') AS delivered,
               count(*) FILTER (WHERE f.status = 'no_footage') AS none,
               count(*) FILTER (WHERE f.status = 'refused') AS refused,
               count(*) FILTER (WHERE f.purge_deadline <= now()
                                AND (f.answered_at IS NULL OR f.answered_at > f.purge_deadline)) AS lost
        FROM facts f GROUP BY f.owner_id
    )
    SELECT o.id, o.name,
           camreq.at_least_five(coalesce(p.requisitions, 0)),
           camreq.at_least_five(coalesce(p.answered, 0)),
           CASE WHEN p.answered >= 5 THEN p.median_hours END,
           CASE WHEN p.answered >= 5 THEN p.p90_hours END,
           camreq.at_least_five(coalesce(p.delivered, 0)),
           camreq.at_least_five(coalesce(p.none, 0)),
           camreq.at_least_five(coalesce(p.refused, 0)),
           camreq.at_least_five(coalesce(p.lost, 0))
    FROM camreq.owners o LEFT JOIN per_owner p ON p.owner_id = o.id
    ORDER BY p.requisitions DESC NULLS LAST, o.name;
END
$$;


--
-- Name: owners_before_update(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.owners_before_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;


--
-- Name: parse_address_query(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text) RETURNS record
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $_$
DECLARE
    tokens text[] := array_remove(camreq.address_tokens(coalesce(query, '')), '');
    rest text[];
BEGIN
    SELECT t INTO postcode FROM unnest(tokens) AS t WHERE t ~ '^[0-9]{5}$' LIMIT 1;
    IF postcode IS NOT NULL THEN
        tokens := array_remove(tokens, postcode);
    END IF;
    SELECT n.numero, n.rep, n.words INTO numero, rep, rest FROM camreq.split_address_number(tokens) n;
    words := camreq.normalize_address_words(rest);
END
$_$;


--
-- Name: portal_acknowledge(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_acknowledge(token text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    link camreq.portal_links := camreq.portal_link_of(token);
BEGIN
    IF link.requisition_id IS NULL THEN
        RETURN false;
    END IF;
    PERFORM FROM camreq.requisitions WHERE id = link.requisition_id FOR UPDATE;
    UPDATE camreq.portal_links SET acknowledged_at = now()
    WHERE requisition_id = link.requisition_id AND acknowledged_at IS NULL;
    IF (SELECT status FROM camreq.requisitions WHERE id = link.requisition_id) = 'sent' THEN
        PERFORM camreq.portal_move(link.requisition_id, 'acknowledged', 'accusé de réception');
    END IF;
    RETURN true;
END
$$;


--
-- Name: portal_answer(text, bigint, text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_answer(token text, requisition_camera bigint, answer text, reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.portal_camera(token, requisition_camera);
    IF answer NOT IN ('no_footage', 'refused') THEN
        RAISE EXCEPTION 'answer: no_footage or refused (deposits answer by themselves)'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO camreq.portal_answers (requisition_camera_id, answer, no_footage_reason, refusal_reason)
    VALUES (requisition_camera, answer, CASE WHEN answer = 'no_footage' THEN reason END,
            CASE WHEN answer = 'refused' THEN left(reason, 2000) END)
    ON CONFLICT (requisition_camera_id) DO UPDATE
    SET answer = excluded.answer, no_footage_reason = excluded.no_footage_reason,
        refusal_reason = excluded.refusal_reason, answered_at = now();
END
$$;


--
-- Name: portal_camera(text, bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_camera(token text, requisition_camera bigint) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    link camreq.portal_links := camreq.portal_link_of(token);
BEGIN
    IF link.requisition_id IS NULL OR NOT EXISTS (
        SELECT FROM camreq.requisition_cameras WHERE id = requisition_camera AND requisition_id = link.requisition_id) THEN
        RAISE EXCEPTION 'portal: no such requisition camera for this link' USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM camreq.portal_acknowledge(token);
    RETURN link.requisition_id;
END
$$;


--
-- Name: portal_confirm(text, bytea); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_confirm(token text, receipt bytea) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    link camreq.portal_links := camreq.portal_link_of(token);
    outcome text;
    reason text;
BEGIN
    IF link.requisition_id IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM camreq.portal_acknowledge(token);
    IF EXISTS (SELECT FROM camreq.requisition_cameras rc LEFT JOIN camreq.portal_answers a
                   ON a.requisition_camera_id = rc.id
               WHERE rc.requisition_id = link.requisition_id AND a.answer IS NULL) THEN
        RAISE EXCEPTION 'portal: every camera needs an answer before confirming' USING ERRCODE = 'check_violation';
    END IF;
    SELECT CASE WHEN bool_or(a.answer = 'deposited') THEN 'footage_delivered'
                WHEN bool_or(a.answer = 'refused') THEN 'refused' ELSE 'no_footage' END,
           mode() WITHIN GROUP (ORDER BY a.no_footage_reason)
    INTO outcome, reason
    FROM camreq.requisition_cameras rc JOIN camreq.portal_answers a ON a.requisition_camera_id = rc.id
    WHERE rc.requisition_id = link.requisition_id;
    UPDATE camreq.portal_links SET confirmed_at = now(), receipt_pdf = receipt WHERE requisition_id = link.requisition_id;
    PERFORM camreq.portal_move(link.requisition_id, outcome, 'réponse confirmée complète',
                               CASE WHEN outcome = 'no_footage' THEN reason END);
    INSERT INTO camreq.requisition_outbox (requisition_id, message_id, kind)
    VALUES (link.requisition_id, '', 'receipt'), (link.requisition_id, '', 'officer_notice');
    RETURN outcome;
END
$$;


--
-- Name: portal_document(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_document(token text) RETURNS TABLE(file_name text, pdf bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.file_name, d.pdf FROM camreq.requisition_documents d
    WHERE d.requisition_id = (camreq.portal_link_of(token)).requisition_id AND d.issued
$$;


--
-- Name: portal_expired_deposits(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_expired_deposits() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.upload_id FROM camreq.portal_deposits d
    JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
    JOIN camreq.requisitions r ON r.id = rc.requisition_id
    JOIN camreq.requisition_statuses s ON s.status = r.status AND NOT s.is_open
    WHERE d.deleted_at IS NULL
      AND (SELECT max(h.changed_at) FROM camreq.requisition_status_history h WHERE h.requisition_id = r.id)
          + make_interval(days => (SELECT footage_retention_days FROM camreq.settings)) < now()
$$;


--
-- Name: portal_fetch_deposits(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_fetch_deposits(fetch_token text) RETURNS TABLE(upload_id text, file_name text, size bigint, sha256 text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.upload_id, d.file_name, d.size, d.sha256
    FROM camreq.portal_fetch_tokens t
    JOIN camreq.requisition_cameras rc ON rc.requisition_id = t.requisition_id
    JOIN camreq.portal_deposits d ON d.requisition_camera_id = rc.id
    WHERE t.token_sha256 = encode(sha256(convert_to(fetch_token, 'UTF8')), 'hex') AND now() < t.expires_at
      AND d.finished_at IS NOT NULL AND d.scan_result <> 'infected' AND d.deleted_at IS NULL
    ORDER BY d.id
$$;


--
-- Name: portal_fetch_token(bigint, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_fetch_token(requisition bigint, token text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $_$
BEGIN
    IF NOT camreq.caller_may_follow(requisition) THEN
        RAISE EXCEPTION 'NUMBER: no requisition % of your unit', requisition USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF token !~ '^[A-Za-z0-9_-]{43}$' THEN
        RAISE EXCEPTION 'a fetch token is 43 URL-safe characters (256 bits)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO camreq.portal_fetch_tokens (token_sha256, requisition_id)
    VALUES (encode(sha256(convert_to(token, 'UTF8')), 'hex'), requisition);
    RETURN true;
END
$_$;


--
-- Name: portal_finish_deposit(text, text, text, text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_finish_deposit(token text, upload_id text, sha256 text, scan_result text, scan_detail text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    camera bigint;
BEGIN
    IF camreq.portal_upload(token, upload_id) IS NULL THEN
        RAISE EXCEPTION 'portal: no unfinished upload % for this link', upload_id USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE camreq.portal_deposits d SET sha256 = portal_finish_deposit.sha256, finished_at = now(),
        scan_result = portal_finish_deposit.scan_result, scan_detail = left(portal_finish_deposit.scan_detail, 500)
    WHERE d.upload_id = portal_finish_deposit.upload_id RETURNING requisition_camera_id INTO camera;
    IF scan_result <> 'infected' THEN
        INSERT INTO camreq.portal_answers (requisition_camera_id, answer) VALUES (camera, 'deposited')
        ON CONFLICT (requisition_camera_id) DO UPDATE
        SET answer = 'deposited', no_footage_reason = NULL, refusal_reason = NULL, answered_at = now();
    END IF;
END
$$;


--
-- Name: portal_links; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.portal_links (
    requisition_id bigint NOT NULL,
    token_sha256 text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    first_opened_at timestamp with time zone,
    acknowledged_at timestamp with time zone,
    confirmed_at timestamp with time zone,
    receipt_pdf bytea,
    CONSTRAINT "a receipt must be a PDF" CHECK ((SUBSTRING(receipt_pdf FROM 1 FOR 5) = '\x255044462d'::bytea)),
    CONSTRAINT "link token hash must be 64 hexadecimal digits" CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text))
);

ALTER TABLE ONLY camreq.portal_links FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE portal_links; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.portal_links IS 'Personal link of an issued requisition (SHA-256 of its token), when the owner first opened, acknowledged, confirmed';


--
-- Name: portal_link_of(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_link_of(token text) RETURNS camreq.portal_links
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT l.* FROM camreq.portal_links l
    JOIN camreq.requisitions r ON r.id = l.requisition_id
    JOIN camreq.requisition_statuses s ON s.status = r.status
    WHERE l.token_sha256 = encode(sha256(convert_to(token, 'UTF8')), 'hex')
      AND s.is_open AND l.confirmed_at IS NULL AND now() < l.expires_at
$$;


--
-- Name: portal_links_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_links_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    r camreq.requisitions;
BEGIN
    SELECT * INTO r FROM camreq.requisitions WHERE id = NEW.requisition_id;
    IF r.status IS DISTINCT FROM 'issued' OR r.issued_at <> now() THEN
        RAISE EXCEPTION 'camreq.portal_links: a link is made in the transaction that issues the requisition'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.created_at := now();
    NEW.expires_at := r.purge_deadline + make_interval(days => (SELECT portal_link_days_after_purge FROM camreq.settings));
    NEW.first_opened_at := NULL;
    NEW.acknowledged_at := NULL;
    NEW.confirmed_at := NULL;
    RETURN NEW;
END
$$;


--
-- Name: portal_move(bigint, text, text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_move(requisition bigint, to_status text, note text, reason text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM set_config('camreq.status_note', 'par le propriétaire, via le portail : ' || note, true);
    UPDATE camreq.requisitions SET status = to_status, no_footage_reason = reason
    WHERE id = requisition AND status IS DISTINCT FROM to_status;
    PERFORM set_config('camreq.status_note', '', true);
END
$$;


--
-- Name: portal_record_deletion(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_record_deletion(upload_id text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    UPDATE camreq.portal_deposits d SET deleted_at = now()
    WHERE d.upload_id = portal_record_deletion.upload_id AND d.deleted_at IS NULL
      AND d.upload_id IN (SELECT camreq.portal_expired_deposits())
    RETURNING true
$$;


--
-- Name: portal_requisition(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_requisition(token text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    link camreq.portal_links := camreq.portal_link_of(token);
BEGIN
    IF link.requisition_id IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE camreq.portal_links SET first_opened_at = now()
    WHERE requisition_id = link.requisition_id AND first_opened_at IS NULL;
    RETURN (
        SELECT jsonb_build_object(
            'number', r.number, 'status', r.status, 'owner', o.name, 'case_number', r.case_number,
            'officer_name', r.officer_name, 'officer_rank', r.officer_rank, 'unit', r.unit,
            'officer_email', r.officer_email, 'officer_phone', r.officer_phone,
            'purge_deadline', r.purge_deadline, 'answer_deadline', r.answer_deadline, 'expires_at', link.expires_at,
            'acknowledged_at', (SELECT acknowledged_at FROM camreq.portal_links WHERE requisition_id = r.id),
            'deposit_limit', (SELECT portal_deposit_limit_bytes FROM camreq.settings),
            'deposited_bytes', (SELECT coalesce(sum(d.size), 0) FROM camreq.portal_deposits d
                                JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
                                WHERE rc.requisition_id = r.id AND d.scan_result <> 'infected'),
            'has_document', EXISTS (SELECT FROM camreq.requisition_documents d WHERE d.requisition_id = r.id AND d.issued),
            'cameras', (
                SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'id', rc.id, 'ref', c.ref, 'address', c.address, 'window_start', rc.window_start,
                    'window_end', rc.window_end, 'purge_at', rc.purge_at, 'answer', a.answer,
                    'no_footage_reason', a.no_footage_reason, 'refusal_reason', a.refusal_reason,
                    'deposits', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                    'upload_id', d.upload_id, 'file_name', d.file_name, 'size', d.size,
                                    'sha256', d.sha256, 'finished_at', d.finished_at, 'scan_result', d.scan_result)
                                 ORDER BY d.id), '[]') FROM camreq.portal_deposits d
                                 WHERE d.requisition_camera_id = rc.id AND d.finished_at IS NOT NULL))
                    ORDER BY rc.window_start, rc.id), '[]')
                FROM camreq.requisition_cameras rc
                JOIN camreq.cameras c ON c.id = rc.camera_id
                LEFT JOIN camreq.portal_answers a ON a.requisition_camera_id = rc.id
                WHERE rc.requisition_id = r.id))
        FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id
        WHERE r.id = link.requisition_id);
END
$$;


--
-- Name: portal_start_deposit(text, bigint, text, text, bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_start_deposit(token text, requisition_camera bigint, upload_id text, file_name text, size bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    requisition bigint := camreq.portal_camera(token, requisition_camera);
    used bigint;
    lim bigint := (SELECT portal_deposit_limit_bytes FROM camreq.settings);
BEGIN
    SELECT coalesce(sum(d.size), 0) INTO used FROM camreq.portal_deposits d
    JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
    WHERE rc.requisition_id = requisition AND d.scan_result <> 'infected' AND d.deleted_at IS NULL;
    IF used + size > lim THEN
        RAISE EXCEPTION 'portal: deposit limit of % bytes reached (% already deposited)', lim, used
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    INSERT INTO camreq.portal_deposits (requisition_camera_id, upload_id, file_name, size)
    VALUES (requisition_camera, portal_start_deposit.upload_id, portal_start_deposit.file_name, portal_start_deposit.size);
END
$$;


--
-- Name: portal_upload(text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.portal_upload(token text, upload_id text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.size FROM camreq.portal_deposits d
    JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
    WHERE d.upload_id = portal_upload.upload_id AND d.finished_at IS NULL
      AND rc.requisition_id = (camreq.portal_link_of(token)).requisition_id
$$;


--
-- Name: refresh_address_streets(text[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.refresh_address_streets(communes text[]) RETURNS void
    LANGUAGE sql
    SET work_mem TO '256MB'
    AS $$
    DELETE FROM camreq.address_streets WHERE code_insee IN (SELECT unnest(communes));
    DELETE FROM camreq.address_communes WHERE code_insee IN (SELECT unnest(communes));
    INSERT INTO camreq.address_communes (code_insee, code_postal, nom_commune, words)
    SELECT code_insee, code_postal, nom_commune, camreq.normalize_address_words(camreq.address_tokens(nom_commune))
    FROM (
        SELECT code_insee, code_postal, min(nom_commune) AS nom_commune FROM camreq.addresses
        WHERE code_insee IN (SELECT unnest(communes))
        GROUP BY code_insee, code_postal
    ) named;
    INSERT INTO camreq.address_streets (code_insee, code_postal, nom_voie, nom_commune, street_text, search_text, geom)
    SELECT s.code_insee, s.code_postal, s.nom_voie, c.nom_commune, s.street_text, s.street_text || ' ' || c.words, s.geom
    FROM (
        SELECT code_insee, code_postal, nom_voie,
               camreq.normalize_address_words(camreq.address_tokens(nom_voie)) AS street_text,
               (array_agg(geom ORDER BY numero, rep NULLS FIRST))[(count(*) + 1) / 2] AS geom
        FROM camreq.addresses
        WHERE code_insee IN (SELECT unnest(communes))
        GROUP BY code_insee, code_postal, nom_voie
    ) s
    JOIN camreq.address_communes c USING (code_insee, code_postal);
$$;


--
-- Name: refuse_change(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'camreq.% is append-only: its rows cannot be changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;


--
-- Name: refuse_truncate(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'camreq.% cannot be truncated: its rows are a legal record, audited one by one', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;


--
-- Name: registry_findings(public.geometry); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.registry_findings(territory public.geometry DEFAULT NULL::public.geometry) RETURNS TABLE(problem text, camera_id bigint, owner_id bigint, camera_ref text, owner_name text, detail text, geom public.geometry)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'camreq', 'public', 'pg_temp'
    AS $$
    WITH area AS (SELECT ST_Transform(territory, camreq.storage_srid()) AS g WHERE territory IS NOT NULL)
    SELECT 'authorisation_expired', c.id, c.owner_id, c.ref, o.name, c.authorisation_expiry::text, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    WHERE c.status <> 'removed' AND c.authorisation_expiry < current_date
    UNION ALL
    SELECT 'authorisation_expiring', c.id, c.owner_id, c.ref, o.name, c.authorisation_expiry::text, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    WHERE c.status <> 'removed' AND c.authorisation_expiry >= current_date
      AND c.authorisation_expiry < current_date + 90
    UNION ALL
    SELECT 'not_verified', c.id, c.owner_id, c.ref, o.name, c.last_verified::text, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    WHERE c.status <> 'removed' AND (c.last_verified IS NULL OR c.last_verified < current_date - interval '12 months')
    UNION ALL
    SELECT 'out_of_order', c.id, c.owner_id, c.ref, o.name,
           (c.status_since AT TIME ZONE 'Europe/Paris')::date::text, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    WHERE c.status = 'out_of_order' AND c.status_since < now() - interval '30 days'
    UNION ALL
    SELECT 'likely_duplicate', c.id, c.owner_id, c.ref, o.name,
           string_agg(coalesce(d.ref, '#' || d.id), ', ' ORDER BY d.id), c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    JOIN camreq.cameras d ON d.owner_id = c.owner_id AND d.id <> c.id AND d.status <> 'removed'
         AND ST_DWithin(d.geog, c.geog, 1)
    WHERE c.status <> 'removed'
    GROUP BY c.id, o.name
    UNION ALL
    SELECT 'fixed_without_direction', c.id, c.owner_id, c.ref, o.name, NULL, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id
    WHERE c.status <> 'removed' AND c.camera_type IN ('fixed', 'anpr') AND c.direction IS NULL
    UNION ALL
    SELECT 'outside_territory', c.id, c.owner_id, c.ref, o.name, NULL, c.geom
    FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id CROSS JOIN area
    WHERE c.status <> 'removed' AND NOT ST_Intersects(area.g, c.geom)
    UNION ALL
    SELECT 'owner_without_contact', NULL, o.id, NULL, o.name,
           CASE WHEN nullif(btrim(o.phone), '') IS NULL THEN 'no_phone' END,
           (SELECT ST_Centroid(ST_Collect(c.geom)) FROM camreq.cameras c WHERE c.owner_id = o.id AND c.status <> 'removed')
    FROM camreq.owners o
    WHERE nullif(btrim(o.email), '') IS NULL
    UNION ALL
    SELECT 'answers_after_purge', NULL, o.id, NULL, o.name,
           format('%s;%s', round(a.median_answer_hours::numeric, 1), min(c.retention_days)),
           ST_Centroid(ST_Collect(c.geom))
    FROM camreq.owners o
    JOIN camreq.owner_answer_hours() a ON a.owner_id = o.id
    JOIN camreq.cameras c ON c.owner_id = o.id AND c.status <> 'removed'
    GROUP BY o.id, a.median_answer_hours
    HAVING a.median_answer_hours > min(c.retention_days) * 24
$$;


--
-- Name: requeue_message(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requeue_message(requisition bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    UPDATE camreq.requisition_outbox SET status = 'pending'
    WHERE requisition_id = requisition AND kind = 'requisition' AND status IN ('failed', 'unknown');
    RETURN FOUND;
END
$$;


--
-- Name: requisition_cameras_after_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_cameras_after_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE camreq.requisitions r SET purge_deadline = (
        SELECT min(purge_at) FROM camreq.requisition_cameras c WHERE c.requisition_id = r.id)
    WHERE r.id IN (SELECT DISTINCT requisition_id FROM new_rows);
    RETURN NULL;
END
$$;


--
-- Name: requisition_deposits(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_deposits(requisition bigint) RETURNS TABLE(deposit_id bigint, upload_id text, camera_ref text, file_name text, size bigint, sha256 text, finished_at timestamp with time zone, scan_result text, deleted_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.id, d.upload_id, c.ref, d.file_name, d.size, d.sha256, d.finished_at, d.scan_result, d.deleted_at
    FROM camreq.requisition_cameras rc
    JOIN camreq.portal_deposits d ON d.requisition_camera_id = rc.id
    JOIN camreq.cameras c ON c.id = rc.camera_id
    WHERE camreq.caller_may_follow(requisition) AND rc.requisition_id = requisition AND d.finished_at IS NOT NULL
    ORDER BY d.id
$$;


--
-- Name: requisition_documents_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_documents_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: requisition_facts(date, date, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_facts(from_day date, to_day date, only_unit text) RETURNS TABLE(unit text, owner_id bigint, month date, status text, no_footage_reason text, incident_start timestamp with time zone, sent_at timestamp with time zone, answered_at timestamp with time zone, purge_deadline timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT r.unit, r.owner_id,
           date_trunc('month', r.issued_at AT TIME ZONE 'Europe/Paris')::date,
           r.status, r.no_footage_reason,
           (SELECT min(coalesce(i.window_start, c.window_start))
            FROM camreq.requisition_cameras c
            LEFT JOIN camreq.search_incidents i ON i.search_id = c.search_id AND i.incident_id = c.incident_id
            WHERE c.requisition_id = r.id),
           (SELECT min(h.changed_at) FROM camreq.requisition_status_history h
            WHERE h.requisition_id = r.id AND h.to_status = 'sent'),
           (SELECT min(h.changed_at) FROM camreq.requisition_status_history h
            WHERE h.requisition_id = r.id
              AND h.to_status IN ('acknowledged', 'footage_delivered', 'no_footage', 'refused')),
           r.purge_deadline
    FROM camreq.requisitions r
    WHERE r.issued_at IS NOT NULL
      AND (r.issued_at AT TIME ZONE 'Europe/Paris')::date BETWEEN from_day AND to_day
      AND (only_unit IS NULL OR r.unit = only_unit)
$$;


--
-- Name: requisition_outbox_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_outbox_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.message_id := format('<camreq.%s.%s@camreq.invalid>', NEW.requisition_id, gen_random_uuid());
    NEW.to_address := CASE NEW.kind
        WHEN 'requisition' THEN (SELECT o.email FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id
                                 WHERE r.id = NEW.requisition_id)
        WHEN 'receipt' THEN (SELECT b.to_address FROM camreq.requisition_outbox b
                             WHERE b.requisition_id = NEW.requisition_id AND b.kind = 'requisition')
        ELSE (SELECT nullif(btrim(r.officer_email), '') FROM camreq.requisitions r WHERE r.id = NEW.requisition_id)
    END;
    RETURN NEW;
END
$$;


--
-- Name: requisition_outbox_portal_link(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_outbox_portal_link() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $_$
BEGIN
    IF OLD.portal_link IS NOT NULL OR NOT EXISTS (
        SELECT FROM camreq.portal_links l, camreq.settings s
        WHERE l.requisition_id = NEW.requisition_id
          AND NEW.portal_link = s.portal_public_url || '/r/' || substring(NEW.portal_link FROM '/r/([A-Za-z0-9_-]{43})$')
          AND l.token_sha256 = encode(sha256(convert_to(substring(NEW.portal_link FROM '/r/([A-Za-z0-9_-]{43})$'),
                                                        'UTF8')), 'hex')) THEN
        RAISE EXCEPTION 'camreq.requisition_outbox: the portal link is the one made when the requisition was issued'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$_$;


--
-- Name: requisition_pdf(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_pdf(requisition bigint) RETURNS TABLE(file_name text, pdf bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT d.file_name, d.pdf FROM camreq.requisition_documents d
    WHERE d.requisition_id = requisition AND requisition IN (SELECT r.id FROM camreq.my_requisitions() r)
    ORDER BY d.issued DESC, d.id DESC LIMIT 1
$$;


--
-- Name: requisition_portal_links(bigint[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_portal_links(requisitions bigint[]) RETURNS TABLE(requisition_id bigint, first_opened_at timestamp with time zone, acknowledged_at timestamp with time zone, confirmed_at timestamp with time zone, expires_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT l.requisition_id, l.first_opened_at, l.acknowledged_at, l.confirmed_at, l.expires_at
    FROM unnest(requisitions) AS asked(id)
    JOIN camreq.portal_links l ON l.requisition_id = asked.id AND camreq.caller_may_follow(asked.id)
$$;


--
-- Name: requisition_receipt(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_receipt(requisition bigint) RETURNS bytea
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT l.receipt_pdf FROM camreq.portal_links l
    WHERE camreq.caller_may_follow(requisition) AND l.requisition_id = requisition
$$;


--
-- Name: requisition_status_history_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisition_status_history_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: requisitions_after_status_change(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisitions_after_status_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO camreq.requisition_status_history (requisition_id, from_status, to_status, note)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status,
            nullif(current_setting('camreq.status_note', true), ''));
    RETURN NULL;
END
$$;


--
-- Name: requisitions_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisitions_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: requisitions_before_status_change(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisitions_before_status_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: requisitions_before_update(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisitions_before_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.purge_deadline := (SELECT min(purge_at) FROM camreq.requisition_cameras c WHERE c.requisition_id = NEW.id);
    RETURN NEW;
END
$$;


--
-- Name: requisitions_queue_on_issue(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.requisitions_queue_on_issue() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO camreq.requisition_outbox (requisition_id, message_id) VALUES (NEW.id, '');
    RETURN NULL;
END
$$;


--
-- Name: search_addresses(text, integer); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.search_addresses(query text, max_results integer DEFAULT 10) RETURNS TABLE(label text, score double precision, kind text, address_id text, numero integer, rep text, nom_voie text, code_postal text, nom_commune text, geom public.geometry)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET "pg_trgm.word_similarity_threshold" TO '0.5'
    SET search_path TO 'pg_catalog', 'public', 'public'
    AS $$
DECLARE
    q record;
BEGIN
    SELECT * INTO q FROM camreq.parse_address_query(query);
    IF q.words = '' OR coalesce(max_results, 0) < 1 THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH in_communes AS MATERIALIZED (
        SELECT s.*, coalesce(q.numero, c.numero) AS wanted, CASE WHEN q.numero IS NULL THEN c.rep ELSE q.rep END AS wanted_rep,
               (0.75 * word_similarity(c.street_words, s.street_text) + 0.25 * similarity(c.street_words, s.street_text))
               * CASE WHEN c.postcode_agrees THEN 1.0 ELSE 0.5 END AS street_score
        FROM camreq.address_query_communes(q.words, q.postcode) c
        JOIN camreq.address_streets s ON s.code_insee = c.code_insee AND s.code_postal = c.code_postal
        WHERE c.street_words <> '' AND c.street_words <% s.street_text
    ), streets AS (
        SELECT * FROM in_communes
        UNION ALL
        SELECT s.*, q.numero, q.rep,
               (0.75 * word_similarity(q.words, s.search_text) + 0.25 * similarity(q.words, s.search_text))
               * CASE WHEN q.postcode IS NULL OR q.postcode = s.code_postal THEN 1.0 ELSE 0.5 END
        FROM camreq.address_streets s
        WHERE (SELECT count(*) FROM in_communes) < max_results AND q.words <% s.search_text
          AND s.id NOT IN (SELECT id FROM in_communes)
        ORDER BY street_score DESC
        LIMIT greatest(50, max_results)
    )
    SELECT coalesce(a.label, st.label),
           st.street_score * CASE WHEN st.wanted IS NULL THEN 1.0
                                  WHEN a.id IS NULL THEN 0.7
                                  WHEN a.rep_key IS NOT DISTINCT FROM st.wanted_rep THEN 1.0
                                  ELSE 0.9 END,
           CASE WHEN a.id IS NULL THEN 'street' ELSE 'address' END,
           a.id, a.numero, a.rep, st.nom_voie, st.code_postal, st.nom_commune, coalesce(a.geom, st.geom)
    FROM streets st
    LEFT JOIN LATERAL (
        SELECT ad.* FROM camreq.addresses ad
        WHERE ad.code_insee = st.code_insee AND ad.code_postal = st.code_postal AND ad.nom_voie = st.nom_voie
          AND ad.numero = st.wanted
        ORDER BY ad.rep_key IS NOT DISTINCT FROM st.wanted_rep DESC, ad.rep NULLS FIRST
        LIMIT 1
    ) a ON true
    ORDER BY 2 DESC, 1
    LIMIT max_results;
END
$$;


--
-- Name: search_cameras(text[], bytea[], timestamp with time zone[], timestamp with time zone[], double precision, double precision, boolean, boolean, double precision, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.search_cameras(ids text[], wkbs bytea[], starts timestamp with time zone[], ends timestamp with time zone[], speed_kmh double precision, distance double precision, include_out_of_service boolean, in_view_only boolean, margin_minutes double precision, reason text) RETURNS TABLE(search_id bigint, srid integer, out_of_service_nearby bigint, incident_id text, camera_id bigint, camera_ref text, owner_id bigint, owner_name text, owner_email text, camera_type text, camera_status text, distance_m double precision, in_view boolean, retention_days integer, purge_at timestamp with time zone, footage_available boolean, window_start timestamp with time zone, window_end timestamp with time zone, wkb_hex text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'public', 'pg_temp'
    SET jit TO 'off'
    SET plan_cache_mode TO 'force_generic_plan'
    AS $$
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


--
-- Name: search_input(text[], bytea[], timestamp with time zone[], timestamp with time zone[], double precision); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.search_input(ids text[], wkbs bytea[], starts timestamp with time zone[], ends timestamp with time zone[], speed_kmh double precision) RETURNS TABLE(incident_id text, window_start timestamp with time zone, window_end timestamp with time zone, geom public.geometry, geog public.geography)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT t.incident_id, t.window_start,
           coalesce(t.window_end, t.window_start + make_interval(secs => ST_Length(t.g::geography) / (speed_kmh / 3.6))),
           ST_Transform(t.g, camreq.storage_srid()),
           t.g::geography
    FROM (
        SELECT u.incident_id, u.window_start, u.window_end, ST_Force2D(ST_GeomFromWKB(u.wkb, 4326)) AS g
        FROM unnest(ids, wkbs, starts, ends) AS u(incident_id, wkb, window_start, window_end)
    ) t
$$;


--
-- Name: searches_before_insert(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.searches_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.searched_by := session_user;
    NEW.searched_at := now();
    NEW.unit := camreq.login_unit(session_user);
    RETURN NEW;
END
$$;


--
-- Name: sector(public.geometry, double precision, double precision, double precision); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.sector(centre public.geometry, azimuth double precision, angle double precision, radius double precision) RETURNS public.geometry
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    WITH steps AS (
        SELECT greatest(8, ceil(angle / 5))::integer AS n, ST_Transform(centre, 4326) AS c
    ), outline AS (
        SELECT ST_MakeLine(pt ORDER BY i) AS line FROM (
            SELECT -1 AS i, c AS pt FROM steps WHERE angle < 360
            UNION ALL
            SELECT i, ST_Project(c::geography, radius, radians(azimuth - angle / 2 + i * angle / n))::geometry
            FROM steps, generate_series(0, CASE WHEN angle < 360 THEN n ELSE n - 1 END) AS i
        ) points
    )
    SELECT ST_Transform(ST_MakePolygon(ST_AddPoint(line, ST_StartPoint(line))), ST_SRID(centre)) FROM outline
$$;


--
-- Name: sees_every_unit(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.sees_every_unit() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT coalesce(camreq.login_role(session_user) = 'administrator', false)
        OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
$$;


--
-- Name: serve_otherwise(bigint); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.serve_otherwise(requisition bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    UPDATE camreq.requisition_outbox SET status = 'served_otherwise'
    WHERE requisition_id = requisition AND kind = 'requisition' AND status IN ('pending', 'failed');
    RETURN (SELECT o.status FROM camreq.requisition_outbox o WHERE o.requisition_id = requisition AND o.kind = 'requisition');
END
$$;


--
-- Name: set_geometry_type(regclass, name, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.set_geometry_type(tbl regclass, col name, geometry_type text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE geometry(%s, %s)', tbl, col, geometry_type, camreq.storage_srid());
END
$$;


--
-- Name: set_requisition_status(bigint, text, text, text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.set_requisition_status(requisition bigint, new_status text, note text, no_footage_reason text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
BEGIN
    PERFORM camreq.check_my_requisition(requisition);
    PERFORM set_config('camreq.status_note', coalesce(note, ''), true);
    UPDATE camreq.requisitions r SET status = new_status, no_footage_reason = set_requisition_status.no_footage_reason
    WHERE r.id = requisition;
    PERFORM set_config('camreq.status_note', '', true);
END
$$;


--
-- Name: split_address_number(text[]); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]) RETURNS record
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $_$
DECLARE
    at integer;
    after integer;
BEGIN
    words := tokens;
    FOR i IN 1 .. coalesce(array_length(tokens, 1), 0) LOOP
        CONTINUE WHEN tokens[i] !~ '^[0-9]{1,4}$';
        SELECT r.rep INTO rep FROM camreq.address_repetitions r WHERE r.written = tokens[i + 1];
        after := CASE WHEN rep IS NULL THEN i + 1 ELSE i + 2 END;
        IF i = 1 OR EXISTS (SELECT FROM camreq.address_abbreviations a
                            WHERE tokens[after] IN (a.abbreviation, a.expansion)) THEN
            at := i;
            EXIT;
        END IF;
        rep := NULL;
    END LOOP;
    IF at IS NOT NULL THEN
        numero := tokens[at]::integer;
        words := tokens[:at - 1] || tokens[after:];
    END IF;
END
$_$;


--
-- Name: statistics_scope(text); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.statistics_scope(only_unit text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
DECLARE
    caller_role text := (SELECT u.role FROM camreq.users u WHERE u.login = session_user);
BEGIN
    IF caller_role IS NULL OR caller_role NOT IN ('administrator', 'analyst') THEN
        RAISE EXCEPTION 'statistics are for analysts and administrators registered in camreq.users'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF only_unit IS NOT NULL AND caller_role <> 'administrator' THEN
        RAISE EXCEPTION 'UNIT: only administrators see the figures of one unit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN caller_role = 'administrator';
END
$$;


--
-- Name: storage_srid(); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.storage_srid() RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT srid FROM camreq.settings $$;


--
-- Name: users; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.users (
    login name NOT NULL,
    role text NOT NULL,
    unit text,
    granted_by name DEFAULT SESSION_USER NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "an investigator must have a unit" CHECK (((role <> 'investigator'::text) OR (unit IS NOT NULL))),
    CONSTRAINT "role must be administrator, analyst or investigator" CHECK ((role = ANY (ARRAY['administrator'::text, 'analyst'::text, 'investigator'::text]))),
    CONSTRAINT "unit must be at most 200 characters" CHECK ((length(unit) <= 200)),
    CONSTRAINT "unit must not be empty" CHECK ((btrim(unit) <> ''::text))
);


--
-- Name: TABLE users; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.users IS 'The logins of this database, their CamReq role and unit (written by camreq:grantuser)';


--
-- Name: visible_login(name); Type: FUNCTION; Schema: camreq; Owner: -
--

CREATE FUNCTION camreq.visible_login(login name) RETURNS camreq.users
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'camreq', 'pg_temp'
    AS $$
    SELECT u.* FROM camreq.users u
    WHERE u.login = visible_login.login
      AND (u.login = session_user
           OR EXISTS (SELECT FROM camreq.users a WHERE a.login = session_user AND a.role = 'administrator'))
$$;


--
-- Name: address_abbreviations; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.address_abbreviations (
    abbreviation text NOT NULL,
    expansion text NOT NULL
);


--
-- Name: TABLE address_abbreviations; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.address_abbreviations IS 'Abbreviated words of typed addresses and their full form, both folded';


--
-- Name: address_communes; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.address_communes (
    code_insee text NOT NULL,
    code_postal text NOT NULL,
    nom_commune text NOT NULL,
    words text NOT NULL
);


--
-- Name: TABLE address_communes; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.address_communes IS 'Communes of the imported addresses: postcode and folded name words';


--
-- Name: address_repetitions; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.address_repetitions (
    written text NOT NULL,
    rep text NOT NULL
);


--
-- Name: TABLE address_repetitions; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.address_repetitions IS 'Repetition indices as typed (b, t, bis…) and their BAN form';


--
-- Name: address_streets; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.address_streets (
    id bigint NOT NULL,
    code_insee text NOT NULL,
    code_postal text NOT NULL,
    nom_voie text NOT NULL,
    nom_commune text NOT NULL,
    search_text text NOT NULL,
    geom public.geometry(Point,2154) NOT NULL,
    label text GENERATED ALWAYS AS (((((nom_voie || ' '::text) || code_postal) || ' '::text) || nom_commune)) STORED,
    street_text text NOT NULL
);


--
-- Name: TABLE address_streets; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.address_streets IS 'Streets of the imported addresses: normalised name and commune, middle address';


--
-- Name: COLUMN address_streets.search_text; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.address_streets.search_text IS 'street_text and the commune''s words';


--
-- Name: COLUMN address_streets.geom; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.address_streets.geom IS 'The street''s middle address (median number): a point on the street';


--
-- Name: COLUMN address_streets.street_text; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.address_streets.street_text IS 'The street name''s folded words, abbreviations expanded';


--
-- Name: address_streets_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.address_streets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.address_streets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: addresses; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.addresses (
    id text NOT NULL,
    id_fantoir text,
    numero integer NOT NULL,
    rep text,
    rep_key text,
    nom_voie text NOT NULL,
    code_postal text NOT NULL,
    code_insee text NOT NULL,
    nom_commune text NOT NULL,
    nom_ancienne_commune text,
    type_position text,
    source_position text,
    certification_commune boolean,
    geom public.geometry(Point,2154) NOT NULL,
    label text GENERATED ALWAYS AS (((((((((numero)::text || COALESCE(rep, ''::text)) || ' '::text) || nom_voie) || ' '::text) || code_postal) || ' '::text) || nom_commune)) STORED,
    CONSTRAINT "code_insee must be 5 characters" CHECK ((length(code_insee) = 5)),
    CONSTRAINT "numero must be between 0 and 99999" CHECK (((numero >= 0) AND (numero <= 99999)))
);


--
-- Name: TABLE addresses; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.addresses IS 'Base Adresse Nationale addresses (camreq:importaddresses), label as the BAN writes it';


--
-- Name: audit_log; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.audit_log (
    id bigint NOT NULL,
    changed_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    changed_by name DEFAULT SESSION_USER NOT NULL,
    transaction_id bigint DEFAULT txid_current() NOT NULL,
    table_name text NOT NULL,
    operation text NOT NULL,
    row_id text,
    old_values jsonb,
    new_values jsonb,
    CONSTRAINT "operation must be INSERT, UPDATE or DELETE" CHECK ((operation = ANY (ARRAY['INSERT'::text, 'UPDATE'::text, 'DELETE'::text])))
);


--
-- Name: TABLE audit_log; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.audit_log IS 'Audit trail: who (the authenticated login) changed which row, when, from what to what';


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: camera_types; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.camera_types (
    camera_type text NOT NULL,
    label text NOT NULL,
    default_fov double precision NOT NULL,
    default_range_m double precision NOT NULL,
    always_disc boolean NOT NULL,
    label_fr text NOT NULL
);


--
-- Name: TABLE camera_types; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.camera_types IS 'Camera types, with the field of view drawn where angle or range is missing';


--
-- Name: COLUMN camera_types.label_fr; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.camera_types.label_fr IS 'Name of the type in French, as requisitions print it';


--
-- Name: cameras; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.cameras (
    id bigint NOT NULL,
    owner_id bigint NOT NULL,
    ref text,
    osm_id text,
    camera_type text DEFAULT 'fixed'::text NOT NULL,
    direction double precision,
    fov double precision,
    range_m double precision,
    height_m double precision,
    tilt double precision,
    retention_days integer DEFAULT 30 NOT NULL,
    recording_mode text DEFAULT 'continuous'::text NOT NULL,
    status text DEFAULT 'in_service'::text NOT NULL,
    public_space boolean DEFAULT true NOT NULL,
    authorisation_ref text,
    authorisation_expiry date,
    police_access boolean DEFAULT false NOT NULL,
    last_verified date,
    address text,
    notes text,
    geom public.geometry(Point,2154) NOT NULL,
    fov_geom public.geometry(Polygon,2154),
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    geog public.geography(Point,4326) GENERATED ALWAYS AS (camreq.geography_of(geom)) STORED,
    status_since timestamp with time zone DEFAULT now() NOT NULL,
    updated_at_paris timestamp without time zone GENERATED ALWAYS AS (timezone('Europe/Paris'::text, updated_at)) STORED,
    CONSTRAINT "camera position must not be empty" CHECK ((NOT public.st_isempty(geom))),
    CONSTRAINT "direction must be between 0 and 359 degrees" CHECK (((direction >= (0)::double precision) AND (direction < (360)::double precision))),
    CONSTRAINT "field of view must be between 1 and 360 degrees" CHECK (((fov >= (1)::double precision) AND (fov <= (360)::double precision))),
    CONSTRAINT "mount height must be positive (metres)" CHECK ((height_m > (0)::double precision)),
    CONSTRAINT "range must be positive (metres)" CHECK ((range_m > (0)::double precision)),
    CONSTRAINT "recording mode must be continuous, motion or scheduled" CHECK ((recording_mode = ANY (ARRAY['continuous'::text, 'motion'::text, 'scheduled'::text]))),
    CONSTRAINT "retention must be between 1 and 31 days" CHECK (((retention_days >= 1) AND (retention_days <= 31))),
    CONSTRAINT "status must be in_service, out_of_order or removed" CHECK ((status = ANY (ARRAY['in_service'::text, 'out_of_order'::text, 'removed'::text]))),
    CONSTRAINT "tilt must be between -90 and 90 degrees" CHECK (((tilt >= ('-90'::integer)::double precision) AND (tilt <= (90)::double precision)))
);


--
-- Name: TABLE cameras; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.cameras IS 'Video-protection cameras; fov_geom is kept by the database from the other fields';


--
-- Name: COLUMN cameras.direction; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.cameras.direction IS 'Degrees clockwise from true north; NULL when unknown (the field of view is then a disc)';


--
-- Name: COLUMN cameras.geog; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.cameras.geog IS 'The position on the WGS84 spheroid (kept from geom), for searches in true metres';


--
-- Name: COLUMN cameras.status_since; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.cameras.status_since IS 'When the camera''s status last changed, kept by the database';


--
-- Name: COLUMN cameras.updated_at_paris; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.cameras.updated_at_paris IS 'updated_at as a Europe/Paris local time (kept by the database)';


--
-- Name: cameras_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

CREATE SEQUENCE camreq.cameras_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: cameras_id_seq; Type: SEQUENCE OWNED BY; Schema: camreq; Owner: -
--

ALTER SEQUENCE camreq.cameras_id_seq OWNED BY camreq.cameras.id;


--
-- Name: no_footage_reasons; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.no_footage_reasons (
    reason text NOT NULL,
    sort_order integer NOT NULL
);


--
-- Name: TABLE no_footage_reasons; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.no_footage_reasons IS 'Why an owner has no footage for a requisition';


--
-- Name: owners; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.owners (
    id bigint NOT NULL,
    name text NOT NULL,
    kind text DEFAULT 'private'::text NOT NULL,
    email text,
    phone text,
    address text,
    response_days integer,
    notes text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at_paris timestamp without time zone GENERATED ALWAYS AS (timezone('Europe/Paris'::text, updated_at)) STORED,
    CONSTRAINT "kind: metropolis city departement transport landlord private" CHECK ((kind = ANY (ARRAY['metropolis'::text, 'city'::text, 'departement'::text, 'transport'::text, 'landlord'::text, 'private'::text]))),
    CONSTRAINT "owner e-mail must look like name@domain" CHECK (((email IS NULL) OR (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
    CONSTRAINT "owner name must not be empty" CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT "owner response time must be 0 days or more" CHECK ((response_days >= 0))
);


--
-- Name: TABLE owners; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.owners IS 'Camera owners and where their requisitions go';


--
-- Name: COLUMN owners.updated_at_paris; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.owners.updated_at_paris IS 'updated_at as a Europe/Paris local time (kept by the database)';


--
-- Name: owners_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

CREATE SEQUENCE camreq.owners_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: owners_id_seq; Type: SEQUENCE OWNED BY; Schema: camreq; Owner: -
--

ALTER SEQUENCE camreq.owners_id_seq OWNED BY camreq.owners.id;


--
-- Name: portal_answers; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.portal_answers (
    requisition_camera_id bigint NOT NULL,
    answer text NOT NULL,
    no_footage_reason text,
    refusal_reason text,
    answered_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "a no-footage answer has a reason, and only it" CHECK (((answer = 'no_footage'::text) = (no_footage_reason IS NOT NULL))),
    CONSTRAINT "a refusal has a reason of 1 to 2000 characters, and only it" CHECK ((((answer = 'refused'::text) = (refusal_reason IS NOT NULL)) AND ((length(btrim(refusal_reason)) >= 1) AND (length(btrim(refusal_reason)) <= 2000)))),
    CONSTRAINT "answer must be deposited, no_footage or refused" CHECK ((answer = ANY (ARRAY['deposited'::text, 'no_footage'::text, 'refused'::text])))
);

ALTER TABLE ONLY camreq.portal_answers FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE portal_answers; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.portal_answers IS 'The owner''s answer per camera window, given through the portal';


--
-- Name: portal_deposits; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.portal_deposits (
    id bigint NOT NULL,
    requisition_camera_id bigint NOT NULL,
    upload_id text NOT NULL,
    file_name text NOT NULL,
    size bigint NOT NULL,
    sha256 text,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    scan_result text DEFAULT 'not_scanned'::text NOT NULL,
    scan_detail text,
    deleted_at timestamp with time zone,
    CONSTRAINT "a finished deposit has its SHA-256" CHECK (((finished_at IS NULL) = (sha256 IS NULL))),
    CONSTRAINT "deposit SHA-256 must be 64 hexadecimal digits" CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT "deposit file name must be 1 to 200 characters" CHECK (((length(file_name) >= 1) AND (length(file_name) <= 200))),
    CONSTRAINT "deposit size must not be negative" CHECK ((size >= 0)),
    CONSTRAINT "scan detail must be at most 500 characters" CHECK ((length(scan_detail) <= 500)),
    CONSTRAINT "scan result must be not_scanned, clean or infected" CHECK ((scan_result = ANY (ARRAY['not_scanned'::text, 'clean'::text, 'infected'::text]))),
    CONSTRAINT "upload id must be 32 hexadecimal digits" CHECK ((upload_id ~ '^[0-9a-f]{32}$'::text))
);

ALTER TABLE ONLY camreq.portal_deposits FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE portal_deposits; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.portal_deposits IS 'Files deposited through the portal: name as given (sanitised), size, SHA-256, scan, deletion after retention';


--
-- Name: portal_deposits_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.portal_deposits ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.portal_deposits_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: portal_fetch_tokens; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.portal_fetch_tokens (
    token_sha256 text NOT NULL,
    requisition_id bigint NOT NULL,
    created_by name DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '00:15:00'::interval) NOT NULL,
    CONSTRAINT "fetch token hash must be 64 hexadecimal digits" CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text))
);

ALTER TABLE ONLY camreq.portal_fetch_tokens FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE portal_fetch_tokens; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.portal_fetch_tokens IS 'Fetch tokens (SHA-256) given to a login of the requisition''s unit, 15 minutes';


--
-- Name: requisition_cameras_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_cameras ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisition_cameras_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requisition_counters; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_counters (
    unit text NOT NULL,
    year integer NOT NULL,
    last_number integer DEFAULT 0 NOT NULL
);


--
-- Name: TABLE requisition_counters; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_counters IS 'Last requisition number given per unit and year (numbers are gapless)';


--
-- Name: requisition_documents; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_documents (
    id bigint NOT NULL,
    requisition_id bigint NOT NULL,
    issued boolean NOT NULL,
    file_name text NOT NULL,
    pdf bytea NOT NULL,
    sha256 text GENERATED ALWAYS AS (encode(sha256(pdf), 'hex'::text)) STORED NOT NULL,
    created_by name DEFAULT CURRENT_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "a requisition document must be a PDF" CHECK ((SUBSTRING(pdf FROM 1 FOR 5) = '\x255044462d'::bytea)),
    CONSTRAINT "document file name must be letters, digits, . - or _ ending .pd" CHECK ((file_name ~ '^[A-Za-z0-9_.-]{1,76}\.pdf$'::text))
);

ALTER TABLE ONLY camreq.requisition_documents FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE requisition_documents; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_documents IS 'PDFs of requisitions as rendered; issued = the document of the issuing transaction, the one sent; never changed';


--
-- Name: COLUMN requisition_documents.sha256; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.requisition_documents.sha256 IS 'SHA-256 of pdf, hexadecimal, computed by the database';


--
-- Name: requisition_documents_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_documents ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisition_documents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requisition_outbox_attempts_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_outbox_attempts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisition_outbox_attempts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requisition_outbox_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisition_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requisition_status_history_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_status_history ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisition_status_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: requisition_statuses; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_statuses (
    status text NOT NULL,
    label text NOT NULL,
    is_open boolean NOT NULL,
    sort_order integer NOT NULL
);


--
-- Name: TABLE requisition_statuses; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_statuses IS 'Requisition statuses; open ones still wait for an answer';


--
-- Name: requisition_transitions; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.requisition_transitions (
    from_status text NOT NULL,
    to_status text NOT NULL
);


--
-- Name: TABLE requisition_transitions; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.requisition_transitions IS 'Allowed status changes; any other change is refused';


--
-- Name: requisitions_due_soon; Type: VIEW; Schema: camreq; Owner: -
--

CREATE VIEW camreq.requisitions_due_soon WITH (security_invoker='true') AS
 SELECT r.id,
    r.number,
    r.unit,
    r.case_number,
    o.name AS owner_name,
    o.email AS owner_email,
    o.phone AS owner_phone,
    r.status,
    r.purge_deadline,
    (r.purge_deadline - now()) AS time_left,
    (r.purge_deadline <= now()) AS purged
   FROM ((camreq.my_requisitions() r(id, number, year, unit, officer_name, officer_rank, officer_email, officer_phone, case_number, investigation, authorisation_ref, owner_id, search_id, answer_deadline, delivery, status, purge_deadline, pdf_path, created_by, created_at, issued_at, no_footage_reason)
     JOIN camreq.owners o ON ((o.id = r.owner_id)))
     JOIN camreq.requisition_statuses s ON ((s.status = r.status)))
  WHERE (s.is_open AND (r.purge_deadline <= (now() + '48:00:00'::interval)))
  ORDER BY r.purge_deadline;


--
-- Name: VIEW requisitions_due_soon; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON VIEW camreq.requisitions_due_soon IS 'Open requisitions whose footage is purged within 48 hours, most urgent first';


--
-- Name: requisitions_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisitions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.requisitions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_version; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.schema_version (
    version integer NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE schema_version; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.schema_version IS 'One row per applied migration; the highest is the schema version';


--
-- Name: search_statistics; Type: VIEW; Schema: camreq; Owner: -
--

CREATE VIEW camreq.search_statistics AS
 SELECT to_char((searches.searched_at AT TIME ZONE 'Europe/Paris'::text), 'YYYY-MM'::text) AS month,
    count(*) AS searches,
    sum(searches.incident_count) AS incidents,
    sum(searches.result_count) AS cameras_found
   FROM camreq.searches
  GROUP BY (to_char((searches.searched_at AT TIME ZONE 'Europe/Paris'::text), 'YYYY-MM'::text));


--
-- Name: VIEW search_statistics; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON VIEW camreq.search_statistics IS 'Searches per month (Europe/Paris), for analysts';


--
-- Name: searches_id_seq; Type: SEQUENCE; Schema: camreq; Owner: -
--

ALTER TABLE camreq.searches ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME camreq.searches_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: settings; Type: TABLE; Schema: camreq; Owner: -
--

CREATE TABLE camreq.settings (
    singleton boolean DEFAULT true NOT NULL,
    srid integer NOT NULL,
    signing_policy text DEFAULT 'optional'::text NOT NULL,
    portal_public_url text,
    portal_link_days_after_purge integer DEFAULT 30 NOT NULL,
    portal_deposit_limit_bytes bigint DEFAULT '53687091200'::bigint NOT NULL,
    footage_retention_days integer DEFAULT 90 NOT NULL,
    CONSTRAINT "footage retention must be between 1 and 3650 days" CHECK (((footage_retention_days >= 1) AND (footage_retention_days <= 3650))),
    CONSTRAINT "portal deposit limit must be positive" CHECK ((portal_deposit_limit_bytes > 0)),
    CONSTRAINT "portal link days after purge must be between 0 and 365" CHECK (((portal_link_days_after_purge >= 0) AND (portal_link_days_after_purge <= 365))),
    CONSTRAINT "portal public URL must be http(s)://host[/path] without a trail" CHECK ((portal_public_url ~ '^https?://[A-Za-z0-9.:\[\]-]+(/[A-Za-z0-9._~%-]+)*$'::text)),
    CONSTRAINT settings_singleton_check CHECK (singleton),
    CONSTRAINT "signing policy must be optional or required" CHECK ((signing_policy = ANY (ARRAY['optional'::text, 'required'::text])))
);


--
-- Name: TABLE settings; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON TABLE camreq.settings IS 'Database-wide settings chosen at install (one row)';


--
-- Name: COLUMN settings.signing_policy; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.settings.signing_policy IS 'optional: issued PDFs are signed when a certificate is configured; required: issuing without one is refused';


--
-- Name: COLUMN settings.portal_public_url; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.settings.portal_public_url IS 'Public address of the owner portal (links are <url>/r/<token>); NULL: no portal';


--
-- Name: COLUMN settings.footage_retention_days; Type: COMMENT; Schema: camreq; Owner: -
--

COMMENT ON COLUMN camreq.settings.footage_retention_days IS 'Deposited footage is deleted this many days after its requisition is closed';


--
-- Name: cameras id; Type: DEFAULT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras ALTER COLUMN id SET DEFAULT nextval('camreq.cameras_id_seq'::regclass);


--
-- Name: owners id; Type: DEFAULT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.owners ALTER COLUMN id SET DEFAULT nextval('camreq.owners_id_seq'::regclass);


--
-- Name: requisition_cameras a camera is asked once per requisition and time window; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_cameras
    ADD CONSTRAINT "a camera is asked once per requisition and time window" UNIQUE (requisition_id, camera_id, window_start, window_end);


--
-- Name: address_abbreviations address_abbreviations_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.address_abbreviations
    ADD CONSTRAINT address_abbreviations_pkey PRIMARY KEY (abbreviation);


--
-- Name: address_communes address_communes_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.address_communes
    ADD CONSTRAINT address_communes_pkey PRIMARY KEY (code_insee, code_postal);


--
-- Name: address_repetitions address_repetitions_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.address_repetitions
    ADD CONSTRAINT address_repetitions_pkey PRIMARY KEY (written);


--
-- Name: address_streets address_streets_code_insee_code_postal_nom_voie_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.address_streets
    ADD CONSTRAINT address_streets_code_insee_code_postal_nom_voie_key UNIQUE (code_insee, code_postal, nom_voie);


--
-- Name: address_streets address_streets_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.address_streets
    ADD CONSTRAINT address_streets_pkey PRIMARY KEY (id);


--
-- Name: addresses addresses_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.addresses
    ADD CONSTRAINT addresses_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: cameras camera OpenStreetMap id must be unique; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras
    ADD CONSTRAINT "camera OpenStreetMap id must be unique" UNIQUE (osm_id);


--
-- Name: cameras camera reference must be unique per owner; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras
    ADD CONSTRAINT "camera reference must be unique per owner" UNIQUE (owner_id, ref);


--
-- Name: camera_types camera_types_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.camera_types
    ADD CONSTRAINT camera_types_pkey PRIMARY KEY (camera_type);


--
-- Name: cameras cameras_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras
    ADD CONSTRAINT cameras_pkey PRIMARY KEY (id);


--
-- Name: no_footage_reasons no_footage_reasons_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.no_footage_reasons
    ADD CONSTRAINT no_footage_reasons_pkey PRIMARY KEY (reason);


--
-- Name: no_footage_reasons no_footage_reasons_sort_order_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.no_footage_reasons
    ADD CONSTRAINT no_footage_reasons_sort_order_key UNIQUE (sort_order);


--
-- Name: requisition_outbox one outbox message of each kind per requisition; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox
    ADD CONSTRAINT "one outbox message of each kind per requisition" UNIQUE (requisition_id, kind);


--
-- Name: owners owner e-mail must be one address such as name@example.org; Type: CHECK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE camreq.owners
    ADD CONSTRAINT "owner e-mail must be one address such as name@example.org" CHECK ((email ~ '^[^@\s<>(),;:"\[\]\\]+@[^@\s<>(),;:"\[\]\\]+\.[^@\s<>(),;:"\[\]\\.]+$'::text)) NOT VALID;


--
-- Name: owners owners_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.owners
    ADD CONSTRAINT owners_pkey PRIMARY KEY (id);


--
-- Name: portal_answers portal_answers_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_answers
    ADD CONSTRAINT portal_answers_pkey PRIMARY KEY (requisition_camera_id);


--
-- Name: portal_deposits portal_deposits_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_deposits
    ADD CONSTRAINT portal_deposits_pkey PRIMARY KEY (id);


--
-- Name: portal_deposits portal_deposits_upload_id_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_deposits
    ADD CONSTRAINT portal_deposits_upload_id_key UNIQUE (upload_id);


--
-- Name: portal_fetch_tokens portal_fetch_tokens_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_fetch_tokens
    ADD CONSTRAINT portal_fetch_tokens_pkey PRIMARY KEY (token_sha256);


--
-- Name: portal_links portal_links_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_links
    ADD CONSTRAINT portal_links_pkey PRIMARY KEY (requisition_id);


--
-- Name: portal_links portal_links_token_sha256_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_links
    ADD CONSTRAINT portal_links_token_sha256_key UNIQUE (token_sha256);


--
-- Name: requisitions requisition number must be unique per unit and year; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT "requisition number must be unique per unit and year" UNIQUE (unit, year, number);


--
-- Name: requisition_cameras requisition_cameras_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_cameras
    ADD CONSTRAINT requisition_cameras_pkey PRIMARY KEY (id);


--
-- Name: requisition_counters requisition_counters_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_counters
    ADD CONSTRAINT requisition_counters_pkey PRIMARY KEY (unit, year);


--
-- Name: requisition_documents requisition_documents_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_documents
    ADD CONSTRAINT requisition_documents_pkey PRIMARY KEY (id);


--
-- Name: requisition_outbox_attempts requisition_outbox_attempts_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox_attempts
    ADD CONSTRAINT requisition_outbox_attempts_pkey PRIMARY KEY (id);


--
-- Name: requisition_outbox requisition_outbox_message_id_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox
    ADD CONSTRAINT requisition_outbox_message_id_key UNIQUE (message_id);


--
-- Name: requisition_outbox requisition_outbox_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox
    ADD CONSTRAINT requisition_outbox_pkey PRIMARY KEY (id);


--
-- Name: requisition_status_history requisition_status_history_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_status_history
    ADD CONSTRAINT requisition_status_history_pkey PRIMARY KEY (id);


--
-- Name: requisition_statuses requisition_statuses_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_statuses
    ADD CONSTRAINT requisition_statuses_pkey PRIMARY KEY (status);


--
-- Name: requisition_statuses requisition_statuses_sort_order_key; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_statuses
    ADD CONSTRAINT requisition_statuses_sort_order_key UNIQUE (sort_order);


--
-- Name: requisition_transitions requisition_transitions_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_transitions
    ADD CONSTRAINT requisition_transitions_pkey PRIMARY KEY (from_status, to_status);


--
-- Name: requisitions requisitions_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT requisitions_pkey PRIMARY KEY (id);


--
-- Name: schema_version schema_version_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (version);


--
-- Name: search_incidents search_incidents_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.search_incidents
    ADD CONSTRAINT search_incidents_pkey PRIMARY KEY (search_id, incident_id);


--
-- Name: searches searches_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.searches
    ADD CONSTRAINT searches_pkey PRIMARY KEY (id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (singleton);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (login);


--
-- Name: address_communes_postcode_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX address_communes_postcode_idx ON camreq.address_communes USING btree (code_postal);


--
-- Name: address_communes_words_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX address_communes_words_idx ON camreq.address_communes USING btree (words);


--
-- Name: address_streets_search_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX address_streets_search_idx ON camreq.address_streets USING gin (search_text public.gin_trgm_ops);


--
-- Name: addresses_geom_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX addresses_geom_idx ON camreq.addresses USING gist (geom);


--
-- Name: addresses_street_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX addresses_street_idx ON camreq.addresses USING btree (code_insee, code_postal, nom_voie, numero);


--
-- Name: audit_log_row_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX audit_log_row_idx ON camreq.audit_log USING btree (table_name, row_id);


--
-- Name: cameras_fov_geom_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX cameras_fov_geom_idx ON camreq.cameras USING gist (fov_geom);


--
-- Name: cameras_geography_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX cameras_geography_idx ON camreq.cameras USING gist (geog);


--
-- Name: cameras_geom_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX cameras_geom_idx ON camreq.cameras USING gist (geom);


--
-- Name: cameras_owner_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX cameras_owner_idx ON camreq.cameras USING btree (owner_id);


--
-- Name: owners_name_key; Type: INDEX; Schema: camreq; Owner: -
--

CREATE UNIQUE INDEX owners_name_key ON camreq.owners USING btree (lower(name));


--
-- Name: portal_deposits_camera_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX portal_deposits_camera_idx ON camreq.portal_deposits USING btree (requisition_camera_id);


--
-- Name: requisition_cameras_camera_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisition_cameras_camera_idx ON camreq.requisition_cameras USING btree (camera_id);


--
-- Name: requisition_documents_one_issued_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE UNIQUE INDEX requisition_documents_one_issued_idx ON camreq.requisition_documents USING btree (requisition_id) WHERE issued;


--
-- Name: requisition_outbox_attempts_outbox_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisition_outbox_attempts_outbox_idx ON camreq.requisition_outbox_attempts USING btree (outbox_id);


--
-- Name: requisition_outbox_pending_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisition_outbox_pending_idx ON camreq.requisition_outbox USING btree (id) WHERE (status = 'pending'::text);


--
-- Name: requisition_status_history_requisition_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisition_status_history_requisition_idx ON camreq.requisition_status_history USING btree (requisition_id);


--
-- Name: requisitions_open_purge_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisitions_open_purge_idx ON camreq.requisitions USING btree (purge_deadline) WHERE (status = ANY (ARRAY['draft'::text, 'issued'::text, 'sent'::text, 'acknowledged'::text]));


--
-- Name: requisitions_owner_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX requisitions_owner_idx ON camreq.requisitions USING btree (owner_id);


--
-- Name: searches_searched_at_idx; Type: INDEX; Schema: camreq; Owner: -
--

CREATE INDEX searches_searched_at_idx ON camreq.searches USING btree (searched_at);


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON camreq.audit_log FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();


--
-- Name: camera_types camera_types_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER camera_types_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.camera_types FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('camera_type');


--
-- Name: cameras cameras_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER cameras_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.cameras FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: cameras cameras_before_write; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER cameras_before_write BEFORE INSERT OR UPDATE ON camreq.cameras FOR EACH ROW EXECUTE FUNCTION camreq.cameras_before_write();


--
-- Name: cameras cameras_status_since; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER cameras_status_since BEFORE INSERT OR UPDATE ON camreq.cameras FOR EACH ROW EXECUTE FUNCTION camreq.cameras_status_since();


--
-- Name: owners owners_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER owners_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.owners FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: owners owners_before_update; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER owners_before_update BEFORE UPDATE ON camreq.owners FOR EACH ROW EXECUTE FUNCTION camreq.owners_before_update();


--
-- Name: portal_answers portal_answers_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_answers_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.portal_answers FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('requisition_camera_id');


--
-- Name: portal_answers portal_answers_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_answers_no_truncate BEFORE TRUNCATE ON camreq.portal_answers FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: portal_deposits portal_deposits_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_deposits_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.portal_deposits FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: portal_deposits portal_deposits_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_deposits_no_truncate BEFORE TRUNCATE ON camreq.portal_deposits FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: portal_fetch_tokens portal_fetch_tokens_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_fetch_tokens_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.portal_fetch_tokens FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('requisition_id');


--
-- Name: portal_fetch_tokens portal_fetch_tokens_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_fetch_tokens_no_truncate BEFORE TRUNCATE ON camreq.portal_fetch_tokens FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: portal_links portal_links_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_links_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.portal_links FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('requisition_id');


--
-- Name: portal_links portal_links_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_links_before_insert BEFORE INSERT ON camreq.portal_links FOR EACH ROW EXECUTE FUNCTION camreq.portal_links_before_insert();


--
-- Name: portal_links portal_links_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER portal_links_no_truncate BEFORE TRUNCATE ON camreq.portal_links FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: requisition_cameras requisition_cameras_after_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_cameras_after_insert AFTER INSERT ON camreq.requisition_cameras REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camreq.requisition_cameras_after_insert();


--
-- Name: requisition_cameras requisition_cameras_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_cameras_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.requisition_cameras FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: requisition_cameras requisition_cameras_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_cameras_no_truncate BEFORE TRUNCATE ON camreq.requisition_cameras FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: requisition_documents requisition_documents_append_only; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_documents_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON camreq.requisition_documents FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();


--
-- Name: requisition_documents requisition_documents_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_documents_before_insert BEFORE INSERT ON camreq.requisition_documents FOR EACH ROW EXECUTE FUNCTION camreq.requisition_documents_before_insert();


--
-- Name: requisition_outbox_attempts requisition_outbox_attempts_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_attempts_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.requisition_outbox_attempts FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: requisition_outbox_attempts requisition_outbox_attempts_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_attempts_no_truncate BEFORE TRUNCATE ON camreq.requisition_outbox_attempts FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: requisition_outbox requisition_outbox_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.requisition_outbox FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: requisition_outbox requisition_outbox_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_before_insert BEFORE INSERT ON camreq.requisition_outbox FOR EACH ROW EXECUTE FUNCTION camreq.requisition_outbox_before_insert();


--
-- Name: requisition_outbox requisition_outbox_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_no_truncate BEFORE TRUNCATE ON camreq.requisition_outbox FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: requisition_outbox requisition_outbox_portal_link; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_outbox_portal_link BEFORE UPDATE OF portal_link ON camreq.requisition_outbox FOR EACH ROW WHEN ((old.portal_link IS DISTINCT FROM new.portal_link)) EXECUTE FUNCTION camreq.requisition_outbox_portal_link();


--
-- Name: requisition_status_history requisition_status_history_append_only; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_status_history_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON camreq.requisition_status_history FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();


--
-- Name: requisition_status_history requisition_status_history_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisition_status_history_before_insert BEFORE INSERT ON camreq.requisition_status_history FOR EACH ROW EXECUTE FUNCTION camreq.requisition_status_history_before_insert();


--
-- Name: requisitions requisitions_after_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_after_insert AFTER INSERT ON camreq.requisitions FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_after_status_change();


--
-- Name: requisitions requisitions_after_status_change; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_after_status_change AFTER UPDATE OF status ON camreq.requisitions FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION camreq.requisitions_after_status_change();


--
-- Name: requisitions requisitions_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.requisitions FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');


--
-- Name: requisitions requisitions_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_before_insert BEFORE INSERT ON camreq.requisitions FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_before_insert();


--
-- Name: requisitions requisitions_before_status_change; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_before_status_change BEFORE UPDATE OF status ON camreq.requisitions FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION camreq.requisitions_before_status_change();


--
-- Name: requisitions requisitions_before_update; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_before_update BEFORE UPDATE ON camreq.requisitions FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_before_update();


--
-- Name: requisitions requisitions_no_truncate; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_no_truncate BEFORE TRUNCATE ON camreq.requisitions FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate();


--
-- Name: requisitions requisitions_number_on_issue; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_number_on_issue BEFORE UPDATE OF status ON camreq.requisitions FOR EACH ROW WHEN (((old.status = 'draft'::text) AND (new.status = 'issued'::text))) EXECUTE FUNCTION camreq.number_requisition();


--
-- Name: requisitions requisitions_queue_on_issue; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER requisitions_queue_on_issue AFTER UPDATE OF status ON camreq.requisitions FOR EACH ROW WHEN (((old.status = 'draft'::text) AND (new.status = 'issued'::text))) EXECUTE FUNCTION camreq.requisitions_queue_on_issue();


--
-- Name: search_incidents search_incidents_append_only; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER search_incidents_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON camreq.search_incidents FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();


--
-- Name: searches searches_append_only; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER searches_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON camreq.searches FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();


--
-- Name: searches searches_before_insert; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER searches_before_insert BEFORE INSERT ON camreq.searches FOR EACH ROW EXECUTE FUNCTION camreq.searches_before_insert();


--
-- Name: users users_audit; Type: TRIGGER; Schema: camreq; Owner: -
--

CREATE TRIGGER users_audit AFTER INSERT OR DELETE OR UPDATE ON camreq.users FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('login');


--
-- Name: cameras camera must have an owner from the directory; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras
    ADD CONSTRAINT "camera must have an owner from the directory" FOREIGN KEY (owner_id) REFERENCES camreq.owners(id) ON DELETE RESTRICT;


--
-- Name: cameras camera type must be fixed, dome, ptz or anpr; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.cameras
    ADD CONSTRAINT "camera type must be fixed, dome, ptz or anpr" FOREIGN KEY (camera_type) REFERENCES camreq.camera_types(camera_type);


--
-- Name: requisitions no-footage reason must be one of camreq.no_footage_reasons; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT "no-footage reason must be one of camreq.no_footage_reasons" FOREIGN KEY (no_footage_reason) REFERENCES camreq.no_footage_reasons(reason);


--
-- Name: portal_answers portal_answers_no_footage_reason_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_answers
    ADD CONSTRAINT portal_answers_no_footage_reason_fkey FOREIGN KEY (no_footage_reason) REFERENCES camreq.no_footage_reasons(reason);


--
-- Name: portal_answers portal_answers_requisition_camera_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_answers
    ADD CONSTRAINT portal_answers_requisition_camera_id_fkey FOREIGN KEY (requisition_camera_id) REFERENCES camreq.requisition_cameras(id) ON DELETE RESTRICT;


--
-- Name: portal_deposits portal_deposits_requisition_camera_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_deposits
    ADD CONSTRAINT portal_deposits_requisition_camera_id_fkey FOREIGN KEY (requisition_camera_id) REFERENCES camreq.requisition_cameras(id) ON DELETE RESTRICT;


--
-- Name: portal_fetch_tokens portal_fetch_tokens_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_fetch_tokens
    ADD CONSTRAINT portal_fetch_tokens_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: portal_links portal_links_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.portal_links
    ADD CONSTRAINT portal_links_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: requisition_cameras requisition camera must be in the registry; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_cameras
    ADD CONSTRAINT "requisition camera must be in the registry" FOREIGN KEY (camera_id) REFERENCES camreq.cameras(id) ON DELETE RESTRICT;


--
-- Name: requisition_cameras requisition camera search must be in the consultation log; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_cameras
    ADD CONSTRAINT "requisition camera search must be in the consultation log" FOREIGN KEY (search_id) REFERENCES camreq.searches(id) ON DELETE RESTRICT;


--
-- Name: requisitions requisition owner must be in the owners directory; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT "requisition owner must be in the owners directory" FOREIGN KEY (owner_id) REFERENCES camreq.owners(id) ON DELETE RESTRICT;


--
-- Name: requisitions requisition search must be in the consultation log; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT "requisition search must be in the consultation log" FOREIGN KEY (search_id) REFERENCES camreq.searches(id) ON DELETE RESTRICT;


--
-- Name: requisitions requisition status must be one of camreq.requisition_statuses; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisitions
    ADD CONSTRAINT "requisition status must be one of camreq.requisition_statuses" FOREIGN KEY (status) REFERENCES camreq.requisition_statuses(status);


--
-- Name: requisition_cameras requisition_cameras_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_cameras
    ADD CONSTRAINT requisition_cameras_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: requisition_documents requisition_documents_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_documents
    ADD CONSTRAINT requisition_documents_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: requisition_outbox_attempts requisition_outbox_attempts_outbox_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox_attempts
    ADD CONSTRAINT requisition_outbox_attempts_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES camreq.requisition_outbox(id) ON DELETE RESTRICT;


--
-- Name: requisition_outbox requisition_outbox_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_outbox
    ADD CONSTRAINT requisition_outbox_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: requisition_status_history requisition_status_history_from_status_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_status_history
    ADD CONSTRAINT requisition_status_history_from_status_fkey FOREIGN KEY (from_status) REFERENCES camreq.requisition_statuses(status);


--
-- Name: requisition_status_history requisition_status_history_requisition_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_status_history
    ADD CONSTRAINT requisition_status_history_requisition_id_fkey FOREIGN KEY (requisition_id) REFERENCES camreq.requisitions(id) ON DELETE RESTRICT;


--
-- Name: requisition_status_history requisition_status_history_to_status_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_status_history
    ADD CONSTRAINT requisition_status_history_to_status_fkey FOREIGN KEY (to_status) REFERENCES camreq.requisition_statuses(status);


--
-- Name: requisition_transitions requisition_transitions_from_status_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_transitions
    ADD CONSTRAINT requisition_transitions_from_status_fkey FOREIGN KEY (from_status) REFERENCES camreq.requisition_statuses(status);


--
-- Name: requisition_transitions requisition_transitions_to_status_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.requisition_transitions
    ADD CONSTRAINT requisition_transitions_to_status_fkey FOREIGN KEY (to_status) REFERENCES camreq.requisition_statuses(status);


--
-- Name: search_incidents search_incidents_search_id_fkey; Type: FK CONSTRAINT; Schema: camreq; Owner: -
--

ALTER TABLE ONLY camreq.search_incidents
    ADD CONSTRAINT search_incidents_search_id_fkey FOREIGN KEY (search_id) REFERENCES camreq.searches(id) ON DELETE RESTRICT;


--
-- Name: audit_log; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log audit_log_read_by_administrators; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY audit_log_read_by_administrators ON camreq.audit_log FOR SELECT TO camreq_admin USING (( SELECT camreq.is_administrator() AS is_administrator));


--
-- Name: portal_answers; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.portal_answers ENABLE ROW LEVEL SECURITY;

--
-- Name: portal_answers portal_answers_kept_by_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY portal_answers_kept_by_the_portal ON camreq.portal_answers TO camreq_owner_portal USING (true);


--
-- Name: portal_deposits; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.portal_deposits ENABLE ROW LEVEL SECURITY;

--
-- Name: portal_deposits portal_deposits_kept_by_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY portal_deposits_kept_by_the_portal ON camreq.portal_deposits TO camreq_owner_portal USING (true);


--
-- Name: portal_fetch_tokens; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.portal_fetch_tokens ENABLE ROW LEVEL SECURITY;

--
-- Name: portal_fetch_tokens portal_fetch_tokens_kept_by_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY portal_fetch_tokens_kept_by_the_portal ON camreq.portal_fetch_tokens TO camreq_owner_portal USING (true);


--
-- Name: portal_links; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.portal_links ENABLE ROW LEVEL SECURITY;

--
-- Name: portal_links portal_links_kept_by_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY portal_links_kept_by_the_portal ON camreq.portal_links TO camreq_owner_portal USING (true);


--
-- Name: portal_links portal_links_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY portal_links_served ON camreq.portal_links TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_cameras; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_cameras ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_cameras requisition_cameras_counted; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_cameras_counted ON camreq.requisition_cameras FOR SELECT TO camreq_statistics USING (true);


--
-- Name: requisition_cameras requisition_cameras_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_cameras_served ON camreq.requisition_cameras TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_cameras requisition_cameras_through_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_cameras_through_the_portal ON camreq.requisition_cameras FOR SELECT TO camreq_owner_portal USING (true);


--
-- Name: requisition_counters; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_counters ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_documents; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_documents ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_documents requisition_documents_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_documents_served ON camreq.requisition_documents TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_documents requisition_documents_through_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_documents_through_the_portal ON camreq.requisition_documents FOR SELECT TO camreq_owner_portal USING (true);


--
-- Name: requisition_outbox; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_outbox ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_outbox_attempts; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_outbox_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_outbox_attempts requisition_outbox_attempts_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_outbox_attempts_served ON camreq.requisition_outbox_attempts TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_outbox requisition_outbox_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_outbox_served ON camreq.requisition_outbox TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_outbox requisition_outbox_through_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_outbox_through_the_portal ON camreq.requisition_outbox TO camreq_owner_portal USING (true) WITH CHECK ((kind <> 'requisition'::text));


--
-- Name: requisition_status_history; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisition_status_history ENABLE ROW LEVEL SECURITY;

--
-- Name: requisition_status_history requisition_status_history_counted; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_status_history_counted ON camreq.requisition_status_history FOR SELECT TO camreq_statistics USING (true);


--
-- Name: requisition_status_history requisition_status_history_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_status_history_served ON camreq.requisition_status_history TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisition_status_history requisition_status_history_through_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisition_status_history_through_the_portal ON camreq.requisition_status_history TO camreq_owner_portal USING (true) WITH CHECK ((changed_by = SESSION_USER));


--
-- Name: requisitions; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.requisitions ENABLE ROW LEVEL SECURITY;

--
-- Name: requisitions requisitions_counted; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisitions_counted ON camreq.requisitions FOR SELECT TO camreq_statistics USING (true);


--
-- Name: requisitions requisitions_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisitions_served ON camreq.requisitions TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: requisitions requisitions_through_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY requisitions_through_the_portal ON camreq.requisitions TO camreq_owner_portal USING (true);


--
-- Name: search_incidents; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.search_incidents ENABLE ROW LEVEL SECURITY;

--
-- Name: search_incidents search_incidents_counted; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY search_incidents_counted ON camreq.search_incidents FOR SELECT TO camreq_statistics USING (true);


--
-- Name: search_incidents search_incidents_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY search_incidents_served ON camreq.search_incidents TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: searches; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.searches ENABLE ROW LEVEL SECURITY;

--
-- Name: searches searches_counted; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY searches_counted ON camreq.searches FOR SELECT TO camreq_statistics USING (true);


--
-- Name: searches searches_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY searches_served ON camreq.searches TO camreq_private USING (true) WITH CHECK (true);


--
-- Name: users; Type: ROW SECURITY; Schema: camreq; Owner: -
--

ALTER TABLE camreq.users ENABLE ROW LEVEL SECURITY;

--
-- Name: users users_managed_by_administrators; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY users_managed_by_administrators ON camreq.users TO camreq_admin USING (( SELECT camreq.is_administrator() AS is_administrator)) WITH CHECK (( SELECT camreq.is_administrator() AS is_administrator));


--
-- Name: users users_read_by_statistics; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY users_read_by_statistics ON camreq.users FOR SELECT TO camreq_statistics USING (true);


--
-- Name: users users_read_by_the_portal; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY users_read_by_the_portal ON camreq.users FOR SELECT TO camreq_owner_portal USING (true);


--
-- Name: users users_served; Type: POLICY; Schema: camreq; Owner: -
--

CREATE POLICY users_served ON camreq.users FOR SELECT TO camreq_private USING (true);


--
-- Name: SCHEMA camreq; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA camreq TO camreq_admin;
GRANT USAGE ON SCHEMA camreq TO camreq_analyst;
GRANT USAGE ON SCHEMA camreq TO camreq_investigator;
GRANT USAGE ON SCHEMA camreq TO camreq_statistics;
GRANT USAGE ON SCHEMA camreq TO camreq_owner_portal;
GRANT USAGE ON SCHEMA camreq TO camreq_portal;
GRANT USAGE ON SCHEMA camreq TO camreq_private;


--
-- Name: FUNCTION add_portal_link(requisition bigint, token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.add_portal_link(requisition bigint, token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.add_portal_link(requisition bigint, token text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.add_portal_link(requisition bigint, token text) TO camreq_investigator;


--
-- Name: FUNCTION add_requisition_cameras(requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamp with time zone[], window_ends timestamp with time zone[], purge_ats timestamp with time zone[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.add_requisition_cameras(requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamp with time zone[], window_ends timestamp with time zone[], purge_ats timestamp with time zone[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.add_requisition_cameras(requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamp with time zone[], window_ends timestamp with time zone[], purge_ats timestamp with time zone[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.add_requisition_cameras(requisition bigint, camera_ids bigint[], search_ids bigint[], incident_ids text[], window_starts timestamp with time zone[], window_ends timestamp with time zone[], purge_ats timestamp with time zone[]) TO camreq_investigator;


--
-- Name: FUNCTION add_requisition_document(requisition bigint, file_name text, pdf bytea); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.add_requisition_document(requisition bigint, file_name text, pdf bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.add_requisition_document(requisition bigint, file_name text, pdf bytea) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.add_requisition_document(requisition bigint, file_name text, pdf bytea) TO camreq_investigator;


--
-- Name: FUNCTION address_query_communes(typed_words text, typed_postcode text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text) TO camreq_investigator;


--
-- Name: FUNCTION address_tokens(input text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.address_tokens(input text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.address_tokens(input text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.address_tokens(input text) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.address_tokens(input text) TO camreq_investigator;


--
-- Name: FUNCTION audit_row(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.audit_row() FROM PUBLIC;


--
-- Name: FUNCTION caller_may_follow(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.caller_may_follow(requisition bigint) FROM PUBLIC;


--
-- Name: FUNCTION check_my_requisition(requisition bigint, draft boolean); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.check_my_requisition(requisition bigint, draft boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.check_my_requisition(requisition bigint, draft boolean) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.check_my_requisition(requisition bigint, draft boolean) TO camreq_investigator;


--
-- Name: FUNCTION claim_outbox_message(smtp_server text, skip bigint[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.claim_outbox_message(smtp_server text, skip bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.claim_outbox_message(smtp_server text, skip bigint[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.claim_outbox_message(smtp_server text, skip bigint[]) TO camreq_investigator;


--
-- Name: FUNCTION clock_statistics(from_day date, to_day date, only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.clock_statistics(from_day date, to_day date, only_unit text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.clock_statistics(from_day date, to_day date, only_unit text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.clock_statistics(from_day date, to_day date, only_unit text) TO camreq_analyst;


--
-- Name: FUNCTION create_requisition(unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text, investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamp with time zone, delivery text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.create_requisition(unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text, investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamp with time zone, delivery text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.create_requisition(unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text, investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamp with time zone, delivery text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.create_requisition(unit text, officer_name text, officer_rank text, officer_email text, officer_phone text, case_number text, investigation text, authorisation_ref text, owner_id bigint, search_id bigint, answer_deadline timestamp with time zone, delivery text) TO camreq_investigator;


--
-- Name: FUNCTION drop_address_indexes(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.drop_address_indexes() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.drop_address_indexes() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.drop_address_indexes() TO camreq_analyst;


--
-- Name: FUNCTION finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.finish_outbox_attempt(attempt bigint, attempt_outcome text, code integer, answer text) TO camreq_investigator;


--
-- Name: FUNCTION fold(input text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.fold(input text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.fold(input text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.fold(input text) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.fold(input text) TO camreq_investigator;


--
-- Name: FUNCTION grant_role(login name, camreq_role text, login_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.grant_role(login name, camreq_role text, login_unit text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.grant_role(login name, camreq_role text, login_unit text) TO camreq_admin;


--
-- Name: FUNCTION index_addresses(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.index_addresses() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.index_addresses() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.index_addresses() TO camreq_analyst;


--
-- Name: FUNCTION interrupted_messages(stuck_after interval); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.interrupted_messages(stuck_after interval) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.interrupted_messages(stuck_after interval) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.interrupted_messages(stuck_after interval) TO camreq_investigator;


--
-- Name: FUNCTION investigator_unit(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.investigator_unit() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.investigator_unit() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.investigator_unit() TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.investigator_unit() TO camreq_investigator;
GRANT ALL ON FUNCTION camreq.investigator_unit() TO camreq_private;


--
-- Name: FUNCTION is_administrator(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.is_administrator() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.is_administrator() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.is_administrator() TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.is_administrator() TO camreq_investigator;


--
-- Name: FUNCTION issue_requisition(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.issue_requisition(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.issue_requisition(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.issue_requisition(requisition bigint) TO camreq_investigator;


--
-- Name: FUNCTION login_role(login name); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.login_role(login name) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.login_role(login name) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.login_role(login name) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.login_role(login name) TO camreq_investigator;
GRANT ALL ON FUNCTION camreq.login_role(login name) TO camreq_private;


--
-- Name: FUNCTION login_unit(login name); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.login_unit(login name) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.login_unit(login name) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.login_unit(login name) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.login_unit(login name) TO camreq_investigator;
GRANT ALL ON FUNCTION camreq.login_unit(login name) TO camreq_private;


--
-- Name: FUNCTION monthly_statistics(from_day date, to_day date, only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.monthly_statistics(from_day date, to_day date, only_unit text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.monthly_statistics(from_day date, to_day date, only_unit text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.monthly_statistics(from_day date, to_day date, only_unit text) TO camreq_analyst;


--
-- Name: TABLE requisition_cameras; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_cameras TO camreq_statistics;
GRANT SELECT ON TABLE camreq.requisition_cameras TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.requisition_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(requisition_id) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.camera_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(camera_id) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.search_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(search_id) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.incident_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(incident_id) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.window_start; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(window_start) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.window_end; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(window_end) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: COLUMN requisition_cameras.purge_at; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(purge_at) ON TABLE camreq.requisition_cameras TO camreq_private;


--
-- Name: FUNCTION my_requisition_cameras(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisition_cameras() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisition_cameras() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisition_cameras() TO camreq_investigator;


--
-- Name: FUNCTION my_requisition_documents(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisition_documents() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisition_documents() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisition_documents() TO camreq_investigator;


--
-- Name: TABLE requisition_outbox; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_outbox TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.requisition_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(requisition_id) ON TABLE camreq.requisition_outbox TO camreq_owner_portal;
GRANT INSERT(requisition_id) ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.message_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(message_id) ON TABLE camreq.requisition_outbox TO camreq_owner_portal;
GRANT INSERT(message_id) ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.status; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(status) ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.sent_at; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(sent_at) ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.portal_link; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(portal_link) ON TABLE camreq.requisition_outbox TO camreq_private;


--
-- Name: COLUMN requisition_outbox.kind; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(kind) ON TABLE camreq.requisition_outbox TO camreq_owner_portal;


--
-- Name: FUNCTION my_requisition_outbox(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisition_outbox() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisition_outbox() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisition_outbox() TO camreq_investigator;


--
-- Name: TABLE requisition_outbox_attempts; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.outbox_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(outbox_id) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.attempted_by; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(attempted_by) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.finished_at; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(finished_at) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.to_address; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(to_address) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.smtp_server; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(smtp_server) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.outcome; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(outcome) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.smtp_code; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(smtp_code) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: COLUMN requisition_outbox_attempts.smtp_answer; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(smtp_answer) ON TABLE camreq.requisition_outbox_attempts TO camreq_private;


--
-- Name: FUNCTION my_requisition_outbox_attempts(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisition_outbox_attempts() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisition_outbox_attempts() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisition_outbox_attempts() TO camreq_investigator;


--
-- Name: TABLE requisition_status_history; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_status_history TO camreq_statistics;
GRANT SELECT ON TABLE camreq.requisition_status_history TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_status_history TO camreq_private;


--
-- Name: COLUMN requisition_status_history.requisition_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(requisition_id) ON TABLE camreq.requisition_status_history TO camreq_owner_portal;
GRANT INSERT(requisition_id) ON TABLE camreq.requisition_status_history TO camreq_private;


--
-- Name: COLUMN requisition_status_history.from_status; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(from_status) ON TABLE camreq.requisition_status_history TO camreq_owner_portal;
GRANT INSERT(from_status) ON TABLE camreq.requisition_status_history TO camreq_private;


--
-- Name: COLUMN requisition_status_history.to_status; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(to_status) ON TABLE camreq.requisition_status_history TO camreq_owner_portal;
GRANT INSERT(to_status) ON TABLE camreq.requisition_status_history TO camreq_private;


--
-- Name: COLUMN requisition_status_history.note; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(note) ON TABLE camreq.requisition_status_history TO camreq_owner_portal;
GRANT INSERT(note) ON TABLE camreq.requisition_status_history TO camreq_private;


--
-- Name: FUNCTION my_requisition_status_history(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisition_status_history() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisition_status_history() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisition_status_history() TO camreq_investigator;


--
-- Name: TABLE requisitions; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisitions TO camreq_statistics;
GRANT SELECT ON TABLE camreq.requisitions TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.unit; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(unit) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.officer_name; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(officer_name) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.officer_rank; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(officer_rank) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.officer_email; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(officer_email) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.officer_phone; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(officer_phone) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.case_number; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(case_number) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.investigation; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(investigation) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.authorisation_ref; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(authorisation_ref) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.owner_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(owner_id) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.search_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(search_id) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.answer_deadline; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(answer_deadline) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.delivery; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(delivery) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.status; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(status) ON TABLE camreq.requisitions TO camreq_owner_portal;
GRANT UPDATE(status) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.purge_deadline; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(purge_deadline) ON TABLE camreq.requisitions TO camreq_owner_portal;
GRANT UPDATE(purge_deadline) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: COLUMN requisitions.no_footage_reason; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(no_footage_reason) ON TABLE camreq.requisitions TO camreq_owner_portal;
GRANT UPDATE(no_footage_reason) ON TABLE camreq.requisitions TO camreq_private;


--
-- Name: FUNCTION my_requisitions(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_requisitions() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_requisitions() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_requisitions() TO camreq_investigator;


--
-- Name: TABLE search_incidents; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.search_incidents TO camreq_statistics;
GRANT SELECT ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: COLUMN search_incidents.search_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(search_id) ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: COLUMN search_incidents.incident_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(incident_id) ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: COLUMN search_incidents.window_start; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(window_start) ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: COLUMN search_incidents.window_end; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(window_end) ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: COLUMN search_incidents.geom; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(geom) ON TABLE camreq.search_incidents TO camreq_private;


--
-- Name: FUNCTION my_search_incidents(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_search_incidents() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_search_incidents() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_search_incidents() TO camreq_investigator;


--
-- Name: TABLE searches; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.searches TO camreq_statistics;
GRANT SELECT ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.reason; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(reason) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.distance_m; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(distance_m) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.in_view_only; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(in_view_only) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.incident_count; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(incident_count) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.result_count; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(result_count) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.include_out_of_service; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(include_out_of_service) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.speed_kmh; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(speed_kmh) ON TABLE camreq.searches TO camreq_private;


--
-- Name: COLUMN searches.margin_minutes; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(margin_minutes) ON TABLE camreq.searches TO camreq_private;


--
-- Name: FUNCTION my_searches(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.my_searches() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.my_searches() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.my_searches() TO camreq_investigator;


--
-- Name: FUNCTION normalize_address_words(words text[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.normalize_address_words(words text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.normalize_address_words(words text[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.normalize_address_words(words text[]) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.normalize_address_words(words text[]) TO camreq_investigator;


--
-- Name: FUNCTION number_requisition(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.number_requisition() FROM PUBLIC;


--
-- Name: FUNCTION outcome_statistics(from_day date, to_day date, only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.outcome_statistics(from_day date, to_day date, only_unit text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.outcome_statistics(from_day date, to_day date, only_unit text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.outcome_statistics(from_day date, to_day date, only_unit text) TO camreq_analyst;


--
-- Name: FUNCTION owner_answer_hours(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.owner_answer_hours() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.owner_answer_hours() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.owner_answer_hours() TO camreq_analyst;


--
-- Name: FUNCTION owner_statistics(from_day date, to_day date, only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.owner_statistics(from_day date, to_day date, only_unit text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.owner_statistics(from_day date, to_day date, only_unit text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.owner_statistics(from_day date, to_day date, only_unit text) TO camreq_analyst;


--
-- Name: FUNCTION parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.parse_address_query(query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text) TO camreq_investigator;


--
-- Name: FUNCTION portal_acknowledge(token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_acknowledge(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_acknowledge(token text) TO camreq_portal;


--
-- Name: FUNCTION portal_answer(token text, requisition_camera bigint, answer text, reason text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_answer(token text, requisition_camera bigint, answer text, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_answer(token text, requisition_camera bigint, answer text, reason text) TO camreq_portal;


--
-- Name: FUNCTION portal_camera(token text, requisition_camera bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_camera(token text, requisition_camera bigint) FROM PUBLIC;


--
-- Name: FUNCTION portal_confirm(token text, receipt bytea); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_confirm(token text, receipt bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_confirm(token text, receipt bytea) TO camreq_portal;


--
-- Name: FUNCTION portal_document(token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_document(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_document(token text) TO camreq_portal;


--
-- Name: FUNCTION portal_expired_deposits(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_expired_deposits() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_expired_deposits() TO camreq_portal;


--
-- Name: FUNCTION portal_fetch_deposits(fetch_token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_fetch_deposits(fetch_token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_fetch_deposits(fetch_token text) TO camreq_portal;


--
-- Name: FUNCTION portal_fetch_token(requisition bigint, token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_fetch_token(requisition bigint, token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_fetch_token(requisition bigint, token text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.portal_fetch_token(requisition bigint, token text) TO camreq_investigator;


--
-- Name: FUNCTION portal_finish_deposit(token text, upload_id text, sha256 text, scan_result text, scan_detail text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_finish_deposit(token text, upload_id text, sha256 text, scan_result text, scan_detail text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_finish_deposit(token text, upload_id text, sha256 text, scan_result text, scan_detail text) TO camreq_portal;


--
-- Name: TABLE portal_links; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE camreq.portal_links TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.portal_links TO camreq_private;


--
-- Name: COLUMN portal_links.requisition_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(requisition_id) ON TABLE camreq.portal_links TO camreq_private;


--
-- Name: COLUMN portal_links.token_sha256; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(token_sha256) ON TABLE camreq.portal_links TO camreq_private;


--
-- Name: FUNCTION portal_link_of(token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_link_of(token text) FROM PUBLIC;


--
-- Name: FUNCTION portal_move(requisition bigint, to_status text, note text, reason text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_move(requisition bigint, to_status text, note text, reason text) FROM PUBLIC;


--
-- Name: FUNCTION portal_record_deletion(upload_id text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_record_deletion(upload_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_record_deletion(upload_id text) TO camreq_portal;


--
-- Name: FUNCTION portal_requisition(token text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_requisition(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_requisition(token text) TO camreq_portal;


--
-- Name: FUNCTION portal_start_deposit(token text, requisition_camera bigint, upload_id text, file_name text, size bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_start_deposit(token text, requisition_camera bigint, upload_id text, file_name text, size bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_start_deposit(token text, requisition_camera bigint, upload_id text, file_name text, size bigint) TO camreq_portal;


--
-- Name: FUNCTION portal_upload(token text, upload_id text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.portal_upload(token text, upload_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.portal_upload(token text, upload_id text) TO camreq_portal;


--
-- Name: FUNCTION refresh_address_streets(communes text[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.refresh_address_streets(communes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.refresh_address_streets(communes text[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.refresh_address_streets(communes text[]) TO camreq_analyst;


--
-- Name: FUNCTION registry_findings(territory public.geometry); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.registry_findings(territory public.geometry) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.registry_findings(territory public.geometry) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.registry_findings(territory public.geometry) TO camreq_analyst;


--
-- Name: FUNCTION requeue_message(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requeue_message(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.requeue_message(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.requeue_message(requisition bigint) TO camreq_investigator;


--
-- Name: FUNCTION requisition_deposits(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_deposits(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.requisition_deposits(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.requisition_deposits(requisition bigint) TO camreq_investigator;


--
-- Name: FUNCTION requisition_facts(from_day date, to_day date, only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_facts(from_day date, to_day date, only_unit text) FROM PUBLIC;


--
-- Name: FUNCTION requisition_outbox_portal_link(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_outbox_portal_link() FROM PUBLIC;


--
-- Name: FUNCTION requisition_pdf(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_pdf(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.requisition_pdf(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.requisition_pdf(requisition bigint) TO camreq_investigator;


--
-- Name: FUNCTION requisition_portal_links(requisitions bigint[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_portal_links(requisitions bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.requisition_portal_links(requisitions bigint[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.requisition_portal_links(requisitions bigint[]) TO camreq_investigator;


--
-- Name: FUNCTION requisition_receipt(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.requisition_receipt(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.requisition_receipt(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.requisition_receipt(requisition bigint) TO camreq_investigator;
GRANT ALL ON FUNCTION camreq.requisition_receipt(requisition bigint) TO camreq_private;


--
-- Name: FUNCTION search_addresses(query text, max_results integer); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.search_addresses(query text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.search_addresses(query text, max_results integer) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.search_addresses(query text, max_results integer) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.search_addresses(query text, max_results integer) TO camreq_investigator;


--
-- Name: FUNCTION search_cameras(ids text[], wkbs bytea[], starts timestamp with time zone[], ends timestamp with time zone[], speed_kmh double precision, distance double precision, include_out_of_service boolean, in_view_only boolean, margin_minutes double precision, reason text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.search_cameras(ids text[], wkbs bytea[], starts timestamp with time zone[], ends timestamp with time zone[], speed_kmh double precision, distance double precision, include_out_of_service boolean, in_view_only boolean, margin_minutes double precision, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.search_cameras(ids text[], wkbs bytea[], starts timestamp with time zone[], ends timestamp with time zone[], speed_kmh double precision, distance double precision, include_out_of_service boolean, in_view_only boolean, margin_minutes double precision, reason text) TO camreq_investigator;


--
-- Name: FUNCTION sees_every_unit(); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.sees_every_unit() FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.sees_every_unit() TO camreq_admin;
GRANT ALL ON FUNCTION camreq.sees_every_unit() TO camreq_investigator;


--
-- Name: FUNCTION serve_otherwise(requisition bigint); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.serve_otherwise(requisition bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.serve_otherwise(requisition bigint) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.serve_otherwise(requisition bigint) TO camreq_investigator;


--
-- Name: FUNCTION set_requisition_status(requisition bigint, new_status text, note text, no_footage_reason text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.set_requisition_status(requisition bigint, new_status text, note text, no_footage_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.set_requisition_status(requisition bigint, new_status text, note text, no_footage_reason text) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.set_requisition_status(requisition bigint, new_status text, note text, no_footage_reason text) TO camreq_investigator;


--
-- Name: FUNCTION split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[]) TO camreq_investigator;


--
-- Name: FUNCTION statistics_scope(only_unit text); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.statistics_scope(only_unit text) FROM PUBLIC;


--
-- Name: TABLE users; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.users TO camreq_admin;
GRANT SELECT ON TABLE camreq.users TO camreq_statistics;
GRANT SELECT ON TABLE camreq.users TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.users TO camreq_private;


--
-- Name: FUNCTION visible_login(login name); Type: ACL; Schema: camreq; Owner: -
--

REVOKE ALL ON FUNCTION camreq.visible_login(login name) FROM PUBLIC;
GRANT ALL ON FUNCTION camreq.visible_login(login name) TO camreq_admin;
GRANT ALL ON FUNCTION camreq.visible_login(login name) TO camreq_analyst;
GRANT ALL ON FUNCTION camreq.visible_login(login name) TO camreq_investigator;
GRANT ALL ON FUNCTION camreq.visible_login(login name) TO camreq_owner_portal;
GRANT ALL ON FUNCTION camreq.visible_login(login name) TO camreq_private;


--
-- Name: TABLE address_abbreviations; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.address_abbreviations TO camreq_admin;
GRANT SELECT ON TABLE camreq.address_abbreviations TO camreq_analyst;
GRANT SELECT ON TABLE camreq.address_abbreviations TO camreq_investigator;


--
-- Name: TABLE address_communes; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.address_communes TO camreq_admin;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.address_communes TO camreq_analyst;
GRANT SELECT ON TABLE camreq.address_communes TO camreq_investigator;


--
-- Name: TABLE address_repetitions; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.address_repetitions TO camreq_admin;
GRANT SELECT ON TABLE camreq.address_repetitions TO camreq_analyst;
GRANT SELECT ON TABLE camreq.address_repetitions TO camreq_investigator;


--
-- Name: TABLE address_streets; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.address_streets TO camreq_admin;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.address_streets TO camreq_analyst;
GRANT SELECT ON TABLE camreq.address_streets TO camreq_investigator;


--
-- Name: TABLE addresses; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.addresses TO camreq_admin;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.addresses TO camreq_analyst;
GRANT SELECT ON TABLE camreq.addresses TO camreq_investigator;


--
-- Name: TABLE audit_log; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.audit_log TO camreq_admin;


--
-- Name: TABLE camera_types; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE camreq.camera_types TO camreq_admin;
GRANT SELECT ON TABLE camreq.camera_types TO camreq_analyst;
GRANT SELECT ON TABLE camreq.camera_types TO camreq_investigator;
GRANT SELECT ON TABLE camreq.camera_types TO camreq_private;


--
-- Name: TABLE cameras; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.cameras TO camreq_admin;
GRANT SELECT,INSERT,UPDATE ON TABLE camreq.cameras TO camreq_analyst;
GRANT SELECT ON TABLE camreq.cameras TO camreq_investigator;
GRANT SELECT ON TABLE camreq.cameras TO camreq_statistics;
GRANT SELECT ON TABLE camreq.cameras TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.cameras TO camreq_private;


--
-- Name: SEQUENCE cameras_id_seq; Type: ACL; Schema: camreq; Owner: -
--

GRANT USAGE ON SEQUENCE camreq.cameras_id_seq TO camreq_analyst;


--
-- Name: TABLE no_footage_reasons; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.no_footage_reasons TO camreq_admin;
GRANT SELECT ON TABLE camreq.no_footage_reasons TO camreq_analyst;
GRANT SELECT ON TABLE camreq.no_footage_reasons TO camreq_investigator;
GRANT SELECT ON TABLE camreq.no_footage_reasons TO camreq_statistics;
GRANT SELECT ON TABLE camreq.no_footage_reasons TO camreq_owner_portal;


--
-- Name: TABLE owners; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.owners TO camreq_admin;
GRANT SELECT,INSERT,UPDATE ON TABLE camreq.owners TO camreq_analyst;
GRANT SELECT ON TABLE camreq.owners TO camreq_investigator;
GRANT SELECT ON TABLE camreq.owners TO camreq_statistics;
GRANT SELECT ON TABLE camreq.owners TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.owners TO camreq_private;


--
-- Name: SEQUENCE owners_id_seq; Type: ACL; Schema: camreq; Owner: -
--

GRANT USAGE ON SEQUENCE camreq.owners_id_seq TO camreq_analyst;


--
-- Name: TABLE portal_answers; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE camreq.portal_answers TO camreq_owner_portal;


--
-- Name: TABLE portal_deposits; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE camreq.portal_deposits TO camreq_owner_portal;


--
-- Name: TABLE portal_fetch_tokens; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE camreq.portal_fetch_tokens TO camreq_owner_portal;


--
-- Name: TABLE requisition_documents; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_documents TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_documents TO camreq_private;


--
-- Name: COLUMN requisition_documents.requisition_id; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(requisition_id) ON TABLE camreq.requisition_documents TO camreq_private;


--
-- Name: COLUMN requisition_documents.file_name; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(file_name) ON TABLE camreq.requisition_documents TO camreq_private;


--
-- Name: COLUMN requisition_documents.pdf; Type: ACL; Schema: camreq; Owner: -
--

GRANT INSERT(pdf) ON TABLE camreq.requisition_documents TO camreq_private;


--
-- Name: TABLE requisition_statuses; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_admin;
GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_analyst;
GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_investigator;
GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_statistics;
GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_statuses TO camreq_private;


--
-- Name: TABLE requisition_transitions; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisition_transitions TO camreq_admin;
GRANT SELECT ON TABLE camreq.requisition_transitions TO camreq_analyst;
GRANT SELECT ON TABLE camreq.requisition_transitions TO camreq_investigator;
GRANT SELECT ON TABLE camreq.requisition_transitions TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.requisition_transitions TO camreq_private;


--
-- Name: TABLE requisitions_due_soon; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.requisitions_due_soon TO camreq_admin;
GRANT SELECT ON TABLE camreq.requisitions_due_soon TO camreq_investigator;


--
-- Name: TABLE schema_version; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.schema_version TO camreq_admin;
GRANT SELECT ON TABLE camreq.schema_version TO camreq_analyst;
GRANT SELECT ON TABLE camreq.schema_version TO camreq_investigator;


--
-- Name: TABLE search_statistics; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.search_statistics TO camreq_admin;
GRANT SELECT ON TABLE camreq.search_statistics TO camreq_analyst;


--
-- Name: TABLE settings; Type: ACL; Schema: camreq; Owner: -
--

GRANT SELECT ON TABLE camreq.settings TO camreq_admin;
GRANT SELECT ON TABLE camreq.settings TO camreq_analyst;
GRANT SELECT ON TABLE camreq.settings TO camreq_investigator;
GRANT SELECT ON TABLE camreq.settings TO camreq_owner_portal;
GRANT SELECT ON TABLE camreq.settings TO camreq_private;


--
-- Name: COLUMN settings.signing_policy; Type: ACL; Schema: camreq; Owner: -
--

GRANT UPDATE(signing_policy) ON TABLE camreq.settings TO camreq_admin;


--
-- PostgreSQL database dump complete
--


