-- The shared store of a deployment with more than one server (deploy/README.md, "More than one
-- server"): the media centre's register of school accounts, its audit log and the per-school usage
-- counts, in PostgreSQL beside Prosody's own tables (mod_storage_sql: the teachers' accounts).
-- Every statement can run again: applying the file to a database that has the tables changes nothing.

-- One row per school account (the account itself is Prosody's, on the teacher domain).
CREATE TABLE IF NOT EXISTS school_accounts (
    id text PRIMARY KEY,
    name text NOT NULL,
    status text NOT NULL CHECK (status IN ('active', 'blocked')),
    reason text,
    created timestamptz NOT NULL,
    rotated timestamptz NOT NULL,
    -- `rotated` in seconds since the epoch: Prosody ends the sessions Jicofo vouched for before it.
    rotated_at double precision NOT NULL
);

-- The register's version, bumped in the same transaction as every change: each server asks it (at
-- most once a second) and reads the rows only when it changed.
CREATE TABLE IF NOT EXISTS school_register_state (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO school_register_state (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

-- Who changed what, when and why; never a password.
CREATE TABLE IF NOT EXISTS school_audit (
    at timestamptz NOT NULL DEFAULT now(),
    who text NOT NULL,
    action text NOT NULL,
    school text NOT NULL,
    reason text
);

-- R5, misuse signals without surveillance: per school, when a room got its first teacher of that
-- school, the number of rooms the school had open then; logins. No room, no person, no address.
CREATE TABLE IF NOT EXISTS school_usage (
    t bigint NOT NULL,
    school text NOT NULL,
    event text NOT NULL,
    open integer
);
CREATE INDEX IF NOT EXISTS school_usage_t ON school_usage (t);
