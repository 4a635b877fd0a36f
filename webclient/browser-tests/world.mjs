// The world and the barrel game in a real browser against the real server (issue 4): walk
// through exits and see the map grow; get and drop an item and another player sees it;
// two players join a lobby, play a match and see the leaderboard change. Every test brings
// players of its own. Part of test/browser.test.mjs (see there and helpers.mjs).
//
// The route and the rooms are those of the seeded world (migrations/V7__world_seed.sql).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, command, currentRoom, explore, itemsHere, logLine, mapRooms, occupant, problemsExceptExpected, shot,
  useStage, walk, walkPath,
} from '../test-support/helpers.mjs';

/** Where each step of the walk leads, in the seeded world, and where it is on the map from the room before. */
const ROUTE = [
  { exit: 'east', to: 'square', dx: 1, dy: 0 },
  { exit: 'north', to: 'chapel', dx: 0, dy: -1 },
  { exit: 'east', to: 'well', dx: 1, dy: 0 },
  { exit: 'north', to: 'forest', dx: 0, dy: -1 },
];

/** A map room's centre on the screen (of its box, without the glow or the stairs). */
async function mapSpot(page, id) {
  const box = await page.locator(`[data-testid="map-room"][data-room="${id}"] rect`).boundingBox();
  assert.ok(box, `${id} is drawn on the map`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** How many rooms the map holds, and how many of them were visited (every level). */
async function mapCounts(page) {
  const svg = page.getByTestId('map');
  return { rooms: Number(await svg.getAttribute('data-rooms')), visited: Number(await svg.getAttribute('data-visited')) };
}

/** The kills the match banner shows for one player. */
const killsShown = (p, name, n) => p.page.locator(`[data-testid="match"] .score-chip[data-name="${name}"] b`).filter({ hasText: new RegExp(`^${n}$`) });

const visited = (rooms) => rooms.filter((r) => r.state !== 'seen').map((r) => r.id).sort();

/** The leaderboard panel's rows as {name: kills}, for one period ('all' or 'day'). */
async function board(page, period = 'all') {
  const list = page.getByTestId('leaderboard');
  if ((await list.getAttribute('data-period')) !== period) await page.getByTestId(period === 'day' ? 'leaderboard-day' : 'leaderboard-all').click();
  await page.locator(`[data-testid="leaderboard"][data-period="${period}"]`).waitFor({ state: 'attached' });
  return page.locator('[data-testid="leaderboard-row"]')
    .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.name, Number(r.dataset.kills)])));
}

describe('the world in the browser', { timeout: 300_000 }, () => {
  const stage = useStage();

  test('walking through exits grows the map, the current room highlighted', async () => {
    const { page } = await stage.player('Wren', DESKTOP);
    // A new character has seen the tavern and, through its exits, what lies next to it.
    await page.locator('[data-testid="map-room"][data-room="tavern"][data-state="current"]').waitFor();
    let rooms = await mapRooms(page);
    assert.deepEqual(visited(rooms), ['tavern']);
    assert.deepEqual(rooms.filter((r) => r.state === 'seen').map((r) => r.id).sort(), ['kitchen', 'square'], 'the cellar is a level down');
    const start = await mapCounts(page);
    assert.deepEqual(start, { rooms: 4, visited: 1 });

    let from = 'tavern';
    for (const [i, step] of ROUTE.entries()) {
      await mapSpot(page, step.to); // drawn already, seen through an exit, before anyone walks there
      assert.equal(await walk(page, step.exit), step.to);
      await page.locator(`[data-testid="map-room"][data-room="${step.to}"][data-state="current"]`).waitFor();
      rooms = await mapRooms(page);
      assert.equal(rooms.find((r) => r.id === from)?.state, 'visited', `${from} stays on the map, visited`);
      assert.equal(rooms.filter((r) => r.state === 'current').length, 1, 'one room is current');
      assert.equal((await mapCounts(page)).visited, start.visited + i + 1, `${step.to} is counted as visited`);
      // Drawn one cell the way the exit goes from the room before (the view may pan: compare with that room).
      const here = await mapSpot(page, step.to);
      const there = await mapSpot(page, from);
      assert.equal(Math.sign(Math.round(here.x - there.x)), step.dx, `${step.to} is ${step.exit} of ${from} on the map`);
      assert.equal(Math.sign(Math.round(here.y - there.y)), step.dy, `${step.to} is ${step.exit} of ${from} on the map`);
      from = step.to;
    }
    const walked = await mapCounts(page);
    assert.equal(walked.visited, start.visited + ROUTE.length);
    assert.ok(walked.rooms >= start.rooms + ROUTE.length, `the map grew: ${start.rooms} → ${walked.rooms} rooms`);
    assert.ok((await mapRooms(page)).some((r) => r.state === 'seen' && r.id === 'clearing'), 'the room ahead is seen, faintly');
    await page.getByTestId('map-caption').filter({ hasText: 'The Forest Path' }).waitFor();
    await shot(page, 'world-walk-1280x800');

    // Typing a direction walks too, and clicking a room next to this one on the map.
    await command(page, 's');
    await page.locator('[data-testid="map-room"][data-room="well"][data-state="current"]').waitFor();
    await page.locator('[data-testid="map-room"][data-room="chapel"]').click();
    await page.locator('[data-testid="room-panel"][data-room="chapel"]').waitFor();
    await page.locator('[data-testid="map-room"][data-room="chapel"][data-state="current"]').waitFor();
    assert.equal((await mapCounts(page)).visited, walked.visited, 'walking back adds no rooms');

    // The map is kept: after a reload it is all there.
    await page.reload();
    await page.locator('[data-testid="room-panel"][data-room="chapel"]').waitFor();
    assert.deepEqual(await mapCounts(page), walked);
  });

  test('an item picked up and dropped is seen by another player in the room', async () => {
    const a = await stage.player('Tam', DESKTOP);
    const b = await stage.player('Moss', PHONE);
    // Both start in the tavern; A finds a room with something on the floor and B follows.
    const path = await explore(a.page, async (page) => (await itemsHere(page)).length > 0);
    assert.ok(path, 'a room near the tavern has something on the floor');
    await walkPath(b.page, path);
    assert.equal(await currentRoom(b.page), await currentRoom(a.page));
    await occupant(a.page, b.name).waitFor({ state: 'attached' });
    const [item] = await itemsHere(a.page);
    const onFloor = (p) => p.page.locator(`[data-testid="room-item"][data-name="${item}"]`);
    const carried = (p) => p.page.locator(`[data-testid="inventory-item"][data-name="${item}"]`);
    const lines = (p, who, verb) => logLine(p.page, 'item', item).filter({ hasText: `${who} ${verb}` });
    await onFloor(b).waitFor({ state: 'attached' });

    // A picks it up by typing: it leaves the floor for A's hands, and B sees it go.
    await command(a.page, `get ${item}`);
    await carried(a).waitFor({ state: 'attached' });
    await onFloor(a).waitFor({ state: 'detached' });
    await onFloor(b).waitFor({ state: 'detached' });
    await lines(b, a.name, 'picks up').waitFor();
    await lines(a, 'You', 'pick up').waitFor();

    // A drops it: B sees it on the floor again.
    await command(a.page, `drop ${item}`);
    await onFloor(b).waitFor({ state: 'attached' });
    await carried(a).waitFor({ state: 'detached' });
    await lines(b, a.name, 'drops').waitFor();
    await shot(b.page, 'world-item-375x812');

    // B takes it with a tap on it in the room panel (on a phone, unfolded from the room bar),
    // which fills the command line, and Enter: A sees it go.
    await b.page.getByTestId('room-toggle').click();
    await onFloor(b).getByRole('button').click();
    assert.equal(await b.page.getByTestId('command-input').inputValue(), `get ${item}`);
    await b.page.keyboard.press('Enter');
    await carried(b).waitFor({ state: 'attached' });
    await onFloor(a).waitFor({ state: 'detached' });
    await lines(a, b.name, 'picks up').waitFor();
    await shot(a.page, 'world-item-1280x800');

    // Each change is told once, in both logs.
    for (const [p, who, verb] of [[a, 'You', 'pick up'], [a, 'You', 'drop'], [a, b.name, 'picks up'], [b, a.name, 'picks up'], [b, a.name, 'drops'], [b, 'You', 'pick up']]) {
      assert.equal(await lines(p, who, verb).count(), 1, `${p.name} sees "${who} ${verb}" once`);
    }
    // Put back for whoever comes next.
    await command(b.page, `drop ${item}`);
    await onFloor(a).waitFor({ state: 'attached' });
  });

  test('two players join a lobby, play a match, and see the leaderboard change', async (t) => {
    // A short match: three barrels, one shot each, a two-second countdown.
    const short = { 'lobby.countdown_seconds': 2, 'match.barrels': 3, 'match.barrel_hits': 1, 'match.length_seconds': 120 };
    const shortened = await stage.server.settings(short);
    t.after(() => shortened && stage.server.settings(Object.fromEntries(Object.keys(short).map((k) => [k, null]))));
    const a = await stage.player('Ash', DESKTOP);
    const b = await stage.player('Bee', PHONE);
    const players = [a, b];

    // The panels fill on connecting: the lobbies, and a leaderboard without these two.
    const lobby = await a.page.locator('[data-testid="lobby"][data-state="waiting"]').first().getAttribute('data-name');
    for (const p of players) {
      await p.page.locator(`[data-testid="lobby"][data-name="${lobby}"][data-players="0"]`).waitFor({ state: 'attached' });
      const before = await board(p.page);
      assert.ok(!(a.name in before) && !(b.name in before), JSON.stringify(before));
    }

    // A joins with the lobby's button, B by typing; both see the lobby fill and count down.
    await a.page.locator(`[data-testid="lobby"][data-name="${lobby}"] [data-testid="lobby-join"]`).click();
    await b.page.locator(`[data-testid="lobby"][data-name="${lobby}"][data-players="1"]`).waitFor({ state: 'attached' });
    await command(b.page, `join ${lobby}`);
    for (const p of players) {
      await p.page.locator(`[data-testid="lobby"][data-name="${lobby}"][data-players="2"][data-state="countdown"]`).waitFor({ state: 'attached' });
    }
    if (shortened) await shot(a.page, 'lobby-countdown-1280x800');

    // The match starts: the barrel range, its barrels on the floor, the banner over the log.
    for (const p of players) {
      await p.page.locator('[data-testid="match"][data-state="playing"]').waitFor({ timeout: 30_000 });
      await p.page.getByTestId('room-name').filter({ hasText: 'The Barrel Range' }).waitFor();
      await occupant(p.page, a.name).waitFor({ state: 'attached' });
      await occupant(p.page, b.name).waitFor({ state: 'attached' });
    }
    await a.page.locator(`[data-testid="lobby"][data-name="${lobby}"][data-state="playing"]`).waitFor({ state: 'attached' });
    const barrels = await itemsHere(a.page);
    assert.ok(barrels.length >= 1 && barrels.every((n) => /^barrel \d+$/.test(n)), JSON.stringify(barrels));
    assert.deepEqual(await itemsHere(b.page), barrels);
    if (shortened) assert.equal(barrels.length, 3);
    // The banner shows them too, as targets (on a phone the room's list is folded away).
    const targets = (p) => p.page.getByTestId('match-target').evaluateAll((n) => n.map((x) => `barrel ${x.dataset.barrel}`));
    for (const p of players) assert.deepEqual(await targets(p), barrels);

    // They take turns, one barrel each, until none stands: A clicks a barrel (that shoots
    // it), B types. Whoever breaks a barrel scores it.
    const kills = { [a.name]: 0, [b.name]: 0 };
    for (const [i, barrel] of barrels.entries()) {
      const p = players[i % 2];
      const id = barrel.split(' ')[1];
      const standing = (q) => q.page.locator(`[data-testid="room-item"][data-name="${barrel}"]`);
      while (await standing(p).count()) {
        const answers = logLine(p.page, 'text', barrel);
        const before = await answers.count();
        if (p === a) {
          await standing(p).getByRole('button').click();
          await logLine(p.page, 'echo', `shoot ${id}`).first().waitFor();
        } else {
          await command(p.page, `shoot ${id}`);
        }
        await answers.nth(before).waitFor();
      }
      kills[p.name] += 1;
      const last = i === barrels.length - 1;
      for (const q of players) {
        if (!last) {
          await standing(q).waitFor({ state: 'detached' });
          await q.page.locator(`[data-testid="match-target"][data-barrel="${id}"]`).waitFor({ state: 'detached' });
          await q.page.getByTestId('match-barrels').filter({ hasText: `${barrels.length - i - 1} barrel` }).waitFor();
          await killsShown(q, p.name, kills[p.name]).waitFor();
        }
      }
      if (i === 0) {
        await b.page.evaluate(() => window.scrollTo(0, 0));
        await shot(a.page, 'match-1280x800');
        await shot(b.page, 'match-375x812');
      }
    }

    // The last barrel ends it: both see the result and are back in the tavern.
    for (const p of players) {
      await p.page.locator('[data-testid="match"][data-state="ended"]').waitFor({ state: 'visible' });
      await p.page.locator('[data-testid="room-panel"][data-room="tavern"]').waitFor();
      await logLine(p.page, 'system', 'the match is over').waitFor();
      for (const [name, n] of Object.entries(kills)) await killsShown(p, name, n).waitFor();
      await p.page.getByTestId('score').filter({ hasText: new RegExp(`^${kills[p.name]}$`) }).waitFor();
      await p.page.locator(`[data-testid="lobby"][data-name="${lobby}"][data-players="0"][data-state="waiting"]`).waitFor({ state: 'attached' });
    }
    await shot(a.page, 'match-over-1280x800');

    // The leaderboard has changed on both screens, all time and in the last 24 hours.
    for (const p of players) {
      await p.page.locator(`[data-testid="leaderboard-row"][data-name="${a.name}"]`).waitFor({ state: 'attached' });
      for (const period of ['all', 'day']) {
        const rows = await board(p.page, period);
        for (const [name, n] of Object.entries(kills)) assert.equal(rows[name], n, `${p.name} sees ${name} with ${n} on the ${period} board: ${JSON.stringify(rows)}`);
      }
      await board(p.page, 'all');
    }
    await a.page.locator('[data-testid="leaderboard-row"].me').filter({ hasText: a.name }).waitFor();
    await shot(a.page, 'leaderboard-1280x800');
    await b.page.getByTestId('leaderboard-panel').scrollIntoViewIfNeeded();
    await shot(b.page, 'leaderboard-375x812');
  });

  test('no errors in the pages', () => {
    assert.deepEqual(problemsExceptExpected(stage.problems), []);
  });
});
