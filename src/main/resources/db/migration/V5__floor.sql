-- Staff sign-in: repeated failures back off and lock the account for a while.
ALTER TABLE staff_account ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_account ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;

-- A device an administrator revoked no longer opens the display or kiosk pages.
ALTER TABLE device ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;

-- Whether a counter is open, on a break or closed, as its clerk last said.
CREATE TABLE counter_status (
    office_id  VARCHAR(64) NOT NULL REFERENCES office (id),
    counter_id VARCHAR(16) NOT NULL,
    state      VARCHAR(16) NOT NULL,
    reason     VARCHAR(16),
    since      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(64),
    PRIMARY KEY (office_id, counter_id)
);

-- Staff sessions, shared by every instance (Spring Session JDBC's own schema).
CREATE TABLE spring_session (
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
