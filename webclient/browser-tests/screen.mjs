// The game screen against the real server: the layout at desktop and phone sizes, command
// history, tab completion, the keys overlay, the panels fed with events in the protocol's
// shapes (a full leaderboard, lobbies, a match, chat: test-support/fixtures.mjs), channel
// tabs, and the connection state across a server restart. Part of test/browser.test.mjs
// (see there and helpers.mjs), which runs it last: it stops the server and starts it again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, assertNoOverlap, assertNoSideways, boxes, command, inject, logLine, mapRooms, occupant,
  problemsExceptExpected, shot, useStage, waitForState,
} from '../test-support/helpers.mjs';
import { channelsEvent, chatEvent, leaderboardEvent, lobbiesEvent, matchEvent, roomEvent } from '../test-support/fixtures.mjs';

const PANELS = ['console', 'room-panel', 'map-panel', 'lobbies-panel', 'leaderboard-panel'];

describe('the game screen', { timeout: 400_000 }, () => {
  let a; // desktop
  let b; // phone
  const stage = useStage(async ({ player }) => {
    // Names that share a first letter, so completing "a" could mean either.
    a = await player('Ari', DESKTOP);
    b = await player('Aly', PHONE);
    await occupant(a.page, b.name).waitFor({ state: 'attached' });
  });
  const { server, problems } = stage;

  test('at 1280×800 the panels sit side by side, all on screen, and the command line has focus', async () => {
    const page = a.page;
    const found = await boxes(page, ...PANELS);
    for (const id of PANELS) {
      const box = found[id];
      assert.ok(box && box.width > 150 && box.height > 80, `${id} is shown: ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= DESKTOP.width + 1 && box.y + box.height <= DESKTOP.height + 1, `${id} is on screen: ${JSON.stringify(box)}`);
    }
    assertNoOverlap(found);
    // Three columns: map and game panels left, log in the middle, room on the right.
    assert.ok(found['map-panel'].x < found.console.x && found.console.x < found['room-panel'].x);
    await assertNoSideways(page);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'command-input');
    await page.getByTestId('keys-footer').waitFor({ state: 'visible' });
    await shot(page, 'tavern-1280x800');
  });

  test('at 375×812 the panels stack in one column, the log and command line first', async () => {
    const page = b.page;
    await assertNoSideways(page);
    const found = await boxes(page, 'room-panel', 'console', 'map-panel', 'lobbies-panel', 'leaderboard-panel');
    assertNoOverlap(found);
    const order = ['room-panel', 'console', 'map-panel', 'lobbies-panel', 'leaderboard-panel'];
    for (let i = 0; i < order.length; i++) {
      const box = found[order[i]];
      assert.ok(box.width >= PHONE.width - 40, `${order[i]} takes the whole width: ${JSON.stringify(box)}`);
      if (i > 0) assert.ok(box.y >= found[order[i - 1]].y + found[order[i - 1]].height - 1, `${order[i]} is below ${order[i - 1]}`);
    }
    const input = await page.getByTestId('command-input').boundingBox();
    assert.ok(input.y + input.height <= PHONE.height, `the command line is on the first screen: ${JSON.stringify(input)}`);
    await shot(page, 'tavern-375x812');
    // Tapping the room bar unfolds the description.
    await page.getByTestId('room-toggle').click();
    await page.getByTestId('room-description').waitFor({ state: 'visible' });
    await page.getByTestId('room-toggle').click();
    await page.getByTestId('room-description').waitFor({ state: 'hidden' });
  });

  test('Up and Down walk the command history and keep the draft', async () => {
    const page = a.page;
    const input = page.getByTestId('command-input');
    await command(page, 'say first words');
    await logLine(page, 'said-you', 'first words').waitFor();
    await command(page, 'who');
    await logLine(page, 'who', b.name).waitFor();
    await page.keyboard.type('half a tho');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'who');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'say first words');
    await input.press('ArrowDown');
    assert.equal(await input.inputValue(), 'who');
    await input.press('ArrowDown');
    assert.equal(await input.inputValue(), 'half a tho', 'the draft comes back below the newest line');
    await input.press('Escape');
    assert.equal(await input.inputValue(), '');
  });

  test('Tab completes command words from the server\'s help, and names of people here', async () => {
    const page = a.page;
    const input = page.getByTestId('command-input');
    // The commands are read from the server's own help, quietly, on connecting.
    await page.waitForFunction(() => window.hearth.traits().helpRead);
    const traits = await page.evaluate(() => window.hearth.traits());
    assert.ok(traits.commands.includes('look') && traits.commands.includes('who'), JSON.stringify(traits.commands));

    // One command fits: it is completed, with a space after it.
    await page.keyboard.type('loo');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'look ');
    await input.press('Escape');
    // Two fit ("look" and "lobbies"): Tab offers the first and shows both.
    await page.keyboard.type('lo');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'look');
    assert.deepEqual(await page.getByTestId('completion').allTextContents(), ['look', 'lobbies']);
    await input.press('Escape');

    // Names of the others here complete anywhere in the line, with the case they have. Two
    // letters: players of the suites before may still be here (they stay for the resume window).
    await page.keyboard.type('say hello al');
    await input.press('Tab');
    assert.equal(await input.inputValue(), `say hello ${b.name} `);
    await page.keyboard.type('and welcome');
    await input.press('Enter');
    await logLine(b.page, 'said', `hello ${b.name} and welcome`).waitFor();
  });

  test('F1 shows the keys and the server\'s commands; Esc hides it and typing goes on', async () => {
    const page = a.page;
    await page.keyboard.press('F1');
    const overlay = page.getByTestId('keys-overlay');
    await overlay.waitFor({ state: 'visible' });
    await overlay.getByText('previous / next channel tab').waitFor();
    await page.getByTestId('keys-commands').getByRole('button', { name: 'who', exact: true }).waitFor();
    await shot(page, 'keys-1280x800');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'command-input');
  });

  test('events the client does not know, and fields it does not know, change nothing', async () => {
    const page = a.page;
    const lines = await page.locator('[data-testid="log"] .line').count();
    await inject(page, { type: 'fireworks', colour: 'green' }, { type: 'said', from: b.name, text: 'still fine', you: false, mood: 'cheerful' });
    await logLine(page, 'said', 'still fine').waitFor();
    assert.equal(await page.locator('[data-testid="log"] .line').count(), lines + 1);
  });

  test('exits sent as plain names (the first release) still become buttons', async () => {
    const page = a.page;
    await inject(page, { type: 'room', room: { id: 'tavern', name: 'The Hearth Tavern', description: 'Warm.', exits: ['north', 'trapdoor'], occupants: [a.name, b.name] } });
    const exits = page.getByTestId('room-exit');
    await exits.nth(1).waitFor();
    assert.deepEqual(await exits.evaluateAll((n) => n.map((x) => [x.dataset.exit, x.dataset.dir ?? null])), [['north', 'n'], ['trapdoor', null]]);
    // A button sends "go <exit>": the tavern has no trapdoor, and the server says so.
    await exits.nth(1).click();
    await logLine(page, 'echo', 'go trapdoor').waitFor();
    await logLine(page, 'error', 'trapdoor').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'command-input');
  });

  test('with the world\'s events, the map grows as rooms are visited and the game panels fill in', async () => {
    for (const { page, name } of [a, b]) {
      const now = await page.evaluate(() => Date.now());
      const other = name === a.name ? b.name : a.name;
      await inject(page, roomEvent('tavern', [a.name, b.name]));
      let rooms = await mapRooms(page);
      const tavern = rooms.find((r) => r.id === 'tavern');
      assert.equal(tavern?.state, 'current');
      // The tavern's exits lead to rooms seen, not visited.
      assert.deepEqual(rooms.filter((r) => r.state === 'seen').map((r) => r.id).sort(), ['kitchen', 'square'], 'cellar is a level down');
      const before = rooms.length;
      for (const id of ['square', 'smithy', 'well', 'chapel']) await inject(page, roomEvent(id, [name]));
      rooms = await mapRooms(page);
      assert.ok(rooms.length > before, `the map grew: ${before} -> ${rooms.length}`);
      assert.equal(rooms.find((r) => r.state === 'current')?.id, 'chapel');
      for (const id of ['tavern', 'square', 'smithy', 'well']) assert.equal(rooms.find((r) => r.id === id)?.state, 'visited', id);
      assert.equal(rooms.find((r) => r.id === 'forest')?.state, 'seen');
      // Back to the tavern, with people, a cat and things on the floor.
      for (const id of ['square', 'tavern']) await inject(page, roomEvent(id, [a.name, b.name]));
      await page.locator('[data-testid="npc"][data-name="Soot"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="room-item"][data-name="lantern"]').waitFor({ state: 'attached' });
      await inject(page,
        { type: 'item', action: 'took', who: other, item: { id: 'bread-9', name: 'loaf of bread' } },
        { type: 'inventory', items: [{ id: 'key-1', name: 'iron key' }] },
        channelsEvent,
        { type: 'channel_history', channel: 'ooc', lines: [{ from: 'Edda', text: 'anyone up for barrels?', at: now - 120_000 }] },
        chatEvent('ooc', other, 'in a minute!', now - 5_000),
        chatEvent('newbie', 'Cora', 'how do I get to the well?', now - 2_000),
        { type: 'emoted', from: 'Soot', text: 'stretches by the fire.' },
        { type: 'told', from: other, to: name, text: 'meet me at the lobby', you: false },
        lobbiesEvent(name, other, now),
        leaderboardEvent(name),
        { type: 'score', score: 33 },
        matchEvent(name, other, now),
      );
      await page.locator('[data-testid="room-item"][data-name="loaf of bread"]').waitFor({ state: 'detached' });
      await page.locator('[data-testid="inventory-item"][data-name="iron key"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="tab"][data-channel="ooc"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="lobby"][data-name="barrels"][data-state="countdown"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="leaderboard-row"][data-name="Edda"]').waitFor({ state: 'attached' });
      assert.equal(await page.getByTestId('score').textContent(), '33');
      await page.locator('[data-testid="match"][data-state="playing"]').waitFor();
    }
    await shot(a.page, 'world-1280x800');
    await shot(b.page, 'world-375x812');
    // On the phone the panels are below the log: the chip in the tab row jumps there.
    await b.page.getByTestId('more-panels').click();
    await b.page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="map-panel"]').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await shot(b.page, 'world-panels-375x812');
    await b.page.getByTestId('leaderboard-panel').scrollIntoViewIfNeeded();
    await shot(b.page, 'world-leaderboard-375x812');
    await b.page.getByTestId('console').scrollIntoViewIfNeeded();
  });

  test('channel tabs show one channel at a time and count what arrives elsewhere', async () => {
    const page = a.page;
    // Something said in the room and something on a channel, both already in the log.
    await command(b.page, 'say the fire is warm');
    await command(b.page, 'chat newbie which way to the mill?');
    await logLine(page, 'said', 'the fire is warm').waitFor();
    await logLine(page, 'chat', 'way to the mill').waitFor();
    await page.keyboard.press('Alt+Period'); // All -> Room
    await page.locator('[data-testid="tab"][data-channel="room"][aria-selected="true"]').waitFor();
    assert.equal(await logLine(page, 'chat', 'way to the mill').isVisible(), false, 'chat is not in the room tab');
    assert.equal(await logLine(page, 'said', 'the fire is warm').isVisible(), true);
    // B says something on #ooc (the server puts every player in it).
    await command(b.page, 'chat ooc barrels in five');
    await page.locator('[data-testid="tab"][data-channel="ooc"] [data-testid="tab-unread"]', { hasText: '1' }).waitFor();
    const ooc = page.locator('[data-testid="tab"][data-channel="ooc"][aria-selected="true"]');
    for (let i = 0; i < 4 && !(await ooc.count()); i++) await page.keyboard.press('Alt+Period'); // Room -> the channels
    await ooc.waitFor();
    await logLine(page, 'chat', 'barrels in five').waitFor({ state: 'visible' });
    assert.equal(await logLine(page, 'said', 'the fire is warm').isVisible(), false);
    assert.equal(await logLine(page, 'chat', 'way to the mill').isVisible(), false, 'another channel is not in this one');
    assert.equal(await page.locator('[data-testid="tab"][data-channel="ooc"] [data-testid="tab-unread"]').count(), 0);
    // History lines already shown are not shown twice.
    const at = Number(await logLine(page, 'chat', 'barrels in five').getAttribute('data-at'));
    await inject(page, { type: 'channel_history', channel: 'ooc', lines: [{ from: b.name, text: 'barrels in five', at }] });
    assert.equal(await logLine(page, 'chat', 'barrels in five').count(), 1);
    await shot(page, 'channel-ooc-1280x800');
    const all = page.locator('[data-testid="tab"][data-channel="*"][aria-selected="true"]');
    for (let i = 0; i < 5 && !(await all.count()); i++) await page.keyboard.press('Alt+Comma');
    await all.waitFor();
  });

  test('the lobby list and the leaderboard act on a click', async () => {
    const page = a.page;
    const now = await page.evaluate(() => Date.now());
    await inject(page, lobbiesEvent(a.name, b.name, now), leaderboardEvent(a.name));
    // Joined already: the own lobby offers to leave; the others cannot be joined meanwhile.
    await page.locator('[data-testid="lobby"][data-name="quickdraw"] [data-testid="lobby-join"][disabled]').waitFor({ state: 'attached' });
    await page.locator('[data-testid="lobby"][data-name="barrels"] [data-testid="lobby-leave"]').click();
    await logLine(page, 'echo', 'leave').waitFor();
    await inject(page, { type: 'lobbies', lobbies: [{ name: 'quickdraw', players: ['Cora'], max: 2, state: 'waiting' }] });
    await page.locator('[data-testid="lobby"]').nth(0).waitFor();
    assert.equal(await page.locator('[data-testid="lobby"]').count(), 1, 'the list is live: it shows what the last event said');
    await page.locator('[data-testid="lobby"][data-name="quickdraw"] [data-testid="lobby-join"]').click();
    await logLine(page, 'echo', 'join quickdraw').waitFor();
    await page.getByTestId('leaderboard-day').click();
    await page.locator('[data-testid="leaderboard"][data-period="day"] [data-testid="leaderboard-row"]').first().waitFor();
    assert.deepEqual(await page.locator('[data-testid="leaderboard-row"]').evaluateAll((n) => n.map((x) => x.dataset.name)), [a.name, 'Edda']);
    await page.getByTestId('leaderboard-all').click();
    await page.locator('[data-testid="leaderboard"][data-period="all"]').waitFor();
  });

  test('completion knows exits, things and channels once the world sends them', async () => {
    const page = a.page;
    const input = page.getByTestId('command-input');
    await inject(page, roomEvent('tavern', [a.name, b.name]), { type: 'inventory', items: [{ id: 'key-9', name: 'iron key' }] },
      { type: 'lobbies', lobbies: [{ name: 'quickdraw', players: ['Cora'], max: 2, state: 'waiting' }] });
    const cases = [
      ['go no', 'go north '],
      ['get lan', 'get lantern '],
      ['drop ir', 'drop iron key '],
      ['chat oo', 'chat ooc '],
      ['join quick', 'join quickdraw '],
      ['ea', 'east '],
    ];
    for (const [typed, expected] of cases) {
      await page.keyboard.type(typed);
      await input.press('Tab');
      assert.equal(await input.inputValue(), expected, typed);
      await input.press('Escape');
    }
    // Two things on the floor start with "l": Tab cycles through them, Shift+Tab goes back,
    // and the choices are shown above the command line meanwhile.
    await page.keyboard.type('get l');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'get lantern');
    await page.getByTestId('completions').waitFor({ state: 'visible' });
    assert.deepEqual(await page.getByTestId('completion').allTextContents(), ['lantern', 'loaf of bread']);
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'get loaf of bread');
    await input.press('Shift+Tab');
    assert.equal(await input.inputValue(), 'get lantern');
    await page.keyboard.type(' ');
    await page.getByTestId('completions').waitFor({ state: 'hidden' });
    await input.press('Escape');
  });

  test('when the server goes away the client says so, and it is back in the world once the server is', { skip: server.external && 'needs a server the test starts' }, async () => {
    const page = a.page;
    await server.halt();
    await page.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('connection-banner').waitFor({ state: 'visible' });
    await logLine(page, 'system', 'Connection lost').waitFor();
    assert.match(await page.getByTestId('connection-label').textContent(), /Reconnecting/);
    // A line typed while offline stays in the command line.
    await command(page, 'say anyone there?');
    assert.equal(await page.getByTestId('command-input').inputValue(), 'say anyone there?');
    await shot(page, 'reconnecting-1280x800');
    await server.launch();
    // The backoff may be waiting up to 30 s by now: on A, Alt+R tries at once; B comes back by itself.
    await page.keyboard.press('Alt+R');
    await waitForState(page, 'online', 60_000);
    await waitForState(b.page, 'online', 75_000);
    await page.getByTestId('connection-banner').waitFor({ state: 'hidden' });
    await logLine(page, 'system', 'Reconnected').waitFor();
    await page.keyboard.press('Enter');
    await logLine(b.page, 'said', 'anyone there?').waitFor();
  });

  test('no errors in the pages', () => {
    assert.deepEqual(problemsExceptExpected(problems), []);
  });
});
