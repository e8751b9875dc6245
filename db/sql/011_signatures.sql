-- CamReq schema 11: the signing policy of electronically signed requisitions (PAdES).
--
-- optional: a requisition is signed when the officer has a certificate configured; required: issuing without one
-- is refused. Only an administrator changes it (UPDATE camreq.settings SET signing_policy = 'required').
BEGIN;

ALTER TABLE camreq.settings ADD COLUMN signing_policy text NOT NULL DEFAULT 'optional'
    CONSTRAINT "signing policy must be optional or required" CHECK (signing_policy IN ('optional', 'required'));
COMMENT ON COLUMN camreq.settings.signing_policy IS
    'optional: issued PDFs are signed when a certificate is configured; required: issuing without one is refused';
GRANT UPDATE (signing_policy) ON camreq.settings TO camreq_admin;

INSERT INTO camreq.schema_version (version) VALUES (11);
COMMIT;
