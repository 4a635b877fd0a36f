// Events in the shapes of docs/protocol.md's world and match additions, for tests that
// show what the client does with events the real server sends rarely or not on cue (a
// full leaderboard, a lobby counting down, chat from strangers). The rooms are the seeded
// world's (migrations/V7__world_seed.sql: ids, places on the map, exits in map order), so
// a page connected to the real server can be fed them without its map going wrong; what
// lies about in them and the descriptions are made up.

const R = (id, name, x, y, z, exits, extra = {}) => ({
  id, name, x, y, z, exits, description: extra.description ?? `${name}.`, items: extra.items ?? [], npcs: extra.npcs ?? [],
});

export const ROOMS = Object.fromEntries([
  R('tavern', 'The Hearth Tavern', -1, 0, 0, [['north', 'kitchen', 'n'], ['east', 'square', 'e'], ['down', 'cellar', 'd']], {
    description: 'A fire crackles in the great stone hearth, throwing amber light across worn oak tables.',
    items: [{ id: 'lantern-9', name: 'lantern' }, { id: 'bread-9', name: 'loaf of bread' }],
    npcs: ['Soot'],
  }),
  R('kitchen', 'The Tavern Kitchen', -1, -1, 0, [['south', 'tavern', 's']], { items: [{ id: 'knife-9', name: 'bread knife' }] }),
  R('cellar', 'The Tavern Cellar', -1, 0, -1, [['up', 'tavern', 'u']], { items: [{ id: 'rope-9', name: 'coil of rope' }] }),
  R('square', 'The Village Square', 0, 0, 0, [['north', 'chapel', 'n'], ['south', 'market', 's'], ['east', 'smithy', 'e'], ['west', 'tavern', 'w']], {
    description: 'Cobbles worn smooth by a thousand carts ring a dry fountain; lanterns sway on their hooks.',
  }),
  R('smithy', 'The Smithy', 1, 0, 0, [['north', 'well', 'n'], ['west', 'square', 'w']], { items: [{ id: 'key-9', name: 'iron key' }] }),
  R('chapel', 'The Chapel of the Quiet Flame', 0, -1, 0, [['south', 'square', 's'], ['east', 'well', 'e']]),
  R('well', 'The Old Well', 1, -1, 0, [['north', 'forest', 'n'], ['south', 'smithy', 's'], ['west', 'chapel', 'w']]),
  R('forest', 'The Forest Path', 1, -2, 0, [['north', 'clearing', 'n'], ['south', 'well', 's']]),
  R('clearing', 'The Moonlit Clearing', 1, -3, 0, [['south', 'forest', 's']], { items: [{ id: 'feather-9', name: 'white feather' }] }),
  R('market', 'Market Lane', 0, 1, 0, [['north', 'square', 'n'], ['south', 'ford', 's'], ['east', 'tower', 'e']]),
  R('ford', 'The River Ford', 0, 2, 0, [['north', 'market', 'n'], ['east', 'mill', 'e']]),
  R('mill', 'The Water Mill', 1, 2, 0, [['north', 'tower', 'n'], ['west', 'ford', 'w']]),
  R('tower', 'The Foot of the Watchtower', 1, 1, 0, [['south', 'mill', 's'], ['west', 'market', 'w'], ['stairs', 'tower_top', 'u']]),
  R('tower_top', 'The Top of the Watchtower', 1, 1, 1, [['stairs', 'tower', 'd']]),
].map((r) => [r.id, r]));

/** A `room` event for one of the rooms above, with these players in it. */
export function roomEvent(id, occupants) {
  const r = ROOMS[id];
  return {
    type: 'room',
    room: {
      id: r.id,
      name: r.name,
      description: r.description,
      exits: r.exits.map(([name, to, dir]) => ({ name, to, dir })),
      occupants: [...occupants].sort(),
      npcs: r.npcs,
      items: r.items,
      map: { x: r.x, y: r.y, z: r.z },
    },
  };
}

export function lobbiesEvent(me, other, now) {
  return {
    type: 'lobbies',
    lobbies: [
      { name: 'barrels', players: [me, other], max: 4, state: 'countdown', startsAt: now + 9_000 },
      { name: 'quickdraw', players: ['Cora'], max: 2, state: 'waiting' },
      { name: 'range', players: ['Dorn', 'Edda', 'Finn'], max: 3, state: 'playing' },
    ],
  };
}

export function leaderboardEvent(me) {
  return {
    type: 'leaderboard',
    allTime: [{ name: 'Edda', kills: 41 }, { name: me, kills: 33 }, { name: 'Dorn', kills: 27 }, { name: 'Finn', kills: 12 }, { name: 'Cora', kills: 5 }],
    last24h: [{ name: me, kills: 9 }, { name: 'Edda', kills: 7 }],
  };
}

export function matchEvent(me, other, now, state = 'playing') {
  return {
    type: 'match',
    match: { id: 'arena-42', lobby: 'arena', room: 'match-arena-42', state, players: [me, other], barrels: 7, standing: ['1', '3', '4', '6', '8', '9', '12'], endsAt: now + 83_000, scores: { [me]: 3, [other]: 2 } },
  };
}

export const channelsEvent = {
  type: 'channels',
  channels: [{ name: 'ooc', joined: true, members: 12 }, { name: 'newbie', joined: true, members: 4 }, { name: 'trade', joined: false, members: 2 }],
};

export function chatEvent(channel, from, text, at) {
  return { type: 'chat', channel, from, text, at };
}
