-- The world's places. The game loads every room at start, so builders add rooms
-- with SQL (or, later, in-game building) and nothing about a room lives in code.

CREATE TABLE rooms (
    -- A stable key, not a display name: exits, players and saves refer to it, so
    -- renaming a room never breaks the map.
    id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{0,63}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description text NOT NULL,
    -- Exit name -> room id, e.g. {"north": "cellar"}. A map, not a join table: a
    -- room's exits are always read together with the room, and an exit name is
    -- unique within its room by construction. Targets are checked when the world
    -- loads, not by a foreign key, so rooms can be added in any order.
    exits       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(exits) = 'object')
);

-- Every player starts here; the game refuses to start without it.
INSERT INTO rooms (id, name, description) VALUES (
    'tavern',
    'The Hearth Tavern',
    'A fire crackles in the great stone hearth, throwing amber light across worn oak '
    || 'tables and the faces of travellers come in from the cold. The air smells of '
    || 'woodsmoke, fresh bread and spiced cider, and somewhere behind the bar a kettle '
    || 'sings to itself.'
);
