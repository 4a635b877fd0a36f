// Unit tests of the client's pure parts (no browser, no server): reading events in the
// first release's and the world's shapes, the map of seen rooms, and tab completion.
// The TypeScript sources are bundled with esbuild into a temporary module and imported.
//
//   cd webclient && node --test test/units.test.mjs
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { webclient } from '../test-support/helpers.mjs';
import { ROOMS, roomEvent } from '../test-support/fixtures.mjs';

let m;

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-units-'));
  const entry = path.join(dir, 'entry.ts');
  const src = path.join(webclient, 'src');
  fs.writeFileSync(entry, [
    `export * from ${JSON.stringify(path.join(src, 'protocol.ts'))};`,
    `export * from ${JSON.stringify(path.join(src, 'model/world-map.ts'))};`,
    `export * from ${JSON.stringify(path.join(src, 'model/completion.ts'))};`,
    `export * from ${JSON.stringify(path.join(src, 'model/clock.ts'))};`,
  ].join('\n'));
  const out = path.join(dir, 'units.mjs');
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'silent' });
  m = await import(pathToFileURL(out).href);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reading events', () => {
  test('exits as names (first release) get a direction when the name is one', () => {
    const e = m.readEvent({ type: 'room', room: { id: 'tavern', name: 'T', exits: ['north', 'trapdoor', 'U'], occupants: ['Ada'] } });
    assert.deepEqual(e.room.exits, [{ name: 'north', to: null, dir: 'n' }, { name: 'trapdoor', to: null, dir: null }, { name: 'U', to: null, dir: 'u' }]);
    assert.deepEqual([e.room.npcs, e.room.items, e.room.map], [[], [], null]);
  });

  test('exits as objects, items, NPCs and the map position are read; junk is dropped', () => {
    const e = m.readEvent({
      type: 'room',
      room: {
        id: 'square', name: 'Square', description: 'd',
        exits: [{ name: 'south', to: 'tavern', dir: 's' }, { name: 'gate', to: 'road', dir: null }, { nope: 1 }, 7],
        occupants: ['Ada', 3], npcs: ['the cat'], items: [{ id: 'rope-1', name: 'rope' }, {}, 'feather'],
        map: { x: 0, y: -1, z: 0 }, weather: 'rain',
      },
    });
    assert.deepEqual(e.room.exits, [{ name: 'south', to: 'tavern', dir: 's' }, { name: 'gate', to: 'road', dir: null }]);
    assert.deepEqual(e.room.occupants, ['Ada']);
    assert.deepEqual(e.room.items, [{ id: 'rope-1', name: 'rope' }, { id: 'feather', name: 'feather' }]);
    assert.deepEqual(e.room.map, { x: 0, y: -1, z: 0 });
  });

  test('new events are read into safe shapes, unknown ones pass through, unusable ones are null', () => {
    assert.deepEqual(m.readEvent({ type: 'match', match: { id: 'm1', state: 'playing', barrels: 3, scores: { Bo: 1, Ada: 2 } } }).match.scores,
      [{ name: 'Ada', kills: 2 }, { name: 'Bo', kills: 1 }]);
    assert.equal(m.readEvent({ type: 'lobbies', lobbies: [{ name: 'x', players: ['A'], state: 'weird' }] }).lobbies[0].state, 'waiting');
    assert.deepEqual(m.readEvent({ type: 'leaderboard', allTime: [{ name: 'A', kills: 3 }, { kills: 1 }] }).last24h, []);
    assert.equal(m.readEvent({ type: 'score' }), null);
    assert.equal(m.readEvent({ type: 'chat', text: 'no channel' }), null);
    assert.equal(m.readEvent({ type: 'channels', channels: [{ name: 'ooc', members: ['a', 'b'] }] }).channels[0].members, 2);
    assert.equal(m.readEvent({ type: 'fireworks', seq: 4 }).type, 'fireworks');
    assert.equal(m.readEvent('nope'), null);
  });
});

describe('the map of seen rooms', () => {
  const visit = (map, id) => map.visit(m.readEvent(roomEvent(id, ['Ada'])).room);

  test('a visit marks the room visited and what its exits lead to seen, one step away', () => {
    const map = new m.WorldMap();
    visit(map, 'tavern');
    assert.equal(map.here().id, 'tavern');
    assert.equal(map.get('square').visited, false);
    assert.deepEqual(map.get('square').pos, { x: 0, y: 0, z: 0 });
    assert.deepEqual(map.get('cellar').pos, { x: -1, y: 0, z: -1 });
    assert.deepEqual(map.level(0).map((r) => r.id).sort(), ['kitchen', 'square', 'tavern']);
  });

  test('it grows as the player walks, and links are drawn once per pair', () => {
    const map = new m.WorldMap();
    for (const id of ['tavern', 'square', 'smithy', 'well', 'chapel', 'square']) visit(map, id);
    assert.equal(map.current, 'square');
    const visited = map.all().filter((r) => r.visited).map((r) => r.id).sort();
    assert.deepEqual(visited, ['chapel', 'smithy', 'square', 'tavern', 'well']);
    const links = map.links(0).map((l) => [l.from, l.to].sort().join('-')).sort();
    assert.equal(new Set(links).size, links.length);
    assert.ok(links.includes('square-tavern') && links.includes('smithy-well'));
    assert.equal(map.exitTo('chapel').name, 'north');
  });

  test('a server without positions still gets the first room on the map, and nothing is invented for the rest', () => {
    const map = new m.WorldMap();
    map.visit(m.readEvent({ type: 'room', room: { id: 'tavern', name: 'T', exits: [], occupants: [] } }).room);
    assert.deepEqual(map.here().pos, { x: 0, y: 0, z: 0 });
    map.visit(m.readEvent({ type: 'room', room: { id: 'elsewhere', name: 'E', exits: [], occupants: [] } }).room);
    assert.equal(map.current, 'elsewhere');
    assert.equal(map.here(), undefined, 'off the map');
  });

  test('it survives a round trip through JSON, and junk in storage is dropped', () => {
    const map = new m.WorldMap();
    for (const id of Object.keys(ROOMS)) visit(map, id);
    const back = m.WorldMap.fromJSON(JSON.parse(JSON.stringify(map)));
    assert.equal(back.size, map.size);
    assert.deepEqual(back.get('ford'), map.get('ford'));
    assert.equal(m.WorldMap.fromJSON({ rooms: [{ id: 'x', pos: { x: 'a' } }, null, 4] }).size, 0);
    assert.equal(m.WorldMap.fromJSON('garbage').size, 0);
  });
});

describe('tab completion', () => {
  const vocabulary = (extra = {}) => ({
    commands: m.DEFAULT_COMMANDS,
    aliases: m.DEFAULT_ALIASES,
    exits: ['north', 'down', 'east'],
    people: ['Ada', 'Bram', 'Bea'],
    players: ['Ada', 'Bram', 'Bea', 'Cora'],
    npcs: ['the tavern cat'],
    roomItems: ['lantern', 'loaf of bread'],
    inventory: ['iron key'],
    channels: ['ooc', 'newbie'],
    lobbies: ['barrels'],
    me: 'Ada',
    ...extra,
  });
  const complete = (line, v = vocabulary()) => {
    const c = m.complete(line, line.length, v);
    return c && c.options.map((o) => line.slice(0, c.start) + o);
  };

  test('the first word completes commands and bare exits', () => {
    assert.deepEqual(complete('lo'), ['look', 'lobbies']);
    assert.deepEqual(complete('wh'), ['who']);
    assert.deepEqual(complete('d'), ['drop', 'down']);
    assert.equal(complete('zz'), null);
    assert.equal(complete(''), null);
  });

  test('what follows depends on the command, aliases included', () => {
    assert.deepEqual(complete('go n'), ['go north']);
    assert.deepEqual(complete('get l'), ['get lantern', 'get loaf of bread']);
    assert.deepEqual(complete('take b'), ['take loaf of bread'], 'a later word of a name matches too');
    assert.deepEqual(complete('drop i'), ['drop iron key']);
    assert.deepEqual(complete('tell c'), ['tell Cora'], 'players online, not only here');
    assert.deepEqual(complete('tell a'), null, 'not yourself');
    assert.deepEqual(complete('give iron key to b'), ['give iron key to Bram', 'give iron key to Bea']);
    assert.deepEqual(complete('chat o'), ['chat ooc']);
    assert.deepEqual(complete('chat join n'), ['chat join newbie']);
    assert.deepEqual(complete('join b'), ['join barrels']);
    assert.deepEqual(complete('l t'), ['l the tavern cat']);
    assert.deepEqual(complete('help sa'), ['help say']);
    assert.deepEqual(complete("' hi b"), ["' hi Bram", "' hi Bea"]);
  });

  test('a multi-word name typed in part completes as a whole', () => {
    assert.deepEqual(complete('get loaf o'), ['get loaf of bread']);
  });

  test('the command list is read from the server\'s help text', () => {
    const help = [
      'Commands:',
      '  look (l) - Shows the room.',
      "  say <text> (', \") - Says something to everyone in the room.",
      '  who - Lists the players online.',
      '  help [command] (?) - Lists the commands, or shows how to use one.',
      "Type 'help <command>' to learn more about one.",
    ];
    const learned = m.commandsFromHelp(help);
    assert.deepEqual(learned.commands, ['look', 'say', 'who', 'help']);
    assert.deepEqual(learned.aliases, { l: 'look', "'": 'say', '"': 'say', '?': 'help' });
    assert.equal(m.commandsFromHelp(['Usage: look', 'Shows the room.']), null);
  });
});

describe('the server clock', () => {
  test('counts down to a server time, whatever the browser clock says', () => {
    const clock = new m.ServerClock();
    clock.sync(Date.now() + 60_000);
    assert.ok(Math.abs(clock.now() - Date.now() - 60_000) < 1_000);
    // 29.5 s of server time from now: 30 whole seconds (half a second of slack for a busy machine).
    assert.equal(clock.secondsUntil(Date.now() + 60_000 + 29_500), 30);
    assert.equal(clock.secondsUntil(0), 0);
    assert.equal(m.minutes(75), '1:15');
  });
});
