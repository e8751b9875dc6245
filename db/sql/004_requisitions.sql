-- CamReq schema 4: requisitions, their cameras, gapless numbering, status history and the e-mail outbox.
-- Every unit-scoped table reaches requisitions.unit (directly or through requisition_id) for row-level security.
BEGIN;

-- Statuses and the transitions between them are data: the rules change here, not in code.
CREATE TABLE camreq.requisition_statuses (
    status text PRIMARY KEY,
    label text NOT NULL,
    is_open boolean NOT NULL,
    sort_order integer NOT NULL UNIQUE
);
COMMENT ON TABLE camreq.requisition_statuses IS 'Requisition statuses; open ones still wait for an answer';
INSERT INTO camreq.requisition_statuses VALUES
    ('draft', 'Draft (not issued, no number)', true, 1),
    ('issued', 'Issued (numbered, not yet sent)', true, 2),
    ('sent', 'Sent to the owner', true, 3),
    ('acknowledged', 'Acknowledged by the owner', true, 4),
    ('footage_delivered', 'Footage delivered', false, 5),
    ('no_footage', 'No footage (overwritten or camera down)', false, 6),
    ('refused', 'Refused by the owner', false, 7),
    ('cancelled', 'Cancelled', false, 8);

CREATE TABLE camreq.requisition_transitions (
    from_status text NOT NULL REFERENCES camreq.requisition_statuses,
    to_status text NOT NULL REFERENCES camreq.requisition_statuses,
    PRIMARY KEY (from_status, to_status)
);
COMMENT ON TABLE camreq.requisition_transitions IS 'Allowed status changes; any other change is refused';
INSERT INTO camreq.requisition_transitions
SELECT * FROM (VALUES
    ('draft', 'issued'),
    ('issued', 'sent'),
    ('sent', 'acknowledged'),
    -- an owner who answers with the footage (or its absence) has acknowledged it implicitly
    ('sent', 'footage_delivered'), ('sent', 'no_footage'), ('sent', 'refused'),
    ('acknowledged', 'footage_delivered'), ('acknowledged', 'no_footage'), ('acknowledged', 'refused')
) AS forward(from_status, to_status)
UNION ALL
SELECT status, 'cancelled' FROM camreq.requisition_statuses WHERE is_open;

CREATE TABLE camreq.requisitions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    answer_deadline timestamptz NOT NULL,
    delivery text NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    purge_deadline timestamptz,
    pdf_path text,
    created_by text NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now(),
    issued_at timestamptz,
    CONSTRAINT "requisition owner must be in the owners directory"
        FOREIGN KEY (owner_id) REFERENCES camreq.owners (id) ON DELETE RESTRICT,
    CONSTRAINT "requisition search must be in the consultation log"
        FOREIGN KEY (search_id) REFERENCES camreq.searches (id) ON DELETE RESTRICT,
    CONSTRAINT "requisition status must be one of camreq.requisition_statuses"
        FOREIGN KEY (status) REFERENCES camreq.requisition_statuses (status),
    CONSTRAINT "requisition number must be unique per unit and year" UNIQUE (unit, year, number),
    CONSTRAINT "issued requisitions have a number and year, drafts have none"
        CHECK ((status = 'draft' OR (status = 'cancelled' AND issued_at IS NULL)) = (number IS NULL AND year IS NULL)),
    CONSTRAINT "unit must be 1 to 200 characters" CHECK (length(btrim(unit)) BETWEEN 1 AND 200),
    CONSTRAINT "officer name must be 1 to 200 characters" CHECK (length(btrim(officer_name)) BETWEEN 1 AND 200),
    CONSTRAINT "officer rank must be at most 200 characters" CHECK (length(officer_rank) <= 200),
    CONSTRAINT "officer e-mail must be at most 200 characters" CHECK (length(officer_email) <= 200),
    CONSTRAINT "officer phone must be at most 50 characters" CHECK (length(officer_phone) <= 50),
    CONSTRAINT "case number must be 1 to 100 characters" CHECK (length(btrim(case_number)) BETWEEN 1 AND 100),
    CONSTRAINT "investigation must be flagrance, preliminary or judicial"
        CHECK (investigation IN ('flagrance', 'preliminary', 'judicial')),
    CONSTRAINT "authorisation reference must be at most 200 characters" CHECK (length(authorisation_ref) <= 200),
    CONSTRAINT "delivery must be 1 to 2000 characters" CHECK (length(btrim(delivery)) BETWEEN 1 AND 2000),
    CONSTRAINT "answer deadline must be in the future"
        CHECK (answer_deadline > created_at)
);
CREATE INDEX requisitions_owner_idx ON camreq.requisitions (owner_id);
CREATE INDEX requisitions_open_purge_idx ON camreq.requisitions (purge_deadline)
    WHERE status IN ('draft', 'issued', 'sent', 'acknowledged');
COMMENT ON TABLE camreq.requisitions IS 'Judicial requisitions, one per owner; number given at issue, gapless per unit and year';
COMMENT ON COLUMN camreq.requisitions.purge_deadline IS 'Earliest purge_at of its cameras, kept by a trigger';

CREATE TABLE camreq.requisition_cameras (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_id bigint NOT NULL REFERENCES camreq.requisitions ON DELETE RESTRICT,
    camera_id bigint NOT NULL,
    search_id bigint,
    incident_id text,
    window_start timestamptz NOT NULL,
    window_end timestamptz NOT NULL,
    purge_at timestamptz NOT NULL,
    CONSTRAINT "requisition camera must be in the registry"
        FOREIGN KEY (camera_id) REFERENCES camreq.cameras (id) ON DELETE RESTRICT,
    CONSTRAINT "requisition camera search must be in the consultation log"
        FOREIGN KEY (search_id) REFERENCES camreq.searches (id) ON DELETE RESTRICT,
    CONSTRAINT "camera time window must not end before it starts" CHECK (window_end >= window_start),
    CONSTRAINT "incident id must be at most 200 characters" CHECK (length(incident_id) <= 200),
    CONSTRAINT "a camera is asked once per requisition and time window"
        UNIQUE (requisition_id, camera_id, window_start, window_end)
);
CREATE INDEX requisition_cameras_camera_idx ON camreq.requisition_cameras (camera_id);
COMMENT ON TABLE camreq.requisition_cameras IS 'Cameras of a requisition, each with its time window (a camera may appear once per window)';

CREATE FUNCTION camreq.requisition_cameras_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE camreq.requisitions r SET purge_deadline = (
        SELECT min(purge_at) FROM camreq.requisition_cameras c WHERE c.requisition_id = r.id)
    WHERE r.id IN (SELECT DISTINCT requisition_id FROM new_rows);
    RETURN NULL;
END
$$;
CREATE TRIGGER requisition_cameras_after_insert AFTER INSERT ON camreq.requisition_cameras
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION camreq.requisition_cameras_after_insert();

-- Append-only history: every status change, wherever it comes from, is written by the trigger below.
CREATE TABLE camreq.requisition_status_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_id bigint NOT NULL REFERENCES camreq.requisitions ON DELETE RESTRICT,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_status text REFERENCES camreq.requisition_statuses,
    to_status text NOT NULL REFERENCES camreq.requisition_statuses,
    note text,
    CONSTRAINT "status note must be at most 2000 characters" CHECK (length(note) <= 2000)
);
CREATE INDEX requisition_status_history_requisition_idx ON camreq.requisition_status_history (requisition_id);
COMMENT ON TABLE camreq.requisition_status_history IS 'Who changed a requisition''s status, when, from, to and why; rows are never changed';

-- Append-only for everyone (the shared refuse_change), and a row can only record a status change that happened:
-- its status is the requisition's current one, reached for the first time (statuses are never reached twice),
-- by the connected login, now.
CREATE TRIGGER requisition_status_history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
    ON camreq.requisition_status_history FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();

CREATE FUNCTION camreq.requisition_status_history_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := current_user;
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
CREATE TRIGGER requisition_status_history_before_insert BEFORE INSERT ON camreq.requisition_status_history
    FOR EACH ROW EXECUTE FUNCTION camreq.requisition_status_history_before_insert();

-- Refuses transitions absent from requisition_transitions; the note comes from the transaction's camreq.status_note.
CREATE FUNCTION camreq.requisitions_before_status_change() RETURNS trigger
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
    RETURN NEW;
END
$$;
CREATE TRIGGER requisitions_before_status_change BEFORE UPDATE OF status ON camreq.requisitions
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION camreq.requisitions_before_status_change();

CREATE FUNCTION camreq.requisitions_after_status_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO camreq.requisition_status_history (requisition_id, from_status, to_status, note)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status,
            nullif(current_setting('camreq.status_note', true), ''));
    RETURN NULL;
END
$$;
CREATE TRIGGER requisitions_after_insert AFTER INSERT ON camreq.requisitions
    FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_after_status_change();
CREATE TRIGGER requisitions_after_status_change AFTER UPDATE OF status ON camreq.requisitions
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION camreq.requisitions_after_status_change();

-- Gapless numbering: one counter row per unit and year, locked by UPDATE … RETURNING inside the issuing transaction.
CREATE TABLE camreq.requisition_counters (
    unit text NOT NULL,
    year integer NOT NULL,
    last_number integer NOT NULL DEFAULT 0,
    PRIMARY KEY (unit, year)
);
COMMENT ON TABLE camreq.requisition_counters IS 'Last requisition number given per unit and year (numbers are gapless)';

-- The outbox: one e-mail per issued requisition, with a Message-ID that never changes across retries.
CREATE TABLE camreq.requisition_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_id bigint NOT NULL UNIQUE REFERENCES camreq.requisitions ON DELETE RESTRICT,
    message_id text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    CONSTRAINT "outbox status must be pending, sending, sent or failed"
        CHECK (status IN ('pending', 'sending', 'sent', 'failed'))
);
CREATE INDEX requisition_outbox_pending_idx ON camreq.requisition_outbox (id) WHERE status = 'pending';
COMMENT ON TABLE camreq.requisition_outbox IS 'E-mails to send; sending = claimed by a run whose outcome is not yet recorded';

CREATE TABLE camreq.requisition_outbox_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id bigint NOT NULL REFERENCES camreq.requisition_outbox ON DELETE RESTRICT,
    attempted_by text NOT NULL DEFAULT current_user,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    to_address text NOT NULL,
    smtp_server text NOT NULL,
    outcome text,
    smtp_code integer,
    smtp_answer text,
    CONSTRAINT "attempt outcome must be sent, deferred or failed" CHECK (outcome IN ('sent', 'deferred', 'failed'))
);
CREATE INDEX requisition_outbox_attempts_outbox_idx ON camreq.requisition_outbox_attempts (outbox_id);
COMMENT ON TABLE camreq.requisition_outbox_attempts IS 'Every sending attempt and the mail server''s answer (outcome NULL: interrupted)';

-- Gapless numbers without giving anyone the counters: the number is taken by this trigger, as the table owner,
-- only when a row the caller may update goes from draft to issued. A trigger function cannot be called
-- directly, so nobody can burn or read another unit's numbers.
CREATE FUNCTION camreq.number_requisition() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq AS $$
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
REVOKE EXECUTE ON FUNCTION camreq.number_requisition() FROM PUBLIC;
CREATE TRIGGER requisitions_number_on_issue BEFORE UPDATE OF status ON camreq.requisitions
    FOR EACH ROW WHEN (OLD.status = 'draft' AND NEW.status = 'issued') EXECUTE FUNCTION camreq.number_requisition();

-- Numbers a draft the caller may see and queues its e-mail, in the caller's transaction; returns the number,
-- e.g. 2026-000123.
CREATE FUNCTION camreq.issue_requisition(requisition bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    issued_number text;
BEGIN
    PERFORM FROM camreq.requisitions WHERE id = requisition FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'NUMBER: no requisition %', requisition USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE camreq.requisitions SET status = 'issued' WHERE id = requisition RETURNING number INTO issued_number;
    INSERT INTO camreq.requisition_outbox (requisition_id, message_id)
    VALUES (requisition, format('<camreq.%s.%s@camreq.invalid>', requisition, gen_random_uuid()));
    RETURN issued_number;
END
$$;

-- Open requisitions whose footage is purged within 48 hours (or already purged): the ones to chase now.
CREATE VIEW camreq.requisitions_due_soon WITH (security_invoker = true) AS
SELECT r.id, r.number, r.unit, r.case_number, o.name AS owner_name, o.email AS owner_email, o.phone AS owner_phone,
       r.status, r.purge_deadline, r.purge_deadline - now() AS time_left, r.purge_deadline <= now() AS purged
FROM camreq.requisitions r
JOIN camreq.owners o ON o.id = r.owner_id
JOIN camreq.requisition_statuses s ON s.status = r.status
WHERE s.is_open AND r.purge_deadline <= now() + interval '48 hours'
ORDER BY r.purge_deadline;
COMMENT ON VIEW camreq.requisitions_due_soon IS 'Open requisitions whose footage is purged within 48 hours, most urgent first';

INSERT INTO camreq.schema_version (version) VALUES (4);
COMMIT;
