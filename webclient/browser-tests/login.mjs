// Logging in and out in a real browser against the real server: the login screen, a bad
// login, two players registering and meeting in the tavern, talking, a reload, a forged
// token, a dropped socket. Part of test/browser.test.mjs (see there and helpers.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP, PHONE, logLine, occupant, problemsExceptExpected, registerThroughUi, shot, uniqueName, useStage, waitForState,
} from '../test-support/helpers.mjs';

describe('Hearth web client in a real browser', { timeout: 300_000 }, () => {
  const stage = useStage();
  const { server, problems } = stage;
  const nameA = uniqueName('Ada');
  const nameB = uniqueName('Bram');
  let a;
  let b;

  test('the login screen comes first', async () => {
    a = await stage.open('A', DESKTOP);
    await a.page.getByTestId('login-screen').waitFor({ state: 'visible' });
    assert.equal(await a.page.getByTestId('game-screen').isVisible(), false);
    await shot(a.page, 'login-1280x800');
  });

  test('a bad login shows the server\'s own error message', async () => {
    const page = a.page;
    const ghost = uniqueName('Nobody');
    // What the server says to this request, asked directly.
    const res = await fetch(new URL('api/auth/login', server.base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: ghost, password: 'not the password at all' }),
    });
    const body = await res.json();
    assert.equal(res.status, 401);
    assert.equal(body.error.code, 'bad_credentials');

    await page.getByTestId('login-name').fill(ghost);
    await page.getByTestId('login-password').fill('not the password at all');
    await page.getByTestId('login-password').press('Enter');
    const error = page.getByTestId('login-error');
    await error.filter({ hasText: body.error.message }).waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('login-screen').isVisible(), true);
    await shot(page, 'login-error-1280x800');
  });

  test('two players register, log in and meet in the tavern', async () => {
    b = await stage.open('B', PHONE);
    await b.page.getByTestId('login-screen').waitFor({ state: 'visible' });
    await shot(b.page, 'login-375x812');
    await registerThroughUi(a.page, nameA);
    await registerThroughUi(b.page, nameB);

    for (const { page } of [a, b]) {
      await page.locator('[data-testid="room-panel"][data-room="tavern"]').waitFor();
      const roomName = (await page.getByTestId('room-name').textContent())?.trim() ?? '';
      assert.ok(roomName.length > 0 && roomName !== '…', `room name shown, got "${roomName}"`);
      await occupant(page, nameA).waitFor({ state: 'attached' });
      await occupant(page, nameB).waitFor({ state: 'attached' });
    }
    // The message of the day from the hello reply is shown.
    await a.page.getByTestId('motd').first().waitFor();
    // A was there first, so A saw B come in.
    await logLine(a.page, 'arrived', nameB).waitFor();
    assert.equal(await a.page.getByTestId('player-name').textContent(), nameA);
  });

  test('what A says reaches B, and A sees it too', async () => {
    const input = a.page.getByTestId('command-input');
    // The command line has focus without a click: type straight away.
    await a.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'command-input');
    await a.page.keyboard.type('say Hello from A');
    await a.page.keyboard.press('Enter');
    await logLine(b.page, 'said', 'Hello from A').filter({ hasText: nameA }).waitFor();
    await logLine(a.page, 'said-you', 'Hello from A').waitFor();
    assert.equal(await input.inputValue(), '', 'the command line is cleared after sending');

    // History: Up brings the last line back.
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'say Hello from A');
    await input.press('Escape');

    await b.page.keyboard.type('say Evening, all. Is that stew I smell?');
    await b.page.keyboard.press('Enter');
    await logLine(a.page, 'said', 'Is that stew I smell?').waitFor();
  });

  test('an unknown command shows the server\'s error in the log', async () => {
    await a.page.getByTestId('command-input').fill('sya hi');
    await a.page.getByTestId('command-input').press('Enter');
    await a.page.locator('[data-testid="log"] .line[data-kind="error"]').first().waitFor();
    await a.page.getByTestId('command-input').fill('look');
    await a.page.getByTestId('command-input').press('Enter');
    await a.page.locator('[data-testid="log"] .line[data-kind="room"]').nth(1).waitFor();
    await shot(a.page, 'game-1280x800');
    await shot(b.page, 'game-375x812');
  });

  test('a reload reconnects without asking to log in again', async () => {
    await b.page.reload();
    await b.page.getByTestId('game-screen').waitFor({ state: 'visible' });
    await waitForState(b.page, 'online');
    assert.equal(await b.page.getByTestId('login-screen').isVisible(), false);
    await b.page.locator('[data-testid="room-panel"][data-room="tavern"]').waitFor();
    await occupant(b.page, nameA).waitFor({ state: 'attached' });
    assert.equal(await b.page.getByTestId('player-name').textContent(), nameB);
    // And B can still talk.
    await b.page.keyboard.type('say back again');
    await b.page.keyboard.press('Enter');
    await logLine(a.page, 'said', 'back again').waitFor();
  });

  test('a rejected token returns to the login screen with a message', async () => {
    const c = await stage.open('C', DESKTOP);
    try {
      await c.page.getByTestId('login-screen').waitFor({ state: 'visible' });
      await c.page.evaluate(() => sessionStorage.setItem('hearth.session',
        JSON.stringify({ token: 'not.a.token', expiresAt: Date.now() + 600_000, name: 'Mallory' })));
      await c.page.reload();
      const error = c.page.getByTestId('login-error');
      await error.filter({ hasText: 'Your session has ended' }).waitFor({ state: 'visible' });
      assert.equal(await c.page.getByTestId('game-screen').isVisible(), false);
      assert.equal(await c.page.evaluate(() => sessionStorage.getItem('hearth.session')), null);
    } finally {
      await c.context.close();
    }
  });

  test('a dropped connection comes back by itself, in the same session, with what was said meanwhile', async () => {
    await a.page.evaluate(() => window.hearth.drop());
    await a.page.locator('[data-testid="connection-status"]:not([data-state="online"])').waitFor();
    await b.page.getByTestId('command-input').fill('say while you were away');
    await b.page.getByTestId('command-input').press('Enter');
    await logLine(b.page, 'said-you', 'while you were away').waitFor();
    await waitForState(a.page, 'online');
    await logLine(a.page, 'system', 'Reconnected: you never left').waitFor();
    await logLine(a.page, 'said', 'while you were away').waitFor();
    await a.page.getByTestId('command-input').fill('say still here');
    await a.page.getByTestId('command-input').press('Enter');
    await logLine(b.page, 'said', 'still here').waitFor();
  });

  test('no errors in the pages', () => {
    assert.deepEqual(problemsExceptExpected(problems), []);
  });
});
