-- A message the server fails to deliver several times in a row is recorded as 'unreadable' and skipped, so that one
-- broken message never stalls its folder.
ALTER TABLE connector_errors DROP CONSTRAINT connector_errors_kind_check;
ALTER TABLE connector_errors ADD CONSTRAINT connector_errors_kind_check
    CHECK (kind IN ('parse', 'connector', 'timeout', 'oversized', 'unreadable'));
