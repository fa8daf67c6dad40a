-- Idempotency keys in use: a claim names the request that holds it (reservation), so a request
-- presumed dead and replaced cannot later overwrite or free its successor's key; a stored response
-- keeps its content type to be replayed as it was first sent.
ALTER TABLE idempotency_keys ADD COLUMN reservation uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE idempotency_keys ADD COLUMN response_content_type text;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_response_complete
    CHECK ((response_status IS NULL) = (response_body IS NULL));
