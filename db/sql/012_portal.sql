-- CamReq schema 12: the owner's answer portal. Issuing a requisition gives it a personal link (a 256-bit random
-- token, stored here as its SHA-256 only); the owner opens it in the portal, acknowledges, answers per camera
-- (footage deposited, none and why, refused) and confirms. The portal logs in as a member of camreq_portal, which has
-- no table privilege at all: it may only call the portal_* functions below, which take the token and answer for that
-- one requisition. They run as camreq_owner_portal (NOLOGIN), whose name is the author of the status changes they
-- make ("the owner, through the portal"). Investigators read the portal's tables through functions that filter by
-- the caller's unit first, never directly.
BEGIN;

-- Database-wide portal settings (the schema owner sets portal_public_url: NULL means no portal, no link printed).
ALTER TABLE camreq.settings
    ADD COLUMN portal_public_url text,
    ADD COLUMN portal_link_days_after_purge integer NOT NULL DEFAULT 30,
    ADD COLUMN portal_deposit_limit_bytes bigint NOT NULL DEFAULT 53687091200,
    ADD COLUMN footage_retention_days integer NOT NULL DEFAULT 90,
    ADD CONSTRAINT "portal public URL must be http(s)://host[/path] without a trailing slash"
        CHECK (portal_public_url ~ '^https?://[A-Za-z0-9.:\[\]-]+(/[A-Za-z0-9._~%-]+)*$'),
    ADD CONSTRAINT "portal link days after purge must be between 0 and 365"
        CHECK (portal_link_days_after_purge BETWEEN 0 AND 365),
    ADD CONSTRAINT "portal deposit limit must be positive" CHECK (portal_deposit_limit_bytes > 0),
    ADD CONSTRAINT "footage retention must be between 1 and 3650 days" CHECK (footage_retention_days BETWEEN 1 AND 3650);
COMMENT ON COLUMN camreq.settings.portal_public_url IS
    'Public address of the owner portal (links are <url>/r/<token>); NULL: no portal';
COMMENT ON COLUMN camreq.settings.footage_retention_days IS
    'Deposited footage is deleted this many days after its requisition is closed';

-- Roles (cluster-wide, created where missing): the portal's group and the owner of the portal's functions.
DO $$
DECLARE
    wanted text;
BEGIN
    FOREACH wanted IN ARRAY ARRAY['camreq_portal', 'camreq_owner_portal'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', wanted);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    IF NOT pg_has_role(current_user, 'camreq_owner_portal', 'USAGE') THEN
        EXECUTE format('GRANT camreq_owner_portal TO %I', current_user);
    END IF;
END
$$;
COMMENT ON ROLE camreq_portal IS 'The owner portal''s logins: EXECUTE on the camreq.portal_* functions only';
COMMENT ON ROLE camreq_owner_portal IS 'Owner of the CamReq portal functions (the owner, through the portal); no login';

-- One personal link per issued requisition.
CREATE TABLE camreq.portal_links (
    requisition_id bigint PRIMARY KEY REFERENCES camreq.requisitions ON DELETE RESTRICT,
    token_sha256 text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    first_opened_at timestamptz,
    acknowledged_at timestamptz,
    confirmed_at timestamptz,
    receipt_pdf bytea,
    CONSTRAINT "link token hash must be 64 hexadecimal digits" CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "a receipt must be a PDF" CHECK (substring(receipt_pdf FROM 1 FOR 5) = '\x255044462d'::bytea)
);
COMMENT ON TABLE camreq.portal_links IS
    'Personal link of an issued requisition (SHA-256 of its token), when the owner first opened, acknowledged, confirmed';

-- What the owner answered for each camera window of the requisition (changeable until the answer is confirmed).
CREATE TABLE camreq.portal_answers (
    requisition_camera_id bigint PRIMARY KEY REFERENCES camreq.requisition_cameras ON DELETE RESTRICT,
    answer text NOT NULL,
    no_footage_reason text REFERENCES camreq.no_footage_reasons,
    refusal_reason text,
    answered_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "answer must be deposited, no_footage or refused" CHECK (answer IN ('deposited', 'no_footage', 'refused')),
    CONSTRAINT "a no-footage answer has a reason, and only it"
        CHECK ((answer = 'no_footage') = (no_footage_reason IS NOT NULL)),
    CONSTRAINT "a refusal has a reason of 1 to 2000 characters, and only it"
        CHECK ((answer = 'refused') = (refusal_reason IS NOT NULL) AND length(btrim(refusal_reason)) BETWEEN 1 AND 2000)
);
COMMENT ON TABLE camreq.portal_answers IS 'The owner''s answer per camera window, given through the portal';

-- Footage files deposited through the portal: stored under upload_id (random) in the portal's storage folder.
CREATE TABLE camreq.portal_deposits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requisition_camera_id bigint NOT NULL REFERENCES camreq.requisition_cameras ON DELETE RESTRICT,
    upload_id text NOT NULL UNIQUE,
    file_name text NOT NULL,
    size bigint NOT NULL,
    sha256 text,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    scan_result text NOT NULL DEFAULT 'not_scanned',
    scan_detail text,
    deleted_at timestamptz,
    CONSTRAINT "upload id must be 32 hexadecimal digits" CHECK (upload_id ~ '^[0-9a-f]{32}$'),
    CONSTRAINT "deposit file name must be 1 to 200 characters" CHECK (length(file_name) BETWEEN 1 AND 200),
    CONSTRAINT "deposit size must not be negative" CHECK (size >= 0),
    CONSTRAINT "deposit SHA-256 must be 64 hexadecimal digits" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "a finished deposit has its SHA-256" CHECK ((finished_at IS NULL) = (sha256 IS NULL)),
    CONSTRAINT "scan result must be not_scanned, clean or infected"
        CHECK (scan_result IN ('not_scanned', 'clean', 'infected')),
    CONSTRAINT "scan detail must be at most 500 characters" CHECK (length(scan_detail) <= 500)
);
CREATE INDEX portal_deposits_camera_idx ON camreq.portal_deposits (requisition_camera_id);
COMMENT ON TABLE camreq.portal_deposits IS
    'Files deposited through the portal: name as given (sanitised), size, SHA-256, scan, deletion after retention';

-- Short-lived tokens with which a login of the requisition's unit fetches its deposits from the portal.
CREATE TABLE camreq.portal_fetch_tokens (
    token_sha256 text PRIMARY KEY,
    requisition_id bigint NOT NULL REFERENCES camreq.requisitions ON DELETE RESTRICT,
    created_by name NOT NULL DEFAULT session_user,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '15 minutes',
    CONSTRAINT "fetch token hash must be 64 hexadecimal digits" CHECK (token_sha256 ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE camreq.portal_fetch_tokens IS 'Fetch tokens (SHA-256) given to a login of the requisition''s unit, 15 minutes';

-- The e-mail carries the link (the PDF prints it too); set once, in the issuing transaction, matching the stored hash.
ALTER TABLE camreq.requisition_outbox ADD COLUMN portal_link text;
COMMENT ON COLUMN camreq.requisition_outbox.portal_link IS 'The owner''s personal portal link, printed in the e-mail';

-- Besides the requisition itself, the outbox carries the receipt of a confirmed answer to the owner and the notice of
-- it to the officer: one message of each kind per requisition.
ALTER TABLE camreq.requisition_outbox
    ADD COLUMN kind text NOT NULL DEFAULT 'requisition',
    ADD CONSTRAINT "outbox kind must be requisition, receipt or officer_notice"
        CHECK (kind IN ('requisition', 'receipt', 'officer_notice')),
    DROP CONSTRAINT requisition_outbox_requisition_id_key,
    ADD CONSTRAINT "one outbox message of each kind per requisition" UNIQUE (requisition_id, kind);
COMMENT ON COLUMN camreq.requisition_outbox.kind IS
    'requisition (sent at issue), receipt (to the owner, on confirmation in the portal), officer_notice (to the officer)';

-- The recipient: the owner's e-mail when the requisition is issued; the receipt goes to that same address, the
-- notice to the requesting officer.
CREATE OR REPLACE FUNCTION camreq.requisition_outbox_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
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

-- Every change to the portal's tables is audited, and none is truncated.
DO $$
DECLARE
    audited text;
    key text;
BEGIN
    FOR audited, key IN VALUES ('portal_links', 'requisition_id'), ('portal_answers', 'requisition_camera_id'),
                               ('portal_deposits', 'id'), ('portal_fetch_tokens', 'requisition_id') LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON camreq.%I '
                       'FOR EACH ROW EXECUTE FUNCTION camreq.audit_row(%L)', audited || '_audit', audited, key);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON camreq.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION camreq.refuse_truncate()', audited || '_no_truncate', audited);
    END LOOP;
END
$$;

CREATE FUNCTION camreq.portal_links_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
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
CREATE TRIGGER portal_links_before_insert BEFORE INSERT ON camreq.portal_links
    FOR EACH ROW EXECUTE FUNCTION camreq.portal_links_before_insert();

-- The outbox's link is written once, and only the link whose token hashes to the requisition's stored hash.
CREATE FUNCTION camreq.requisition_outbox_portal_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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
$$;
CREATE TRIGGER requisition_outbox_portal_link BEFORE UPDATE OF portal_link ON camreq.requisition_outbox
    FOR EACH ROW WHEN (OLD.portal_link IS DISTINCT FROM NEW.portal_link)
    EXECUTE FUNCTION camreq.requisition_outbox_portal_link();


ALTER TABLE camreq.portal_links ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE camreq.portal_answers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE camreq.portal_deposits ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE camreq.portal_fetch_tokens ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- What camreq_owner_portal (the functions' owner) reads and writes: requisitions in full (the functions choose the
-- row by token or by the caller's unit), the portal tables, the status history rows of its own changes.
GRANT USAGE ON SCHEMA camreq TO camreq_owner_portal, camreq_portal;
GRANT SELECT ON camreq.settings, camreq.requisitions, camreq.requisition_cameras, camreq.requisition_documents,
    camreq.requisition_statuses, camreq.requisition_transitions, camreq.requisition_status_history,
    camreq.no_footage_reasons, camreq.cameras, camreq.owners, camreq.users TO camreq_owner_portal;
GRANT UPDATE (status, no_footage_reason, purge_deadline) ON camreq.requisitions TO camreq_owner_portal;
GRANT INSERT (requisition_id, from_status, to_status, note) ON camreq.requisition_status_history TO camreq_owner_portal;
GRANT SELECT, INSERT, UPDATE ON camreq.portal_links, camreq.portal_answers, camreq.portal_deposits,
    camreq.portal_fetch_tokens TO camreq_owner_portal;
GRANT SELECT, INSERT (requisition_id, message_id, kind) ON camreq.requisition_outbox TO camreq_owner_portal;
GRANT EXECUTE ON FUNCTION camreq.visible_login(name) TO camreq_owner_portal;
CREATE POLICY requisition_outbox_through_the_portal ON camreq.requisition_outbox TO camreq_owner_portal
    USING (true) WITH CHECK (kind <> 'requisition');
CREATE POLICY requisitions_through_the_portal ON camreq.requisitions TO camreq_owner_portal USING (true);
CREATE POLICY requisition_cameras_through_the_portal ON camreq.requisition_cameras FOR SELECT
    TO camreq_owner_portal USING (true);
CREATE POLICY requisition_documents_through_the_portal ON camreq.requisition_documents FOR SELECT
    TO camreq_owner_portal USING (true);
CREATE POLICY requisition_status_history_through_the_portal ON camreq.requisition_status_history
    TO camreq_owner_portal USING (true) WITH CHECK (changed_by = current_user);
CREATE POLICY users_read_by_the_portal ON camreq.users FOR SELECT TO camreq_owner_portal USING (true);
CREATE POLICY portal_links_kept_by_the_portal ON camreq.portal_links TO camreq_owner_portal USING (true);
CREATE POLICY portal_answers_kept_by_the_portal ON camreq.portal_answers TO camreq_owner_portal USING (true);
CREATE POLICY portal_deposits_kept_by_the_portal ON camreq.portal_deposits TO camreq_owner_portal USING (true);
CREATE POLICY portal_fetch_tokens_kept_by_the_portal ON camreq.portal_fetch_tokens TO camreq_owner_portal
    USING (true);

-- The requisition a live token opens: the link exists, the requisition is open, the link has not expired.
CREATE FUNCTION camreq.portal_link_of(token text) RETURNS camreq.portal_links
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT l.* FROM camreq.portal_links l
    JOIN camreq.requisitions r ON r.id = l.requisition_id
    JOIN camreq.requisition_statuses s ON s.status = r.status
    WHERE l.token_sha256 = encode(sha256(convert_to(token, 'UTF8')), 'hex')
      AND s.is_open AND l.confirmed_at IS NULL AND now() < l.expires_at
$$;

-- Moves a requisition through the portal, with the history note saying so (statuses the transitions allow only).
CREATE FUNCTION camreq.portal_move(requisition bigint, to_status text, note text, reason text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    PERFORM set_config('camreq.status_note', 'par le propriétaire, via le portail : ' || note, true);
    UPDATE camreq.requisitions SET status = to_status, no_footage_reason = reason
    WHERE id = requisition AND status IS DISTINCT FROM to_status;
    PERFORM set_config('camreq.status_note', '', true);
END
$$;

-- The requisition of a token as one JSON document (NULL for a wrong or dead token); records the first opening.
CREATE FUNCTION camreq.portal_requisition(token text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- The issued PDF of a token's requisition (as stored: signed or not), no row for a wrong or dead token.
CREATE FUNCTION camreq.portal_document(token text) RETURNS TABLE (file_name text, pdf bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.file_name, d.pdf FROM camreq.requisition_documents d
    WHERE d.requisition_id = (camreq.portal_link_of(token)).requisition_id AND d.issued
$$;

-- Acknowledges receipt (sent → acknowledged); true where the token is live.
CREATE FUNCTION camreq.portal_acknowledge(token text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- The camera window of a token's requisition, locked, with its requisition acknowledged; raises for anything else.
CREATE FUNCTION camreq.portal_camera(token text, requisition_camera bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Records the answer for one camera window: no_footage with a reason, or refused with a reason.
CREATE FUNCTION camreq.portal_answer(token text, requisition_camera bigint, answer text, reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Starts a deposit for a camera window under a random upload id, within the requisition's size limit.
CREATE FUNCTION camreq.portal_start_deposit(token text, requisition_camera bigint, upload_id text, file_name text,
                                            size bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- The unfinished deposit of a token's requisition under upload_id: (file size announced), no row otherwise.
CREATE FUNCTION camreq.portal_upload(token text, upload_id text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.size FROM camreq.portal_deposits d
    JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
    WHERE d.upload_id = portal_upload.upload_id AND d.finished_at IS NULL
      AND rc.requisition_id = (camreq.portal_link_of(token)).requisition_id
$$;

-- Records a finished deposit's SHA-256 and scan; a clean (or unscanned) file answers its camera as deposited.
CREATE FUNCTION camreq.portal_finish_deposit(token text, upload_id text, sha256 text, scan_result text,
                                             scan_detail text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- Confirms the answer complete (every camera window answered): footage delivered where any file was deposited,
-- else refused where any camera was refused, else no footage (the most frequent reason); stores the owner's receipt
-- (a PDF the portal rendered) and queues it to the owner and a notice to the officer. Returns the new status.
CREATE FUNCTION camreq.portal_confirm(token text, receipt bytea) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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

-- The finished, clean deposits a live fetch token opens (for camreq:fetchfootage), no row otherwise.
CREATE FUNCTION camreq.portal_fetch_deposits(fetch_token text)
RETURNS TABLE (upload_id text, file_name text, size bigint, sha256 text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.upload_id, d.file_name, d.size, d.sha256
    FROM camreq.portal_fetch_tokens t
    JOIN camreq.requisition_cameras rc ON rc.requisition_id = t.requisition_id
    JOIN camreq.portal_deposits d ON d.requisition_camera_id = rc.id
    WHERE t.token_sha256 = encode(sha256(convert_to(fetch_token, 'UTF8')), 'hex') AND now() < t.expires_at
      AND d.finished_at IS NOT NULL AND d.scan_result <> 'infected' AND d.deleted_at IS NULL
    ORDER BY d.id
$$;

-- Deposits whose requisition closed more than footage_retention_days ago and not yet deleted (upload ids only).
CREATE FUNCTION camreq.portal_expired_deposits() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.upload_id FROM camreq.portal_deposits d
    JOIN camreq.requisition_cameras rc ON rc.id = d.requisition_camera_id
    JOIN camreq.requisitions r ON r.id = rc.requisition_id
    JOIN camreq.requisition_statuses s ON s.status = r.status AND NOT s.is_open
    WHERE d.deleted_at IS NULL
      AND (SELECT max(h.changed_at) FROM camreq.requisition_status_history h WHERE h.requisition_id = r.id)
          + make_interval(days => (SELECT footage_retention_days FROM camreq.settings)) < now()
$$;

-- Records that the portal deleted an expired deposit's file (audited like every change of the table).
CREATE FUNCTION camreq.portal_record_deletion(upload_id text) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    UPDATE camreq.portal_deposits d SET deleted_at = now()
    WHERE d.upload_id = portal_record_deletion.upload_id AND d.deleted_at IS NULL
      AND d.upload_id IN (SELECT camreq.portal_expired_deposits())
    RETURNING true
$$;

-- Investigators' reads: the requisition must be of the caller's unit (administrators, the schema owner and
-- superusers, the trust root: any) before anything else.
CREATE FUNCTION camreq.caller_may_follow(requisition bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT EXISTS (
        SELECT FROM camreq.visible_login(session_user) u JOIN camreq.requisitions r ON r.id = requisition
        WHERE u.role = 'administrator' OR (u.role = 'investigator' AND r.unit = u.unit))
    OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
    OR session_user = (SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'camreq')
$$;

-- Portal facts of the caller's requisitions: when the owner first opened the link, acknowledged, confirmed.
CREATE FUNCTION camreq.requisition_portal_links(requisitions bigint[])
RETURNS TABLE (requisition_id bigint, first_opened_at timestamptz, acknowledged_at timestamptz,
               confirmed_at timestamptz, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT l.requisition_id, l.first_opened_at, l.acknowledged_at, l.confirmed_at, l.expires_at
    FROM unnest(requisitions) AS asked(id)
    JOIN camreq.portal_links l ON l.requisition_id = asked.id AND camreq.caller_may_follow(asked.id)
$$;

-- The deposits of one of the caller's requisitions.
CREATE FUNCTION camreq.requisition_deposits(requisition bigint)
RETURNS TABLE (deposit_id bigint, upload_id text, camera_ref text, file_name text, size bigint, sha256 text,
               finished_at timestamptz, scan_result text, deleted_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT d.id, d.upload_id, c.ref, d.file_name, d.size, d.sha256, d.finished_at, d.scan_result, d.deleted_at
    FROM camreq.requisition_cameras rc
    JOIN camreq.portal_deposits d ON d.requisition_camera_id = rc.id
    JOIN camreq.cameras c ON c.id = rc.camera_id
    WHERE camreq.caller_may_follow(requisition) AND rc.requisition_id = requisition AND d.finished_at IS NOT NULL
    ORDER BY d.id
$$;

-- The receipt of one of the caller's requisitions (attached to its receipt and officer notice e-mails).
CREATE FUNCTION camreq.requisition_receipt(requisition bigint) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    SELECT l.receipt_pdf FROM camreq.portal_links l
    WHERE camreq.caller_may_follow(requisition) AND l.requisition_id = requisition
$$;

-- A fetch token for one of the caller's requisitions (valid 15 minutes), from a token the client drew.
CREATE FUNCTION camreq.portal_fetch_token(requisition bigint, token text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
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
$$;

-- Ownership and calls: camreq_owner_portal owns them (CREATE on the schema only while it takes them); the portal's
-- logins call the portal_* functions taking a token, investigators and administrators the three reads.
GRANT CREATE ON SCHEMA camreq TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_link_of(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.requisition_outbox_portal_link() OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_move(bigint, text, text, text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_requisition(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_document(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_acknowledge(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_camera(text, bigint) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_answer(text, bigint, text, text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_start_deposit(text, bigint, text, text, bigint) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_upload(text, text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_finish_deposit(text, text, text, text, text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_confirm(text, bytea) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_fetch_deposits(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_expired_deposits() OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_record_deletion(text) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.caller_may_follow(bigint) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.requisition_portal_links(bigint[]) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.requisition_deposits(bigint) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.requisition_receipt(bigint) OWNER TO camreq_owner_portal;
ALTER FUNCTION camreq.portal_fetch_token(bigint, text) OWNER TO camreq_owner_portal;
REVOKE CREATE ON SCHEMA camreq FROM camreq_owner_portal;
REVOKE EXECUTE ON FUNCTION camreq.portal_link_of(text), camreq.portal_move(bigint, text, text, text),
    camreq.portal_requisition(text), camreq.portal_document(text), camreq.portal_acknowledge(text),
    camreq.portal_camera(text, bigint), camreq.portal_answer(text, bigint, text, text),
    camreq.portal_start_deposit(text, bigint, text, text, bigint), camreq.portal_upload(text, text),
    camreq.portal_finish_deposit(text, text, text, text, text), camreq.portal_confirm(text, bytea),
    camreq.portal_fetch_deposits(text), camreq.portal_expired_deposits(), camreq.portal_record_deletion(text),
    camreq.caller_may_follow(bigint), camreq.requisition_portal_links(bigint[]), camreq.requisition_deposits(bigint),
    camreq.requisition_receipt(bigint), camreq.portal_fetch_token(bigint, text),
    camreq.requisition_outbox_portal_link() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.portal_requisition(text), camreq.portal_document(text),
    camreq.portal_acknowledge(text), camreq.portal_answer(text, bigint, text, text),
    camreq.portal_start_deposit(text, bigint, text, text, bigint), camreq.portal_upload(text, text),
    camreq.portal_finish_deposit(text, text, text, text, text), camreq.portal_confirm(text, bytea),
    camreq.portal_fetch_deposits(text), camreq.portal_expired_deposits(), camreq.portal_record_deletion(text)
    TO camreq_portal;
GRANT EXECUTE ON FUNCTION camreq.requisition_portal_links(bigint[]), camreq.requisition_deposits(bigint),
    camreq.requisition_receipt(bigint), camreq.portal_fetch_token(bigint, text) TO camreq_admin, camreq_investigator;

INSERT INTO camreq.schema_version (version) VALUES (12);
COMMIT;
