-- Player accounts: who may log in. The gateway owns this table; tokens carry the id, the world knows players by their unique name.

CREATE TABLE accounts (
    -- Tokens carry this id (the JWT subject), so it never changes, even if a name ever does.
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The name as the player typed it: shown to others in this exact case.
    -- The same rule the API applies, so a seeding script cannot store a name nobody could type.
    name          text NOT NULL CHECK (name ~ '^[A-Za-z][A-Za-z0-9_]{2,19}$'),
    -- 'Alice' and 'alice' are one name. Generated, so no writer can get it wrong;
    -- UNIQUE makes the database, not a racy look-up, the judge of who got a name first.
    name_key      text NOT NULL GENERATED ALWAYS AS (lower(name)) STORED UNIQUE,
    -- An encoded Argon2id hash ($argon2id$v=19$m=...): it carries its own salt and cost,
    -- so the cost can be raised later without breaking existing accounts.
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
