-- CamReq schema 6: hardening against a determined login. The issued PDF itself lives in the database (append-only,
-- with its SHA-256): the sender attaches it and the panel opens it, never a file named by a column anyone can write.
-- The recipient of an issued requisition is fixed when it is issued. Cameras and owners are retired, not deleted.
BEGIN;

-- Every PDF rendered for a requisition: a draft's, and the one of the transaction that issues it (issued = true),
-- which is the document sent to the owner, signed later and offered by the owner portal. Rows are never changed.
CREATE TABLE camreq.requisition_documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_id bigint NOT NULL REFERENCES camreq.requisitions ON DELETE RESTRICT,
    issued boolean NOT NULL,
    file_name text NOT NULL,
    pdf bytea NOT NULL,
    sha256 text NOT NULL GENERATED ALWAYS AS (encode(sha256(pdf), 'hex')) STORED,
    created_by name NOT NULL DEFAULT current_user,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "a requisition document must be a PDF" CHECK (substring(pdf FROM 1 FOR 5) = '\x255044462d'::bytea),
    CONSTRAINT "document file name must be letters, digits, . - or _ ending .pdf"
        CHECK (file_name ~ '^[A-Za-z0-9_.-]{1,76}\.pdf$')
);
CREATE UNIQUE INDEX requisition_documents_one_issued_idx ON camreq.requisition_documents (requisition_id)
    WHERE issued;
COMMENT ON TABLE camreq.requisition_documents IS
    'PDFs of requisitions as rendered; issued = the document of the issuing transaction, the one sent; never changed';
COMMENT ON COLUMN camreq.requisition_documents.sha256 IS 'SHA-256 of pdf, hexadecimal, computed by the database';

-- Who and when are the database's word; whether the document is the issued one is the requisition's state: a draft
-- gets draft documents, an issued requisition gets its one document in the transaction that issued it, nothing later.
CREATE FUNCTION camreq.requisition_documents_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r camreq.requisitions;
BEGIN
    NEW.created_by := current_user;
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
CREATE TRIGGER requisition_documents_before_insert BEFORE INSERT ON camreq.requisition_documents
    FOR EACH ROW EXECUTE FUNCTION camreq.requisition_documents_before_insert();
CREATE TRIGGER requisition_documents_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON camreq.requisition_documents
    FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_change();

GRANT SELECT, INSERT (requisition_id, file_name, pdf) ON camreq.requisition_documents
    TO camreq_admin, camreq_investigator;
ALTER TABLE camreq.requisition_documents ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY requisition_documents_of_visible_requisitions ON camreq.requisition_documents
    TO camreq_admin, camreq_investigator
    USING (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id))
    WITH CHECK (EXISTS (SELECT FROM camreq.requisitions r WHERE r.id = requisition_id));

-- pdf_path named a file that the sender attached and the panel opened: nobody writes it any more (older rows keep
-- their value as a record; nothing reads it).
REVOKE UPDATE (pdf_path) ON camreq.requisitions FROM camreq_admin, camreq_investigator;
COMMENT ON COLUMN camreq.requisitions.pdf_path IS 'Unused since schema 6 (the PDF is in camreq.requisition_documents)';

-- The purge deadline drives urgency and the e-mail subject: it is always the earliest purge_at of the cameras,
-- whatever an UPDATE says.
CREATE FUNCTION camreq.requisitions_before_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.purge_deadline := (SELECT min(purge_at) FROM camreq.requisition_cameras c WHERE c.requisition_id = NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER requisitions_before_update BEFORE UPDATE ON camreq.requisitions
    FOR EACH ROW EXECUTE FUNCTION camreq.requisitions_before_update();

-- The recipient is fixed when the requisition is issued (the owner's e-mail at that moment, printed in its PDF):
-- a later edit of the owners directory never redirects issued mail. The Message-ID is the database's too.
ALTER TABLE camreq.requisition_outbox ADD COLUMN to_address text;
COMMENT ON COLUMN camreq.requisition_outbox.to_address IS
    'Owner''s e-mail when the requisition was issued (NULL: none, serve it another way); never changed';
ALTER TABLE camreq.requisition_outbox NO FORCE ROW LEVEL SECURITY;
ALTER TABLE camreq.requisitions NO FORCE ROW LEVEL SECURITY;
UPDATE camreq.requisition_outbox b SET to_address = o.email
FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id
WHERE r.id = b.requisition_id;
ALTER TABLE camreq.requisition_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE camreq.requisitions FORCE ROW LEVEL SECURITY;

CREATE FUNCTION camreq.requisition_outbox_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.message_id := format('<camreq.%s.%s@camreq.invalid>', NEW.requisition_id, gen_random_uuid());
    NEW.to_address := (SELECT o.email FROM camreq.requisitions r JOIN camreq.owners o ON o.id = r.owner_id
                       WHERE r.id = NEW.requisition_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER requisition_outbox_before_insert BEFORE INSERT ON camreq.requisition_outbox
    FOR EACH ROW EXECUTE FUNCTION camreq.requisition_outbox_before_insert();

-- Issuing queues the e-mail however it is done (camreq.issue_requisition or a bare UPDATE of the status).
CREATE FUNCTION camreq.requisitions_queue_on_issue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO camreq.requisition_outbox (requisition_id, message_id) VALUES (NEW.id, '');
    RETURN NULL;
END
$$;
CREATE TRIGGER requisitions_queue_on_issue AFTER UPDATE OF status ON camreq.requisitions
    FOR EACH ROW WHEN (OLD.status = 'draft' AND NEW.status = 'issued') EXECUTE FUNCTION camreq.requisitions_queue_on_issue();

CREATE OR REPLACE FUNCTION camreq.issue_requisition(requisition bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    issued_number text;
BEGIN
    PERFORM FROM camreq.requisitions WHERE id = requisition FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'NUMBER: no requisition %', requisition USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE camreq.requisitions SET status = 'issued' WHERE id = requisition RETURNING number INTO issued_number;
    RETURN issued_number;
END
$$;

-- An owner's e-mail is one plain address (no display name, group or list), so that it names one recipient.
ALTER TABLE camreq.owners ADD CONSTRAINT "owner e-mail must be one address such as name@example.org"
    CHECK (email ~ '^[^@\s<>(),;:"\[\]\\]+@[^@\s<>(),;:"\[\]\\]+\.[^@\s<>(),;:"\[\]\\.]+$') NOT VALID;

-- A message whose data reached the server without an answer (cut, timed out) may have been delivered: its outcome is
-- unknown, it is never re-sent automatically, and Send again puts it back in the queue once someone has checked.
ALTER TABLE camreq.requisition_outbox DROP CONSTRAINT "outbox status must be pending, sending, sent or failed";
ALTER TABLE camreq.requisition_outbox ADD CONSTRAINT "outbox status must be pending, sending, sent, failed or unknown"
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown'));
ALTER TABLE camreq.requisition_outbox_attempts DROP CONSTRAINT "attempt outcome must be sent, deferred or failed";
ALTER TABLE camreq.requisition_outbox_attempts ADD CONSTRAINT "attempt outcome must be sent, deferred, failed or unknown"
    CHECK (outcome IN ('sent', 'deferred', 'failed', 'unknown'));

-- Cameras and owners are retired (camera status removed), never deleted: a refused DELETE told an analyst which
-- cameras are under requisition, and a deleted row leaves the registry's history.
REVOKE DELETE ON camreq.owners, camreq.cameras FROM camreq_analyst;

-- Administrators give CamReq roles without CREATEROLE (with which, on PostgreSQL 15, a login granted itself
-- pg_execute_server_program and reset other logins' passwords): this function runs as the schema owner and gives a
-- login one of the three CamReq group roles, nothing else. Only camreq_admin may call it, and it goes on only for a
-- login registered as administrator in this database (session_user, which SET ROLE leaves unchanged), a superuser
-- or the schema owner.
CREATE FUNCTION camreq.grant_role(login name, camreq_role text, login_unit text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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
REVOKE EXECUTE ON FUNCTION camreq.grant_role(name, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.grant_role(name, text, text) TO camreq_admin;

-- A login learns its own unit and role, not those of others (administrators read camreq.users anyway).
-- session_user: inside a SECURITY DEFINER function current_user is the owner; SET ROLE gets nothing (fails closed).
CREATE FUNCTION camreq.visible_login(login name) RETURNS camreq.users
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT u.* FROM camreq.users u
    WHERE u.login = visible_login.login
      AND (u.login = session_user
           OR EXISTS (SELECT FROM camreq.users a WHERE a.login = session_user AND a.role = 'administrator'))
$$;
REVOKE EXECUTE ON FUNCTION camreq.visible_login(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.visible_login(name) TO camreq_admin, camreq_analyst, camreq_investigator;
CREATE OR REPLACE FUNCTION camreq.login_unit(login name) RETURNS text
LANGUAGE sql STABLE SECURITY INVOKER AS $$ SELECT (camreq.visible_login(login)).unit $$;
CREATE OR REPLACE FUNCTION camreq.login_role(login name) RETURNS text
LANGUAGE sql STABLE SECURITY INVOKER AS $$ SELECT (camreq.visible_login(login)).role $$;
ALTER FUNCTION camreq.login_unit(name) RESET search_path;
ALTER FUNCTION camreq.login_role(name) RESET search_path;

-- SECURITY DEFINER functions: pg_temp (where any login can create objects) is searched last, not implicitly first.
ALTER FUNCTION camreq.audit_row() SET search_path = pg_catalog, camreq, pg_temp;
ALTER FUNCTION camreq.number_requisition() SET search_path = pg_catalog, camreq, pg_temp;

INSERT INTO camreq.schema_version (version) VALUES (6);
COMMIT;
