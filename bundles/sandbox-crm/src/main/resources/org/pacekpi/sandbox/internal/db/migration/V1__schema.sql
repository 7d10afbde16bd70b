-- The sandbox CRM's tables. Every name starts with crm_ because they live in the same embedded database as Pace's
-- store by default. Plain SQL that H2 2.x and PostgreSQL both accept; no column is named after a keyword of either
-- (VALUE, KEY, USER, DAY... are reserved in H2).

CREATE TABLE crm_meta (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    meta_value VARCHAR(1000) NOT NULL
);

-- Counters for ids and for the activity sequence. A counter row (not a database sequence) so that a rolled-back
-- write does not burn a number and the syntax is the same in H2 and PostgreSQL.
CREATE TABLE crm_counter (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO crm_counter (name, counter_value) VALUES ('activity_sequence', 0);
INSERT INTO crm_counter (name, counter_value) VALUES ('activity', 0);
INSERT INTO crm_counter (name, counter_value) VALUES ('contact', 0);
INSERT INTO crm_counter (name, counter_value) VALUES ('account', 0);
INSERT INTO crm_counter (name, counter_value) VALUES ('deal', 0);
INSERT INTO crm_counter (name, counter_value) VALUES ('team', 0);

CREATE TABLE crm_team (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE crm_user (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    login VARCHAR(100) NOT NULL UNIQUE,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(320),
    phone VARCHAR(50),
    password_hash VARCHAR(300) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    holiday_calendar VARCHAR(16),
    team_id VARCHAR(64) REFERENCES crm_team (id),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE crm_user_role (
    user_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    role VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE crm_team_head (
    team_id VARCHAR(64) NOT NULL REFERENCES crm_team (id),
    user_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE crm_company_domain (
    domain_name VARCHAR(253) NOT NULL PRIMARY KEY
);

CREATE TABLE crm_company_phone (
    phone VARCHAR(50) NOT NULL PRIMARY KEY,
    label VARCHAR(200)
);

CREATE TABLE crm_account (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    web_domain VARCHAR(253),
    owner_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- internal = TRUE marks a colleague recorded as a contact: touches with them never count as client touches.
CREATE TABLE crm_contact (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    owner_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    account_id VARCHAR(64) REFERENCES crm_account (id),
    name VARCHAR(200) NOT NULL,
    email VARCHAR(320),
    phone VARCHAR(50),
    internal BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crm_contact_owner ON crm_contact (owner_id);
CREATE INDEX crm_contact_email ON crm_contact (email);

CREATE TABLE crm_deal (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    owner_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    account_id VARCHAR(64) REFERENCES crm_account (id),
    contact_id VARCHAR(64) REFERENCES crm_contact (id),
    stage VARCHAR(32) NOT NULL,
    amount NUMERIC(19, 2),
    currency CHAR(3),
    status VARCHAR(8) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crm_deal_owner ON crm_deal (owner_id);

-- The current state of every activity that is not deleted; last_seq is the sequence of its latest change.
CREATE TABLE crm_activity (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    kind VARCHAR(32) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    direction VARCHAR(16) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    duration_seconds BIGINT,
    deal_id VARCHAR(64),
    stage VARCHAR(32),
    amount NUMERIC(19, 2),
    currency CHAR(3),
    automated BOOLEAN NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crm_activity_actor ON crm_activity (actor_id, occurred_at);

CREATE TABLE crm_activity_counterpart (
    activity_id VARCHAR(64) NOT NULL REFERENCES crm_activity (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    contact_id VARCHAR(64),
    account_id VARCHAR(64),
    email VARCHAR(320),
    phone VARCHAR(50),
    name VARCHAR(200),
    PRIMARY KEY (activity_id, ordinal)
);
CREATE INDEX crm_activity_counterpart_contact ON crm_activity_counterpart (contact_id);

-- The history: one row per change, in sequence order, with the activity's whole state after the change (its last
-- state for a deletion) as JSON. Rows are never updated or deleted.
CREATE TABLE crm_activity_change (
    seq BIGINT NOT NULL PRIMARY KEY,
    activity_id VARCHAR(64) NOT NULL,
    change_type VARCHAR(16) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state VARCHAR(100000) NOT NULL
);
CREATE INDEX crm_activity_change_activity ON crm_activity_change (activity_id, seq);

-- Only a hash of the session token is stored, so a copy of the database does not hand out sessions.
CREATE TABLE crm_session (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL REFERENCES crm_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
