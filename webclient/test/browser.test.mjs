// Browser test of the Hearth web client against the real server.
//
//   cd webclient && node --test test/
//
// Needs the built server (verticles/node/target/hearth-node.jar, from `mvn package`),
// a JDK >= 21 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and Chromium
// (CHROMIUM, default /usr/bin/chromium: `apt-get install -y chromium`). It starts one
// server node on free ports in a temp dir (embedded PostgreSQL unless HEARTH_DB_URL is
// set), drives two players in two browser contexts, and saves screenshots in
// webclient/target/screenshots/. HEARTH_TEST_URL=http://host:port/ tests a server that
// is already running instead of starting one; HEARTH_TEST_WEBROOT=dir serves that client
// build (app.js + public/) instead of the one inside the jar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const webclient = path.resolve(here, '..');
const repo = path.resolve(webclient, '..');
const jar = process.env.HEARTH_JAR || path.join(repo, 'verticles/node/target/hearth-node.jar');
const javaHome = process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = path.join(webclient, 'target/screenshots');
const serverLogFile = path.join(webclient, 'target/browser-test-server.log');

const START_DEADLINE_MS = 90_000;
const STOP_DEADLINE_MS = 15_000;
const UI_TIMEOUT_MS = 20_000;
const PASSWORD = 'a fire in the hearth 42';

/** Four distinct free loopback ports: all are held open at once, then released. */
async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = net.createServer();
      await new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', resolve);
      });
      servers.push(s);
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Server {
  constructor() {
    this.child = null;
    this.exited = null;
    this.tail = [];
    this.log = null;
  }

  async start() {
    if (process.env.HEARTH_TEST_URL) {
      // Against a server someone else runs (development): start nothing.
      this.base = new URL(process.env.HEARTH_TEST_URL).toString();
      return;
    }
    if (!fs.existsSync(jar)) {
      throw new Error(`server jar not found at ${jar}: build it first (mvn -q package -DskipTests)`);
    }
    const java = path.join(javaHome, 'bin/java');
    if (!fs.existsSync(java)) throw new Error(`no java at ${java}: set JAVA_HOME to a JDK >= 21`);
    this.workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-browser-'));
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-browser-data-'));
    if (process.env.HEARTH_TEST_WEBROOT) {
      // Development: serve this client build instead of the jar's (Vert.x looks in the
      // working directory before the classpath).
      fs.cpSync(process.env.HEARTH_TEST_WEBROOT, path.join(this.workDir, 'webroot'), { recursive: true });
    }
    const [http, management, cluster, db] = await freePorts(4);
    this.port = http;
    this.base = `http://127.0.0.1:${http}/`;
    const env = {
      ...process.env,
      HEARTH_HTTP_PORT: String(http),
      HEARTH_MANAGEMENT_PORT: String(management),
      HEARTH_CLUSTER_PORT: String(cluster),
      // Join nobody but ourselves, so a node someone else runs on this machine is not found.
      HEARTH_CLUSTER_MEMBERS: `127.0.0.1:${cluster}`,
      HEARTH_EMBEDDED_DB_PORT: String(db),
      HEARTH_DATA_DIR: this.dataDir,
      HEARTH_PASSWORD_HASHING: 'cheap',
    };
    if (process.env.HEARTH_DB_URL) env.HEARTH_DB_URL = process.env.HEARTH_DB_URL;
    fs.mkdirSync(path.dirname(serverLogFile), { recursive: true });
    this.log = fs.createWriteStream(serverLogFile);
    this.child = spawn(java, ['-jar', jar], { cwd: this.workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.once('error', (e) => this.remember(`spawn error: ${e.message}\n`));
    for (const stream of [this.child.stdout, this.child.stderr]) stream.on('data', (chunk) => this.remember(chunk.toString()));

    const deadline = Date.now() + START_DEADLINE_MS;
    let exit = null;
    void this.exited.then((e) => (exit = e));
    while (Date.now() < deadline) {
      if (exit) throw new Error(`the server exited early (${JSON.stringify(exit)}):\n${this.logTail()}`);
      try {
        const res = await fetch(this.base, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`the server did not answer 200 on ${this.base} within ${START_DEADLINE_MS / 1000} s:\n${this.logTail()}`);
  }

  remember(text) {
    this.log?.write(text);
    this.tail.push(...text.split('\n'));
    if (this.tail.length > 400) this.tail.splice(0, this.tail.length - 400);
  }

  logTail(lines = 60) {
    return this.tail.slice(-lines).join('\n');
  }

  async stop() {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([this.exited, sleep(STOP_DEADLINE_MS).then(() => null)]);
      if (!done) {
        child.kill('SIGKILL');
        await Promise.race([this.exited, sleep(5_000)]);
      }
    }
    this.log?.end();
    for (const dir of [this.workDir, this.dataDir]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** One player: a browser context of its own, so storage and sockets are separate. */
async function openPlayer(browser, base, name, viewport, problems) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console error: ${m.text()}`);
  });
  await page.goto(base);
  return { name, context, page };
}

async function registerThroughUi(page, name) {
  await page.getByTestId('login-screen').waitFor({ state: 'visible' });
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('game-screen').waitFor({ state: 'visible' });
  await waitForState(page, 'online');
}

async function waitForState(page, state) {
  await page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor();
}

const occupant = (page, name) => page.locator(`[data-testid="occupant"][data-name="${name}"]`);

/** A log line of this kind containing the text (auto-waits). */
const logLine = (page, kind, text) => page.locator(`[data-testid="log"] .line[data-kind="${kind}"]`, { hasText: text });

describe('Hearth web client in a real browser', { timeout: 300_000 }, () => {
  const server = new Server();
  const problems = [];
  const suffix = Math.random().toString(36).slice(2, 7);
  const nameA = `Ada_${suffix}`;
  const nameB = `Bram_${suffix}`;
  let browser;
  let a;
  let b;

  before(async () => {
    fs.mkdirSync(shots, { recursive: true });
    if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM`);
    await server.start();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, { timeout: START_DEADLINE_MS + 30_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  }, { timeout: STOP_DEADLINE_MS + 15_000 });

  test('the login screen comes first', async () => {
    a = await openPlayer(browser, server.base, 'A', { width: 1280, height: 800 }, problems);
    await a.page.getByTestId('login-screen').waitFor({ state: 'visible' });
    assert.equal(await a.page.getByTestId('game-screen').isVisible(), false);
    await a.page.screenshot({ path: path.join(shots, 'login-1280x800.png') });
  });

  test('a bad login shows the server\'s own error message', async () => {
    const page = a.page;
    const ghost = `Nobody_${suffix}`;
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
    await page.screenshot({ path: path.join(shots, 'login-error-1280x800.png') });
  });

  test('two players register, log in and meet in the tavern', async () => {
    b = await openPlayer(browser, server.base, 'B', { width: 390, height: 844 }, problems);
    await b.page.getByTestId('login-screen').waitFor({ state: 'visible' });
    await b.page.screenshot({ path: path.join(shots, 'login-390x844.png') });
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
    await a.page.screenshot({ path: path.join(shots, 'game-1280x800.png') });
    await b.page.screenshot({ path: path.join(shots, 'game-390x844.png') });
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
    const c = await openPlayer(browser, server.base, 'C', { width: 1280, height: 800 }, problems);
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

  test('a dropped connection comes back by itself', async () => {
    await a.page.evaluate(() => window.hearth.drop());
    await a.page.locator('[data-testid="connection-status"]:not([data-state="online"])').waitFor();
    await waitForState(a.page, 'online');
    await logLine(a.page, 'system', 'Reconnected').waitFor();
    await a.page.getByTestId('command-input').fill('say still here');
    await a.page.getByTestId('command-input').press('Enter');
    await logLine(b.page, 'said', 'still here').waitFor();
  });

  test('no errors in the pages', () => {
    // The bad login's 401 is logged by Chromium as a failed resource: that one is expected.
    const unexpected = problems.filter((p) => !/status of 401/.test(p));
    assert.deepEqual(unexpected, []);
  });
});
