-- The last number given in each queue on each business day (numbers restart every day).
CREATE TABLE queue_day_number (
    office_id     VARCHAR(64) NOT NULL REFERENCES office (id),
    queue_id      VARCHAR(8) NOT NULL,
    business_date DATE NOT NULL,
    last_number   INTEGER NOT NULL,
    PRIMARY KEY (office_id, queue_id, business_date)
);

CREATE TABLE ticket (
    id              UUID PRIMARY KEY,
    office_id       VARCHAR(64) NOT NULL REFERENCES office (id),
    business_date   DATE NOT NULL,
    queue_id        VARCHAR(8) NOT NULL,
    seq             INTEGER NOT NULL,
    number          VARCHAR(16) NOT NULL,
    procedure_id    VARCHAR(64) NOT NULL,
    channel         VARCHAR(8) NOT NULL,
    state           VARCHAR(12) NOT NULL,
    front           BOOLEAN NOT NULL,
    order_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_at   TIMESTAMP WITH TIME ZONE,
    passed_over_at  TIMESTAMP WITH TIME ZONE,
    called_at       TIMESTAMP WITH TIME ZONE,
    counter_id      VARCHAR(16),
    call_count      INTEGER NOT NULL,
    call_deadline   TIMESTAMP WITH TIME ZONE,
    absent_at       TIMESTAMP WITH TIME ZONE,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    note            VARCHAR(500),
    idempotency_key VARCHAR(128),
    request_hash    VARCHAR(64)
);

CREATE UNIQUE INDEX ticket_number_per_day ON ticket (office_id, business_date, number);
CREATE UNIQUE INDEX ticket_idempotency ON ticket (office_id, idempotency_key);
CREATE INDEX ticket_line ON ticket (office_id, business_date, state, queue_id);
CREATE INDEX ticket_counter ON ticket (office_id, business_date, counter_id, state);

-- Every step of every ticket, numbered per office without gaps (seq = the SSE event id).
CREATE TABLE office_event (
    office_id  VARCHAR(64) NOT NULL REFERENCES office (id),
    seq        BIGINT NOT NULL,
    ticket_id  UUID NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    payload    TEXT NOT NULL,
    PRIMARY KEY (office_id, seq)
);

CREATE INDEX office_event_ticket ON office_event (ticket_id, seq);
