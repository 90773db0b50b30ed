-- Secrets shared by every instance (HMAC keys for ticket links and check-in codes).
CREATE TABLE app_secret (
    name  VARCHAR(64) PRIMARY KEY,
    secret VARCHAR(256) NOT NULL
);

CREATE TABLE staff_account (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    office_id     VARCHAR(64),
    role          VARCHAR(16) NOT NULL,
    enabled       BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Registered kiosks and hall displays; they authenticate with a bearer token (only its hash is kept).
CREATE TABLE device (
    id         UUID PRIMARY KEY,
    office_id  VARCHAR(64) NOT NULL REFERENCES office (id),
    kind       VARCHAR(16) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
