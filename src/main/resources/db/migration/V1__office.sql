-- Offices as loaded from their definition files. event_seq is the number of the office's last
-- journal event: taking this row's lock serialises every change of the office's tickets.
CREATE TABLE office (
    id          VARCHAR(64) PRIMARY KEY,
    definition  TEXT NOT NULL,
    event_seq   BIGINT NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
