-- CamReq schema 5: who may see and change what. Group roles and the users of this database with their unit,
-- table privileges, row-level security, the audit trail and the append-only consultation log.
--
-- Identity: policies compare rows with current_user (the connected login, which only a superuser can change
-- with SET SESSION AUTHORIZATION), never with a setting a session could set. The audit trail records
-- session_user, the login that authenticated, which SET ROLE and SECURITY DEFINER functions leave unchanged.
--
-- Trust root: the schema owner (the login that installs and upgrades) and superusers. They can drop triggers
-- and policies; nothing in a database protects against them. Every other login gets what its group role grants.
BEGIN;

-- Roles are global to the PostgreSQL cluster, the camreq schema belongs to one database: a second CamReq
-- database on the same cluster (training, tests) shares these three roles, so they are created only where
-- missing. A login's membership therefore spans databases; the sensitive rows (consultation log, audit trail,
-- users) also need the login's row in THIS database's camreq.users, which camreq:grantuser writes.
DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['camreq_admin', 'camreq_analyst', 'camreq_investigator'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
                EXECUTE format('COMMENT ON ROLE %I IS %L', group_role, 'CamReq group role, see camreq.users');
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created meanwhile by the installation of another database
            END;
        END IF;
    END LOOP;
    -- Administrators hold the two other roles and may give them to logins (ADMIN OPTION).
    FOREACH group_role IN ARRAY ARRAY['camreq_analyst', 'camreq_investigator'] LOOP
        IF NOT EXISTS (
            SELECT FROM pg_auth_members m
            JOIN pg_roles granted ON granted.oid = m.roleid
            JOIN pg_roles member ON member.oid = m.member
            WHERE granted.rolname = group_role AND member.rolname = 'camreq_admin' AND m.admin_option
        ) THEN
            EXECUTE format('GRANT %I TO camreq_admin WITH ADMIN OPTION', group_role);
        END IF;
    END LOOP;
END
$$;

CREATE TABLE camreq.users (
    login name PRIMARY KEY,
    role text NOT NULL,
    unit text,
    granted_by name NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "role must be administrator, analyst or investigator"
        CHECK (role IN ('administrator', 'analyst', 'investigator')),
    CONSTRAINT "an investigator must have a unit" CHECK (role <> 'investigator' OR unit IS NOT NULL),
    CONSTRAINT "unit must not be empty" CHECK (btrim(unit) <> ''),
    CONSTRAINT "unit must be at most 200 characters" CHECK (length(unit) <= 200)
);
COMMENT ON TABLE camreq.users IS 'The logins of this database, their CamReq role and unit (written by camreq:grantuser)';

-- Looked up by the policies. SECURITY DEFINER so that a policy can read other logins' rows, which the caller
-- cannot; they take the login as an argument because inside them current_user is the function's owner.
CREATE FUNCTION camreq.login_unit(login name) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq AS $$
    SELECT u.unit FROM camreq.users u WHERE u.login = login_unit.login
$$;
CREATE FUNCTION camreq.login_role(login name) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq AS $$
    SELECT u.role FROM camreq.users u WHERE u.login = login_role.login
$$;
CREATE FUNCTION camreq.my_unit() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT camreq.login_unit(current_user) $$;
CREATE FUNCTION camreq.is_administrator() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(camreq.login_role(current_user) = 'administrator', false) $$;
REVOKE EXECUTE ON FUNCTION camreq.login_unit(name), camreq.login_role(name), camreq.my_unit(),
    camreq.is_administrator() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.login_unit(name), camreq.login_role(name), camreq.my_unit(),
    camreq.is_administrator() TO camreq_admin, camreq_analyst, camreq_investigator;

-- The audit trail: one row per inserted, updated or deleted row of the audited tables.
CREATE TABLE camreq.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    changed_by name NOT NULL DEFAULT session_user,
    transaction_id bigint NOT NULL DEFAULT txid_current(),
    table_name text NOT NULL,
    operation text NOT NULL,
    row_id text,
    old_values jsonb,
    new_values jsonb,
    CONSTRAINT "operation must be INSERT, UPDATE or DELETE" CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))
);
CREATE INDEX audit_log_row_idx ON camreq.audit_log (table_name, row_id);
COMMENT ON TABLE camreq.audit_log IS 'Audit trail: who (the authenticated login) changed which row, when, from what to what';

-- SECURITY DEFINER: writers need no privilege on the audit trail, so they cannot write forged rows into it.
CREATE FUNCTION camreq.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    INSERT INTO camreq.audit_log (table_name, operation, row_id, old_values, new_values)
    VALUES (TG_TABLE_NAME, TG_OP, coalesce(new_row, old_row) ->> TG_ARGV[0], old_row, new_row);
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION camreq.audit_row() FROM PUBLIC;

CREATE TRIGGER owners_audit AFTER INSERT OR UPDATE OR DELETE ON camreq.owners
    FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');
CREATE TRIGGER cameras_audit AFTER INSERT OR UPDATE OR DELETE ON camreq.cameras
    FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('id');
CREATE TRIGGER camera_types_audit AFTER INSERT OR UPDATE OR DELETE ON camreq.camera_types
    FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('camera_type');
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON camreq.users
    FOR EACH ROW EXECUTE FUNCTION camreq.audit_row('login');
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON camreq.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();

-- The consultation log: who searched is the connected login, when is the database's clock, and the unit is
-- the login's unit at the time of the search, whatever the client sent.
CREATE FUNCTION camreq.searches_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.searched_by := current_user;
    NEW.searched_at := now();
    NEW.unit := camreq.login_unit(current_user);
    RETURN NEW;
END
$$;
CREATE TRIGGER searches_before_insert BEFORE INSERT ON camreq.searches
    FOR EACH ROW EXECUTE FUNCTION camreq.searches_before_insert();
CREATE TRIGGER searches_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON camreq.searches
    FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();
CREATE TRIGGER search_incidents_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON camreq.search_incidents
    FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();

-- Monthly figures for analysts, without places, reasons or names (the view reads the log as its owner).
CREATE VIEW camreq.search_statistics AS
SELECT to_char(searched_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
       count(*) AS searches,
       sum(incident_count) AS incidents,
       sum(result_count) AS cameras_found
FROM camreq.searches
GROUP BY 1;
COMMENT ON VIEW camreq.search_statistics IS 'Searches per month (Europe/Paris), for analysts';

-- Table privileges (nothing for PUBLIC: a login without a CamReq role cannot read the schema's tables).
GRANT USAGE ON SCHEMA camreq TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT SELECT ON camreq.schema_version, camreq.settings, camreq.camera_types, camreq.owners, camreq.cameras
    TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT INSERT, UPDATE, DELETE ON camreq.owners, camreq.cameras TO camreq_analyst;
GRANT INSERT, UPDATE, DELETE ON camreq.camera_types TO camreq_admin;
GRANT SELECT ON camreq.users TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT INSERT, UPDATE, DELETE ON camreq.users TO camreq_admin;
GRANT SELECT ON camreq.audit_log TO camreq_admin;
GRANT SELECT, INSERT ON camreq.searches, camreq.search_incidents TO camreq_investigator;
GRANT SELECT ON camreq.searches, camreq.search_incidents TO camreq_admin;
GRANT SELECT ON camreq.search_statistics TO camreq_admin, camreq_analyst;

-- Row-level security. Not forced on these tables: their owner is the trust root, and the statistics view and
-- the audit trigger read or write them as the owner on purpose.
ALTER TABLE camreq.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_see_themselves ON camreq.users FOR SELECT
    TO camreq_admin, camreq_analyst, camreq_investigator USING (login = current_user);
CREATE POLICY users_managed_by_administrators ON camreq.users FOR ALL TO camreq_admin
    USING ((SELECT camreq.is_administrator())) WITH CHECK ((SELECT camreq.is_administrator()));

ALTER TABLE camreq.audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read_by_administrators ON camreq.audit_log FOR SELECT TO camreq_admin
    USING ((SELECT camreq.is_administrator()));

ALTER TABLE camreq.searches ENABLE ROW LEVEL SECURITY;
CREATE POLICY searches_of_my_unit ON camreq.searches FOR SELECT TO camreq_investigator
    USING (searched_by = current_user OR unit = (SELECT camreq.my_unit()));
CREATE POLICY searches_read_by_administrators ON camreq.searches FOR SELECT TO camreq_admin
    USING ((SELECT camreq.is_administrator()));
CREATE POLICY searches_logged_by_registered_investigators ON camreq.searches FOR INSERT TO camreq_investigator
    WITH CHECK (searched_by = current_user AND (SELECT camreq.login_role(current_user)) IS NOT NULL);

ALTER TABLE camreq.search_incidents ENABLE ROW LEVEL SECURITY;
CREATE POLICY search_incidents_of_visible_searches ON camreq.search_incidents FOR SELECT
    TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.searches s WHERE s.id = search_id));
CREATE POLICY search_incidents_of_my_searches ON camreq.search_incidents FOR INSERT TO camreq_investigator
    WITH CHECK (EXISTS (SELECT FROM camreq.searches s WHERE s.id = search_id AND s.searched_by = current_user));

-- Requisitions (schema 4) belong to a unit: an investigator reads and changes only their unit's requisitions and
-- everything hanging from them (cameras, status history, outbox, attempts); administrators all of them; analysts
-- none (a requisition reveals an investigation; their statistics come from the consultation log).
CREATE FUNCTION camreq.investigator_unit() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT camreq.login_unit(current_user) WHERE camreq.login_role(current_user) = 'investigator'
$$;
REVOKE EXECUTE ON FUNCTION camreq.investigator_unit() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.investigator_unit() TO camreq_admin, camreq_analyst, camreq_investigator;

-- Who made a requisition and when is the database's word; an investigator's requisition is for their own unit
-- (empty: filled in from camreq.users), another unit is refused with a message naming the parameter.
CREATE FUNCTION camreq.requisitions_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    my_unit text := camreq.investigator_unit();
BEGIN
    NEW.created_by := current_user;
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
CREATE TRIGGER requisitions_before_insert BEFORE INSERT ON camreq.requisitions
    FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_before_insert();

-- Requisitions are a legal record: every change is audited, and TRUNCATE (which no row trigger sees) is refused.
CREATE FUNCTION camreq.refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'camreq.% cannot be truncated: its rows are a legal record, audited one by one', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DO $$
DECLARE
    audited text;
BEGIN
    FOREACH audited IN ARRAY ARRAY['requisitions', 'requisition_cameras', 'requisition_outbox',
                                   'requisition_outbox_attempts'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON camreq.%I '
                       'FOR EACH ROW EXECUTE FUNCTION camreq.audit_row(''id'')', audited || '_audit', audited);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON camreq.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate()', audited || '_no_truncate', audited);
    END LOOP;
END
$$;

-- Privileges: columns the plugin writes, nothing else (numbers, years, dates and authors come from triggers).
GRANT SELECT ON camreq.requisition_statuses, camreq.requisition_transitions
    TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT SELECT ON camreq.requisitions, camreq.requisition_cameras, camreq.requisition_status_history,
    camreq.requisition_outbox, camreq.requisition_outbox_attempts, camreq.requisitions_due_soon
    TO camreq_admin, camreq_investigator;
GRANT INSERT (unit, officer_name, officer_rank, officer_email, officer_phone, case_number, investigation,
              authorisation_ref, owner_id, search_id, answer_deadline, delivery),
      UPDATE (status, pdf_path, purge_deadline) ON camreq.requisitions TO camreq_admin, camreq_investigator;
GRANT INSERT (requisition_id, camera_id, search_id, incident_id, window_start, window_end, purge_at)
    ON camreq.requisition_cameras TO camreq_admin, camreq_investigator;
GRANT INSERT (requisition_id, from_status, to_status, note) ON camreq.requisition_status_history
    TO camreq_admin, camreq_investigator;
GRANT INSERT (requisition_id, message_id), UPDATE (status, sent_at) ON camreq.requisition_outbox
    TO camreq_admin, camreq_investigator;
GRANT INSERT (outbox_id, to_address, smtp_server), UPDATE (finished_at, outcome, smtp_code, smtp_answer)
    ON camreq.requisition_outbox_attempts TO camreq_admin, camreq_investigator;
-- camreq.requisition_counters: no privilege for anyone; camreq.number_requisition() writes it.

-- Row-level security, forced: the table owner gets no row through a view or function it owns by accident.
ALTER TABLE camreq.requisitions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisitions_of_my_unit ON camreq.requisitions TO camreq_admin, camreq_investigator
    USING ((SELECT camreq.is_administrator()) OR unit = (SELECT camreq.investigator_unit()))
    WITH CHECK ((SELECT camreq.is_administrator()) OR unit = (SELECT camreq.investigator_unit()));

ALTER TABLE camreq.requisition_cameras ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisition_cameras_of_visible_requisitions ON camreq.requisition_cameras FOR SELECT
    TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id));
CREATE POLICY requisition_cameras_added_to_visible_drafts ON camreq.requisition_cameras FOR INSERT
    TO camreq_admin, camreq_investigator
    WITH CHECK (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id AND r.status = 'draft'));

ALTER TABLE camreq.requisition_status_history ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisition_status_history_of_visible_requisitions ON camreq.requisition_status_history
    FOR SELECT TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id));
CREATE POLICY requisition_status_history_of_my_changes ON camreq.requisition_status_history
    FOR INSERT TO camreq_admin, camreq_investigator
    WITH CHECK (changed_by = current_user AND EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id));

ALTER TABLE camreq.requisition_outbox ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisition_outbox_of_visible_requisitions ON camreq.requisition_outbox
    TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id))
    WITH CHECK (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id AND r.status <> 'draft'));

ALTER TABLE camreq.requisition_outbox_attempts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisition_outbox_attempts_of_visible_messages ON camreq.requisition_outbox_attempts
    TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.requisition_outbox o WHERE o.id = outbox_id))
    WITH CHECK (EXISTS (SELECT FROM camreq.requisition_outbox o WHERE o.id = outbox_id));

-- Counters: no privilege and no policy, so only their owner (the numbering trigger) and superusers reach them.
ALTER TABLE camreq.requisition_counters ENABLE ROW LEVEL SECURITY;

INSERT INTO camreq.schema_version (version) VALUES (5);
COMMIT;
