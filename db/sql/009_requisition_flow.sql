-- CamReq schema 9: a requisition served without e-mail (in person, fax, registered letter) withdraws its e-mail.
BEGIN;

ALTER TABLE camreq.requisition_outbox DROP CONSTRAINT "outbox status must be pending, sending, sent, failed or unknown";
ALTER TABLE camreq.requisition_outbox ADD CONSTRAINT
    "outbox status must be pending, sending, sent, failed, unknown or served_otherwise"
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'served_otherwise'));
COMMENT ON TABLE camreq.requisition_outbox IS 'E-mails to send; sending = claimed by a run whose outcome is not yet recorded; unknown = the data went but the answer was lost (never re-sent automatically); served_otherwise = never sent, the requisition was served another way';

INSERT INTO camreq.schema_version (version) VALUES (9);
COMMIT;
