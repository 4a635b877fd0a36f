-- The starting world: a village around the Hearth Tavern and the wild beyond it, the
-- things lying about in it, and the tavern cat. Rooms gain a place on the map and the
-- items seeded on their floor; non-player characters get a table of their own.

-- Where a room sits on the map grid: x grows to the east, y to the south, z upwards.
-- A room north of another sits at y - 1, one up at z + 1 (the client draws from this).
ALTER TABLE rooms
    ADD COLUMN x int NOT NULL DEFAULT 0,
    ADD COLUMN y int NOT NULL DEFAULT 0,
    ADD COLUMN z int NOT NULL DEFAULT 0,
    -- What lies on the floor of a room nobody has changed yet:
    -- [{"id": "lantern-1", "name": "brass lantern", "description": "..."}]. Item ids are
    -- unique in the whole world. Once a room has been saved (an item taken, someone
    -- arriving) its entity's saved state is what holds its items, and this is not read
    -- for it again: adding an item here later only stocks rooms no one has touched.
    ADD COLUMN items jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(items) = 'array');

-- Exits stay an object keyed by the name players type. A value is either the target
-- room id, for exits named after a direction ({"north": "square"}), or an object that
-- says which way the exit goes on the map: {"stairs": {"to": "tower_top", "dir": "u"}},
-- dir one of n s e w u d. Every exit has its way back, in the opposite direction.

UPDATE rooms SET x = -1, y = 0, z = 0,
    exits = '{"east": "square", "north": "kitchen", "down": "cellar"}'
WHERE id = 'tavern';

INSERT INTO rooms (id, name, description, x, y, z, exits, items) VALUES
('kitchen', 'The Tavern Kitchen',
 'Copper pans hang from the beams like a row of dull moons, and the long table is '
 || 'scarred by a thousand knives. Bread proves under a cloth by the oven, whose iron '
 || 'door ticks as it cools. A doorway to the south lets in the noise of the taproom.',
 -1, -1, 0, '{"south": "tavern"}',
 '[{"id": "bread-1", "name": "loaf of bread", "description": "A round loaf, still warm, its crust dusted with flour and cracked open along the top."}]'),

('cellar', 'The Tavern Cellar',
 'Cold air and the smell of old oak. Casks of ale and cider stand in ranks along the '
 || 'walls, chalked with dates nobody can read any more, and somewhere in the dark a '
 || 'drip keeps patient time. Worn steps lead up to the warmth of the tavern.',
 -1, 0, -1, '{"up": "tavern"}',
 '[{"id": "lantern-1", "name": "brass lantern", "description": "A dented brass lantern, its glass sooty but whole. There is still oil sloshing in its belly."}]'),

('square', 'The Village Square',
 'Cobbles worn smooth by generations of boots ring out under your feet. A weathered '
 || 'statue of the village founder keeps watch over a dry fountain, pigeons muttering on '
 || 'her stone shoulders. Lamplight spills from the tavern to the west; the clang of a '
 || 'hammer comes from the east, the chapel bell hangs still to the north, and market '
 || 'stalls crowd the lane to the south.',
 0, 0, 0, '{"west": "tavern", "east": "smithy", "north": "chapel", "south": "market"}', '[]'),

('smithy', 'The Smithy',
 'Heat rolls out of the forge in waves, and the coals breathe orange each time the '
 || 'great leather bellows sighs. Horseshoes, hinges and half-finished blades hang from '
 || 'every peg, and the anvil wears a bright scar from years of work. The square lies '
 || 'west; a gap between the buildings leads north to the old well.',
 1, 0, 0, '{"west": "square", "north": "well"}',
 '[{"id": "key-1", "name": "iron key", "description": "A heavy iron key, still black from the forge, with teeth like a small saw. It is warm to the touch."}]'),

('chapel', 'The Chapel of the Quiet Flame',
 'A single flame burns in a glass bowl on the altar, and has, they say, since before '
 || 'the village had a name. Pale light falls through windows of green and amber glass '
 || 'onto rows of empty pews. Your footsteps sound too loud here. The square is south, '
 || 'and a side door opens east onto the old well.',
 0, -1, 0, '{"south": "square", "east": "well"}', '[]'),

('well', 'The Old Well',
 'A ring of mossy stones surrounds a well so deep that a dropped pebble takes a long '
 || 'breath before it answers. Someone has tied a faded ribbon to the winch for luck. '
 || 'The chapel is west and the smithy south; to the north the cobbles give way to a '
 || 'dirt path that disappears between dark trees.',
 1, -1, 0, '{"west": "chapel", "south": "smithy", "north": "forest"}', '[]'),

('forest', 'The Forest Path',
 'The trees close in overhead until the sky is a ragged green ribbon. Roots knuckle up '
 || 'through the packed earth, and the air is thick with the smell of moss and rot and '
 || 'something sweeter underneath. Birds you cannot see fall silent as you pass. The '
 || 'path runs south to the village and north into deeper shadow.',
 1, -2, 0, '{"south": "well", "north": "clearing"}', '[]'),

('clearing', 'The Moonlit Clearing',
 'The forest opens around a perfect circle of short silver grass, and even by day the '
 || 'light here has the cool colour of moonlight. A ring of white mushrooms marks the '
 || 'edge, and nothing grows inside it but the grass. It feels like a place that is '
 || 'listening. The only way out is the path to the south.',
 1, -3, 0, '{"south": "forest"}',
 '[{"id": "feather-1", "name": "silver feather", "description": "A long feather that shimmers like moonlight on water. You do not know any bird that could have grown it."}]'),

('market', 'Market Lane',
 'Stalls lean against each other along a narrow lane: apples piled in pyramids, bolts '
 || 'of dyed wool, pots, charms and pies, and a woman selling songs by the verse. Awnings '
 || 'snap in the breeze. The square is north, the river murmurs to the south, and a tall '
 || 'stone watchtower rises to the east.',
 0, 1, 0, '{"north": "square", "south": "ford", "east": "tower"}',
 '[{"id": "apple-1", "name": "red apple", "description": "A crisp red apple, polished on somebody''s sleeve until it shines."}]'),

('ford', 'The River Ford',
 'The river runs wide and shallow here over a bed of round grey stones, cold and clear '
 || 'enough to count the minnows. Stepping stones, some of them treacherous, lead toward '
 || 'the far bank, where reeds rattle in the wind. The lane climbs north to the market; '
 || 'a mill wheel turns to the east.',
 0, 2, 0, '{"north": "market", "east": "mill"}',
 '[{"id": "rope-1", "name": "coil of rope", "description": "A coil of stout hemp rope, a little damp, long enough to reach the bottom of most things."}]'),

('mill', 'The Water Mill',
 'The great wheel turns with a groan and a splash, and the whole building shudders '
 || 'gently in time with it. Flour hangs in the air like mist and has settled over '
 || 'everything, sacks and beams and spiders alike. The ford is west; a track runs north '
 || 'to the foot of the watchtower.',
 1, 2, 0, '{"west": "ford", "north": "tower"}', '[]'),

('tower', 'The Foot of the Watchtower',
 'The old watchtower is built of stones too big for any one person to lift, streaked '
 || 'black where rain has run for centuries. An arched doorway opens on a spiral of worn '
 || 'stairs climbing into the dark. The market lane is west and the mill track south.',
 1, 1, 0, '{"west": "market", "south": "mill", "stairs": {"to": "tower_top", "dir": "u"}}', '[]'),

('tower_top', 'The Top of the Watchtower',
 'Wind tugs at your clothes on the narrow platform at the top of the tower. The whole '
 || 'valley lies below: the tavern''s chimney smoking, the square, the glint of the river, '
 || 'and the dark sea of the forest rolling away to hills blue with distance. The stairs '
 || 'wind back down.',
 1, 1, 1, '{"stairs": {"to": "tower", "dir": "d"}}',
 '[{"id": "spyglass-1", "name": "battered spyglass", "description": "A brass spyglass with a cracked leather grip. Through it the far hills look close enough to touch."}]');

-- Characters the world plays itself. Each is an entity that acts on its own (a durable
-- reminder wakes it), starts in its home room and wanders only through the rooms it roams.
CREATE TABLE npcs (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{0,63}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    description text NOT NULL,
    home        text NOT NULL,
    -- What it does when it does not move, each shown after its name: "washes a paw."
    emotes      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(emotes) = 'array'),
    -- Room ids it may wander into; empty means anywhere.
    roams       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(roams) = 'array')
);

INSERT INTO npcs (id, name, description, home, emotes, roams) VALUES
('cat', 'Soot',
 'A small black cat with one white ear and amber eyes that miss nothing. Soot belongs '
 || 'to the tavern, or the tavern belongs to Soot; nobody is quite sure which.',
 'tavern',
 ('["stretches luxuriously, one paw at a time.", "washes a paw with enormous care.", '
  || '"watches you with unblinking amber eyes.", "bats at a dust mote only she can see.", '
  || '"curls into a tight black knot and pretends to be asleep.", "purrs like a distant kettle.", '
  || '"sniffs the air, then loses interest in it."]')::jsonb,
 '["tavern", "kitchen", "cellar", "square", "chapel", "smithy", "well", "market"]');
