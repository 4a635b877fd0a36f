// Shared by the browser tests: one real server node on free ports (restartable on the same
// ports and data) and one Chromium for the whole test process, players in their own browser
// contexts, and small helpers to drive the client the way a player does (keyboard first)
// and to read what it shows.
//
// Environment: HEARTH_JAR (default ../verticles/node/target/hearth-node.jar), JAVA_HOME
// (default /usr/lib/jvm/temurin-25-jdk-amd64), CHROMIUM (default /usr/bin/chromium),
// HEARTH_DB_URL (external PostgreSQL instead of the embedded one), HEARTH_TEST_URL (test a
// running server, start nothing), HEARTH_TEST_WEBROOT (serve this client build: app.js +
// public/, instead of the jar's).
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url)); // webclient/test-support
export const webclient = path.resolve(here, '..');
const repo = path.resolve(webclient, '..');
const jar = process.env.HEARTH_JAR || path.join(repo, 'verticles/node/target/hearth-node.jar');
const javaHome = process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const shots = path.join(webclient, 'target/screenshots');

/**
 * For a node that starts in seconds on a small machine: the classes it loaded last time come
 * from a shared archive (the JVM writes it when the first run's server exits), and only the
 * quick compiler runs.
 */
function jvmFlags() {
  // Quiet about the archive: the first run's exit lists every class it cannot keep.
  return ['-XX:+AutoCreateSharedArchive', `-XX:SharedArchiveFile=${classArchive()}`, '-Xlog:cds*=off',
    '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
}

/**
 * target/hearth-node.jsa, deleted first when a jar on the server's class path is newer: the
 * JVM refuses an archive of other jars (with an error line) but does not write a new one.
 */
function classArchive() {
  const archive = path.join(webclient, 'target/hearth-node.jsa');
  if (!fs.existsSync(archive)) return archive;
  const lib = path.join(path.dirname(jar), 'lib');
  const jars = [jar, ...(fs.existsSync(lib) ? fs.readdirSync(lib).map((f) => path.join(lib, f)) : [])];
  const made = fs.statSync(archive).mtimeMs;
  if (jars.some((j) => fs.statSync(j).mtimeMs > made)) fs.rmSync(archive);
  return archive;
}

export const START_DEADLINE_MS = 90_000;
export const STOP_DEADLINE_MS = 15_000;
export const UI_TIMEOUT_MS = 20_000;
export const PASSWORD = 'a fire in the hearth 42';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** Distinct free loopback ports: all are held open at once, then released. */
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

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves null after `ms`, without keeping the process alive until then (a race's loser must not hold the test run open). */
const deadline = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null).unref());
const run = promisify(execFile);
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

/** A short random suffix, so names do not collide with an earlier run on a kept database. */
export function uniqueName(prefix) {
  return `${prefix}_${Math.random().toString(36).slice(2, 7)}`;
}

/** One server node. `name` picks its log file (target/<name>-server.log). */
export class Server {
  constructor(name = 'browser') {
    this.child = null;
    this.exited = null;
    this.tail = [];
    this.log = null;
    this.logFile = path.join(webclient, `target/${name}-server.log`);
    this.env = null;
  }

  get external() {
    return Boolean(process.env.HEARTH_TEST_URL);
  }

  async start() {
    if (this.external) {
      // Against a server someone else runs (development): start nothing.
      this.base = new URL(process.env.HEARTH_TEST_URL).toString();
      return;
    }
    if (!this.env) await this.prepare();
    await this.launch();
  }

  async prepare() {
    if (!fs.existsSync(jar)) {
      throw new Error(`server jar not found at ${jar}: build it first (mvn -q package -DskipTests)`);
    }
    this.java = path.join(javaHome, 'bin/java');
    if (!fs.existsSync(this.java)) throw new Error(`no java at ${this.java}: set JAVA_HOME to a JDK >= 21`);
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
    this.management = `http://127.0.0.1:${management}/`;
    this.dbUrl = process.env.HEARTH_DB_URL || `postgresql://postgres@127.0.0.1:${db}/postgres`;
    this.env = {
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
    if (process.env.HEARTH_DB_URL) this.env.HEARTH_DB_URL = process.env.HEARTH_DB_URL;
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    this.log = fs.createWriteStream(this.logFile);
  }

  async launch() {
    this.remember(`--- starting the server on ${this.base} ---\n`);
    const child = spawn(this.java, [...jvmFlags(), '-jar', jar], { cwd: this.workDir, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.once('error', (e) => this.remember(`spawn error: ${e.message}\n`));
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => this.remember(chunk.toString()));

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

  /**
   * Changes live settings (docs/operations.md) in the server's database with psql, and waits
   * until the node has them in force (its /status says so). `null` deletes a row (back to the
   * default). Returns false, changing nothing, for a server this test did not start or without
   * psql: callers then play by the settings in force.
   */
  async settings(values) {
    if (this.external || !this.dbUrl) return false;
    const sql = Object.entries(values).map(([key, value]) => (value === null
      ? `DELETE FROM settings WHERE key = ${quote(key)};`
      : `INSERT INTO settings (key, value) VALUES (${quote(key)}, ${quote(String(value))}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;`));
    try {
      await run('psql', [this.dbUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql.join('\n')]);
    } catch (e) {
      if (e.code === 'ENOENT') return false; // no psql here
      throw e;
    }
    const deadline = Date.now() + 10_000;
    for (;;) {
      const inForce = (await (await fetch(new URL('status', this.management))).json()).settings ?? {};
      const pending = Object.entries(values).filter(([key, value]) => value !== null && String(inForce[key]) !== String(value));
      if (pending.length === 0) return true;
      if (Date.now() > deadline) throw new Error(`live settings not in force after 10 s: ${JSON.stringify(pending)}`);
      await sleep(100);
    }
  }

  /** Stops the node (SIGTERM, then SIGKILL after a deadline); the data stays for a restart. */
  async halt() {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([this.exited, deadline(STOP_DEADLINE_MS)]);
      if (!done) {
        child.kill('SIGKILL');
        await Promise.race([this.exited, deadline(5_000)]);
      }
    }
    this.child = null;
  }

  /** Stops the node and starts it again on the same ports with the same data. */
  async restart() {
    assert.ok(!this.external, 'cannot restart a server this test did not start');
    await this.halt();
    await this.launch();
  }

  async stop() {
    await this.halt();
    this.log?.end();
    for (const dir of [this.workDir, this.dataDir]) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The one server and Chromium of this test process, started by the first suite that needs
 * them and stopped when every test in the process has run. All the browser suites run in
 * one process (test/browser.test.mjs imports them), so they share one server; a suite run
 * on its own (node --test browser-tests/world.mjs) starts its own.
 */
let shared = null;

function sharedStage() {
  shared ??= { server: new Server(), browser: null, ready: null };
  return shared;
}

function ready() {
  const s = sharedStage();
  s.ready ??= Promise.all([s.server.start(), launchBrowser()]).then(([, browser]) => {
    s.browser = browser;
  });
  return s.ready;
}

after(async () => {
  if (!shared?.ready) return;
  await shared.browser?.close().catch(() => {});
  await shared.server.stop();
}, { timeout: STOP_DEADLINE_MS + 15_000 });

/**
 * Inside a describe: the shared server and Chromium, up before its tests. `setup(stage)`
 * runs once they are (register the players the tests share there). Returns the stage:
 * {server, browser, problems (page errors of this suite), open(label, viewport) (a page of
 * its own), player(prefix, viewport) (a new character, registered and in the world)};
 * the pages it opened are closed after the suite.
 */
export function useStage(setup = async () => {}) {
  const stage = {
    server: sharedStage().server,
    browser: null,
    problems: [],
    contexts: new Set(),
    open: (label, viewport) => openPlayer(stage, label, viewport),
    player: (prefix, viewport) => newPlayer(stage, prefix, viewport),
  };
  before(async () => {
    await ready();
    stage.browser = shared.browser;
    await setup(stage);
  }, { timeout: START_DEADLINE_MS + 60_000 });
  after(async () => {
    await Promise.all([...stage.contexts].map((c) => c.close().catch(() => {})));
  });
  return stage;
}

async function launchBrowser() {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM`);
  fs.mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a browser context of its own (storage and sockets apart), on the login screen. */
async function openPlayer(stage, label, viewport) {
  const context = await stage.browser.newContext({ viewport });
  stage.contexts.add(context);
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  page.on('pageerror', (e) => stage.problems.push(`${label}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') stage.problems.push(`${label}: console error: ${m.text()}`);
  });
  await page.goto(stage.server.base);
  return { name: label, context, page };
}

export async function registerThroughUi(page, name) {
  await page.getByTestId('login-screen').waitFor({ state: 'visible' });
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('game-screen').waitFor({ state: 'visible' });
  await waitForState(page, 'online');
}

/** Opens a browser context, registers a new character through the UI and waits until it is in a room. */
async function newPlayer(stage, prefix, viewport) {
  const name = uniqueName(prefix);
  const player = await openPlayer(stage, name, viewport);
  await registerThroughUi(player.page, name);
  await player.page.locator('[data-testid="room-panel"][data-room]').waitFor();
  return { ...player, name };
}

export async function waitForState(page, state, timeout) {
  await page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout });
}

export const occupant = (page, name) => page.locator(`[data-testid="occupant"][data-name="${name}"]`);

/** A log line of this kind containing the text (auto-waits). */
export const logLine = (page, kind, text) => page.locator(`[data-testid="log"] .line[data-kind="${kind}"]`, { hasText: text });

/** Types a line into the command line with the keyboard, as a player does, and sends it. */
export async function command(page, line) {
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'command-input');
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Plays an event in the page as if the server had pushed it (docs/protocol.md shapes). */
export async function inject(page, ...events) {
  for (const event of events) await page.evaluate((e) => window.hearth.inject(e), event);
}

/** The id of the room the player is in (from the room panel). */
export async function currentRoom(page) {
  return page.getByTestId('room-panel').getAttribute('data-room');
}

/** The rooms on the map as drawn: [{id, state: 'current'|'visited'|'seen'}]. */
export async function mapRooms(page) {
  return page.locator('[data-testid="map-room"]').evaluateAll((nodes) =>
    nodes.map((n) => ({ id: n.getAttribute('data-room'), state: n.getAttribute('data-state') })));
}

/** Walks through an exit by clicking its button; resolves once the room panel shows another room. */
export async function walk(page, exitName) {
  const before = await currentRoom(page);
  await page.locator(`[data-testid="room-exit"][data-exit="${exitName}"]`).click();
  await page.waitForFunction((id) => document.querySelector('[data-testid="room-panel"]')?.getAttribute('data-room') !== id, before);
  return currentRoom(page);
}

/** The exits of the room the player is in: [{name, dir, to}] (dir and to null when the server does not say). */
export async function exitsHere(page) {
  return page.locator('[data-testid="room-exit"]').evaluateAll((nodes) =>
    nodes.map((n) => ({ name: n.getAttribute('data-exit'), dir: n.getAttribute('data-dir'), to: n.getAttribute('data-to') })));
}

/** Names of the things on the floor of the room the player is in. */
export async function itemsHere(page) {
  return page.locator('[data-testid="room-item"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-name')));
}

/**
 * Explores from where the player stands, depth first, until `found(page)` is true; walks
 * back out of dead ends. Returns the exits taken from the start to the room found (so a
 * second player can follow with walkPath), or null when no room within `maxRooms` has it.
 */
export async function explore(page, found, maxRooms = 20) {
  const seen = new Set([await currentRoom(page)]);
  const path = [];
  async function visit() {
    if (await found(page)) return true;
    for (const exit of await exitsHere(page)) {
      if (seen.size >= maxRooms) return false;
      if (!exit.to || seen.has(exit.to)) continue;
      const from = await currentRoom(page);
      seen.add(exit.to);
      await walk(page, exit.name);
      path.push(exit.name);
      if (await visit()) return true;
      path.pop();
      const back = (await exitsHere(page)).find((e) => e.to === from);
      assert.ok(back, `no way back from ${await currentRoom(page)} to ${from}`);
      await walk(page, back.name);
    }
    return false;
  }
  return (await visit()) ? path : null;
}

/** Takes these exits one after the other. */
export async function walkPath(page, exits) {
  for (const exit of exits) await walk(page, exit);
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Bounding boxes of elements by test id (null for one not shown). */
export async function boxes(page, ...testIds) {
  const out = {};
  for (const id of testIds) out[id] = await page.getByTestId(id).boundingBox();
  return out;
}

/** Asserts that no two of these boxes overlap (panels side by side or stacked, never on top of each other). */
export function assertNoOverlap(found) {
  const entries = Object.entries(found).filter(([, b]) => b);
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [na, a] = entries[i];
      const [nb, b] = entries[j];
      const overlap = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
      assert.ok(!overlap, `${na} ${JSON.stringify(a)} overlaps ${nb} ${JSON.stringify(b)}`);
    }
  }
}

/** The page has no horizontal scrollbar: nothing sticks out to the right. */
export async function assertNoSideways(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `the page scrolls sideways (${scroll} > ${client})`);
}

/** The page problems a test should fail on. */
export function problemsExceptExpected(problems) {
  // A bad login's 401 is logged by Chromium as a failed resource; a server restart logs
  // failed socket attempts while it is down. Both are expected where tests cause them.
  // The bridge client may ping a socket the server just closed ("already in CLOSING or CLOSED state").
  return problems.filter((p) => !/status of 401|ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|status of 50[23]|already in CLOSING or CLOSED state/.test(p));
}
