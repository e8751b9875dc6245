-- CamReq schema 7: statistics for the prosecutor and registry checks for the analyst.
--
-- Analysts never read requisitions; they get figures from the functions below, which read the requisition
-- tables as the NOLOGIN role camreq_statistics (their owner) and return aggregates only: no case number,
-- officer or place, and every figure counting fewer than 5 requisitions comes back NULL (shown "< 5").
BEGIN;

-- Why an owner has no footage: a closed list (labels in core/vocabulary.py), counted by the statistics.
CREATE TABLE camreq.no_footage_reasons (
    reason text PRIMARY KEY,
    sort_order integer NOT NULL UNIQUE
);
COMMENT ON TABLE camreq.no_footage_reasons IS 'Why an owner has no footage for a requisition';
INSERT INTO camreq.no_footage_reasons VALUES
    ('overwritten', 1), ('camera_down', 2), ('not_recording', 3), ('not_in_view', 4);
GRANT SELECT ON camreq.no_footage_reasons TO camreq_admin, camreq_analyst, camreq_investigator;

ALTER TABLE camreq.requisitions
    ADD COLUMN no_footage_reason text,
    ADD CONSTRAINT "no-footage reason must be one of camreq.no_footage_reasons"
        FOREIGN KEY (no_footage_reason) REFERENCES camreq.no_footage_reasons (reason),
    ADD CONSTRAINT "a no-footage reason goes with the no_footage status only"
        CHECK (no_footage_reason IS NULL OR status = 'no_footage');
COMMENT ON COLUMN camreq.requisitions.no_footage_reason IS 'Why the owner had no footage (status no_footage)';
GRANT UPDATE (no_footage_reason) ON camreq.requisitions TO camreq_admin, camreq_investigator;

-- Since when a camera has its status (out of order for more than 30 days is a registry finding).
ALTER TABLE camreq.cameras ADD COLUMN status_since timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN camreq.cameras.status_since IS 'When the camera''s status last changed, kept by the database';
UPDATE camreq.cameras c SET status_since = coalesce((
    SELECT max(a.changed_at) FROM camreq.audit_log a
    WHERE a.table_name = 'cameras' AND a.row_id = c.id::text
      AND (a.operation = 'INSERT' OR a.old_values ->> 'status' IS DISTINCT FROM a.new_values ->> 'status')
), c.updated_at);

CREATE FUNCTION camreq.cameras_status_since() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        NEW.status_since := now();
    ELSE
        NEW.status_since := OLD.status_since;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER cameras_status_since BEFORE INSERT OR UPDATE ON camreq.cameras
    FOR EACH ROW EXECUTE FUNCTION camreq.cameras_status_since();

-- The reader of the statistics: a role nobody logs in as, owning the functions below, which sees every
-- requisition (read only) and nothing else. Roles are cluster-wide: created where missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'camreq_statistics') THEN
        BEGIN
            CREATE ROLE camreq_statistics NOLOGIN;
            COMMENT ON ROLE camreq_statistics IS 'Owner of the CamReq statistics functions; nobody logs in as it';
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'camreq_statistics', 'USAGE') THEN
        EXECUTE format('GRANT camreq_statistics TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA camreq TO camreq_statistics;
GRANT SELECT ON camreq.requisitions, camreq.requisition_cameras, camreq.requisition_status_history,
    camreq.requisition_statuses, camreq.no_footage_reasons, camreq.searches, camreq.search_incidents,
    camreq.owners, camreq.cameras, camreq.users TO camreq_statistics;
CREATE POLICY requisitions_counted ON camreq.requisitions FOR SELECT TO camreq_statistics USING (true);
CREATE POLICY requisition_cameras_counted ON camreq.requisition_cameras FOR SELECT TO camreq_statistics USING (true);
CREATE POLICY requisition_status_history_counted ON camreq.requisition_status_history
    FOR SELECT TO camreq_statistics USING (true);
CREATE POLICY searches_counted ON camreq.searches FOR SELECT TO camreq_statistics USING (true);
CREATE POLICY search_incidents_counted ON camreq.search_incidents FOR SELECT TO camreq_statistics USING (true);
CREATE POLICY users_read_by_statistics ON camreq.users FOR SELECT TO camreq_statistics USING (true);

-- One row per issued requisition with the facts the statistics count (never returned to a caller as such).
CREATE FUNCTION camreq.requisition_facts(from_day date, to_day date, only_unit text)
RETURNS TABLE (
    unit text, owner_id bigint, month date, status text, no_footage_reason text,
    incident_start timestamptz, sent_at timestamptz, answered_at timestamptz, purge_deadline timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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
REVOKE EXECUTE ON FUNCTION camreq.requisition_facts(date, date, text) FROM PUBLIC;

-- Who may see figures per unit: administrators; analysts see the whole database's figures only.
CREATE FUNCTION camreq.statistics_scope(only_unit text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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
REVOKE EXECUTE ON FUNCTION camreq.statistics_scope(text) FROM PUBLIC;

-- Hides a count under 5 (and anything computed from fewer than 5 requisitions).
CREATE FUNCTION camreq.at_least_five(n bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN n >= 5 THEN n END $$;

-- Searches and requisitions per month (Europe/Paris), with the same month a year earlier. Administrators get
-- one row per unit and month as well as the whole (unit NULL); analysts the whole only.
CREATE FUNCTION camreq.monthly_statistics(from_day date, to_day date, only_unit text DEFAULT NULL)
RETURNS TABLE (unit text, month date, searches bigint, searches_year_before bigint,
               requisitions bigint, requisitions_year_before bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Per owner of the directory: requisitions received (sent), hours from sending to the first answer (median and
-- 90th percentile of those answered), and the outcomes. Every owner is listed, so a row reveals nothing.
CREATE FUNCTION camreq.owner_statistics(from_day date, to_day date, only_unit text DEFAULT NULL)
RETURNS TABLE (owner_id bigint, owner_name text, requisitions bigint, answered bigint,
               median_answer_hours double precision, p90_answer_hours double precision,
               footage_delivered bigint, no_footage bigint, refused bigint, no_answer_before_purge bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Outcomes of the period's requisitions, "no footage" by reason; administrators also per unit.
CREATE FUNCTION camreq.outcome_statistics(from_day date, to_day date, only_unit text DEFAULT NULL)
RETURNS TABLE (unit text, outcome text, reason text, requisitions bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- The product's own clock: hours from the incident's start to the requisition sent, the share sent before the
-- footage was purged, and the requisitions lost to the clock (footage purged before any answer).
CREATE FUNCTION camreq.clock_statistics(from_day date, to_day date, only_unit text DEFAULT NULL)
RETURNS TABLE (unit text, requisitions bigint, sent bigint,
               median_hours_to_sent double precision, p90_hours_to_sent double precision,
               sent_before_purge bigint, lost_to_the_clock bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Median hours from sending to the first answer, per owner with at least 5 answered requisitions (any date).
CREATE FUNCTION camreq.owner_answer_hours()
RETURNS TABLE (owner_id bigint, median_answer_hours double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT f.owner_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.sent_at) / 3600)
    FROM camreq.requisition_facts('-infinity', 'infinity', NULL) f
    WHERE f.sent_at IS NOT NULL AND f.answered_at IS NOT NULL
    GROUP BY f.owner_id
    HAVING count(*) >= 5
$$;

-- Registry findings: one row per camera or owner and problem (the sentence is written by the plugin, in the
-- user's language, from the problem code and its detail). Cameras are checked against territory when given.
CREATE FUNCTION camreq.registry_findings(territory geometry DEFAULT NULL)
RETURNS TABLE (problem text, camera_id bigint, owner_id bigint, camera_ref text, owner_name text,
               detail text, geom geometry)
LANGUAGE sql STABLE SET search_path = pg_catalog, camreq, public, pg_temp AS $$
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

-- Ownership: the statistics functions read requisitions as camreq_statistics (which needs CREATE on the schema
-- only while it takes ownership); only analysts and administrators may call them.
GRANT CREATE ON SCHEMA camreq TO camreq_statistics;
ALTER FUNCTION camreq.requisition_facts(date, date, text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.statistics_scope(text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.monthly_statistics(date, date, text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.owner_statistics(date, date, text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.outcome_statistics(date, date, text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.clock_statistics(date, date, text) OWNER TO camreq_statistics;
ALTER FUNCTION camreq.owner_answer_hours() OWNER TO camreq_statistics;
REVOKE CREATE ON SCHEMA camreq FROM camreq_statistics;
REVOKE EXECUTE ON FUNCTION camreq.monthly_statistics(date, date, text), camreq.owner_statistics(date, date, text),
    camreq.outcome_statistics(date, date, text), camreq.clock_statistics(date, date, text),
    camreq.owner_answer_hours(), camreq.registry_findings(geometry) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.monthly_statistics(date, date, text), camreq.owner_statistics(date, date, text),
    camreq.outcome_statistics(date, date, text), camreq.clock_statistics(date, date, text),
    camreq.owner_answer_hours(), camreq.registry_findings(geometry) TO camreq_admin, camreq_analyst;

INSERT INTO camreq.schema_version (version) VALUES (7);
COMMIT;
