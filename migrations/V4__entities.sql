-- The entity runtime's storage: fenced ownership, state, applied commands, reminders
-- (docs/entities.md, "Storage"). Every lease comparison uses the database's clock, now(),
-- so nodes whose clocks disagree still agree on who is alive.

-- Host leases. A node serves entities only while its row is alive and renews it well
-- before it ends. Node ids are unique per process start: a restart never inherits a lease.
CREATE TABLE entity_nodes (
    node_id    text PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

-- One row per entity that was ever activated. owner and epoch fence writers: a claim
-- takes the row at epoch + 1, and a save lands only at the epoch it was claimed at, so
-- a frozen or cut-off node can never overwrite a newer activation's state.
CREATE TABLE entities (
    type           text        NOT NULL,
    key            text        NOT NULL,
    -- No foreign key to entity_nodes: a closed or expired lease leaves the owner here,
    -- and a claim treats an owner without a live lease as no owner.
    owner          text,
    epoch          bigint      NOT NULL,
    -- How many saves have landed.
    version        bigint      NOT NULL,
    schema_version int         NOT NULL,
    -- null until the first save.
    state          jsonb,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (type, key)
)
-- Saves rewrite rows all day and touch no indexed column: room left in each page lets
-- PostgreSQL write the new version beside the old one (a HOT update) without index work.
WITH (fillfactor = 80);

-- What a node holds (draining, failover, the admin page). Released rows need no entry.
CREATE INDEX entities_owner ON entities (owner) WHERE owner IS NOT NULL;

-- Commands an entity has applied, written in the same statement as the state they
-- changed: a retried command finds its result here instead of applying twice. No foreign
-- key, so a save pays for no extra look-up.
CREATE TABLE entity_commands (
    type       text        NOT NULL,
    key        text        NOT NULL,
    command_id text        NOT NULL,
    -- The answer as first given ('null' when the command answered nothing), kept as text
    -- so a retry gets exactly the same bytes back.
    result     text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (type, key, command_id)
);

-- Retries come within seconds, so old rows are pruned by age (PgEntityStore.pruneCommands).
CREATE INDEX entity_commands_applied_at ON entity_commands (applied_at);

-- Durable reminders: they fire even while their entity is inactive (it is activated to
-- receive them), and survive restarts.
CREATE TABLE entity_reminders (
    type      text        NOT NULL,
    key       text        NOT NULL,
    name      text        NOT NULL,
    due_at    timestamptz NOT NULL,
    -- null for a reminder that fires once.
    period_ms bigint      CHECK (period_ms > 0),
    PRIMARY KEY (type, key, name)
);

-- Nodes look for what is due next.
CREATE INDEX entity_reminders_due_at ON entity_reminders (due_at);
