-- The phone that took a web ticket (a hash of its device cookie): its pages, and one open
-- ticket per phone per queue.
ALTER TABLE ticket ADD COLUMN holder_hash VARCHAR(64);
CREATE INDEX ticket_holder ON ticket (office_id, business_date, holder_hash);

-- How to tell a holder "come now" and "you are called". Kept only while the ticket is open
-- and erased at the end of its day; nothing else about the holder is stored.
CREATE TABLE ticket_contact (
    ticket_id         UUID NOT NULL REFERENCES ticket (id),
    channel           VARCHAR(16) NOT NULL,
    address           VARCHAR(2000) NOT NULL,
    travel_minutes    INTEGER NOT NULL,
    language          VARCHAR(16) NOT NULL,
    leave_notified_at TIMESTAMP WITH TIME ZONE,
    calls_notified    INTEGER NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, channel)
);
