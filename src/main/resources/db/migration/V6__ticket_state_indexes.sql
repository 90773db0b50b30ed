-- The reads that run most (every line estimate, the counters' tickets, the notices'
-- sweep) ask for tickets in a few open states. H2 looks up an IN (...) list only on an
-- index's first column, and with the office and the day first it read every ticket of
-- the day, done ones included, getting slower as the day filled. State first, these reads
-- touch only the open tickets, on H2 and PostgreSQL alike.
DROP INDEX ticket_line;
DROP INDEX ticket_counter;
CREATE INDEX ticket_state_line ON ticket (state, office_id, business_date, queue_id);
CREATE INDEX ticket_state_counter ON ticket (state, office_id, business_date, counter_id);
