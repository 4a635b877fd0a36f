-- Chat channels, and the scores of barrel matches that the leaderboard sums up.
-- Lobbies are entities named by the live setting lobby.names (docs/operations.md), so
-- they need no table; channels and matches keep their live state in entities too.

-- The channels players can join. Adding a row adds a channel (nodes read the list at
-- start); members and recent history live in the Channel entity of the same name.
CREATE TABLE channels (
    -- What players type: chat ooc hello. Lower case and short, like a command word.
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,23}$'),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    -- New players start as members of these.
    joined_at_start boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO channels (name, description, joined_at_start) VALUES
    ('ooc', 'Out of character: talk about anything with everyone online.', true),
    ('newbie', 'Questions and answers for new players. Ask anything; someone will help.', true);

-- One row per player per finished match. Written once when a match ends; the primary key
-- makes a retried write (the match ending again after a crash) change nothing.
CREATE TABLE match_scores (
    match_id text        NOT NULL,
    -- The player's name as shown (accounts.name), not a foreign key: scores outlive accounts.
    player   text        NOT NULL,
    kills    int         NOT NULL CHECK (kills >= 0),
    ended_at timestamptz NOT NULL,
    PRIMARY KEY (match_id, player)
);

-- The last-24-hours board reads only recent rows.
CREATE INDEX match_scores_ended_at ON match_scores (ended_at);
