// Events in the shapes of docs/protocol.md's world and match additions, for tests that
// show what the client does with them before (or without) a server that sends them.
// The little world here follows the design's seed: the tavern at the centre, north of
// A is B and B sits at y-1.

const R = (id, name, x, y, z, exits, extra = {}) => ({
  id, name, x, y, z, exits, description: extra.description ?? `${name}.`, items: extra.items ?? [], npcs: extra.npcs ?? [],
});

export const ROOMS = Object.fromEntries([
  R('tavern', 'The Hearth Tavern', 0, 0, 0, [['north', 'square', 'n'], ['down', 'cellar', 'd'], ['east', 'kitchen', 'e']], {
    description: 'A fire crackles in the great stone hearth, throwing amber light across worn oak tables.',
    items: [{ id: 'lantern-1', name: 'lantern' }, { id: 'bread-1', name: 'loaf of bread' }],
    npcs: ['the tavern cat'],
  }),
  R('kitchen', 'The Kitchen', 1, 0, 0, [['west', 'tavern', 'w']], { items: [{ id: 'knife-1', name: 'bread knife' }] }),
  R('cellar', 'The Cellar', 0, 0, -1, [['up', 'tavern', 'u']], { items: [{ id: 'rope-1', name: 'coil of rope' }] }),
  R('square', 'The Village Square', 0, -1, 0, [['south', 'tavern', 's'], ['north', 'chapel', 'n'], ['east', 'market', 'e'], ['west', 'smithy', 'w']], {
    description: 'Cobbles worn smooth by a thousand carts ring a dry fountain; lanterns sway on their hooks.',
  }),
  R('smithy', 'The Smithy', -1, -1, 0, [['east', 'square', 'e'], ['north', 'well', 'n']], { items: [{ id: 'key-1', name: 'iron key' }] }),
  R('market', 'The Market', 1, -1, 0, [['west', 'square', 'w'], ['north', 'watchtower', 'n']]),
  R('chapel', 'The Chapel', 0, -2, 0, [['south', 'square', 's'], ['west', 'well', 'w'], ['north', 'path', 'n']]),
  R('well', 'The Old Well', -1, -2, 0, [['east', 'chapel', 'e'], ['south', 'smithy', 's']]),
  R('watchtower', 'The Watchtower', 1, -2, 0, [['south', 'market', 's']]),
  R('path', 'The Forest Path', 0, -3, 0, [['south', 'chapel', 's'], ['north', 'clearing', 'n']]),
  R('clearing', 'The Clearing', 0, -4, 0, [['south', 'path', 's'], ['east', 'ford', 'e']]),
  R('ford', 'The River Ford', 1, -4, 0, [['west', 'clearing', 'w']], { items: [{ id: 'feather-1', name: 'white feather' }] }),
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
    match: { id: 'm42', room: 'match-m42', state, barrels: 7, endsAt: now + 83_000, scores: { [me]: 3, [other]: 2 } },
  };
}

export const channelsEvent = {
  type: 'channels',
  channels: [{ name: 'ooc', joined: true, members: 12 }, { name: 'newbie', joined: true, members: 4 }, { name: 'trade', joined: false, members: 2 }],
};

export function chatEvent(channel, from, text, at) {
  return { type: 'chat', channel, from, text, at };
}
