// One authenticated bridge connection that survives drops: open the socket, say hello
// with the newest token, register the session address, and on a drop start again
// after an exponential backoff with jitter, resuming the same session (the server replays
// what was missed). Commands carry unique ids and time out.
import EventBus, { type BridgeError, type BridgeMessage, type UnhandledFrame } from '@vertx/eventbus-bridge-client.js';
import {
  ADDRESS_COMMAND,
  ADDRESS_HELLO,
  ADDRESS_LOGOUT,
  ADDRESS_TOKEN,
  isObject,
  readError,
  readEvent,
  type CommandReply,
  type GameEvent,
  type HelloOk,
  type PushedEvent,
} from './protocol';
import { loadResumePoint, saveResumePoint, type ResumePoint, type StoredSession } from './session-store';

export type ConnectionState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'online'; since: number }
  | { kind: 'reconnecting'; at: number; attempt: number; reason: string }
  | { kind: 'offline'; reason: string };

export interface ConnectionHandlers {
  state(state: ConnectionState): void;
  /**
   * After every successful hello; `reconnected` is false for the first one. `hello.resumed`
   * says whether the server resumed the session (the missed events follow) or began a new one.
   */
  welcome(hello: HelloOk, reconnected: boolean): void;
  event(event: PushedEvent): void;
  /** Events `from`..`to` (inclusive) of this session never arrived. */
  gap(from: number, to: number): void;
  tokenRefreshed(session: StoredSession): void;
  /** The server refused our token: the player must log in again. */
  tokenRejected(message: string): void;
  /** Something worth a line in the log (a refused frame, a late reply). */
  problem(message: string): void;
  lateReply(line: string, reply: CommandReply): void;
}

export class CommandError extends Error {
  constructor(readonly code: 'timeout' | 'not_connected' | 'connection_lost' | 'bridge', message: string) {
    super(message);
  }
}

export interface Timing {
  commandTimeoutMs: number;
  helloTimeoutMs: number;
  connectTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pingIntervalMs: number;
}

export const DEFAULT_TIMING: Timing = {
  commandTimeoutMs: 10_000,
  helloTimeoutMs: 10_000,
  connectTimeoutMs: 15_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  pingIntervalMs: 5_000,
};

interface Pending {
  line: string;
  resolve(reply: CommandReply): void;
  reject(error: CommandError): void;
  timer: number;
}

/** Full-jitter exponential backoff: between half and all of base * 2^attempt, capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class Connection {
  private bus: EventBus | null = null;
  private stopped = true;
  private attempt = 0;
  private welcomed = 0;
  private sessionAddress: string | null = null;
  private lastSeq = 0;
  /** The session to resume on the next hello: the last one, where it left off. */
  private resumeFrom: ResumePoint | null = null;
  private state: ConnectionState = { kind: 'offline', reason: 'not started' };
  private retryTimer = 0;
  private connectTimer = 0;
  private refreshTimer = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly late = new Map<string, string>();
  private readonly idPrefix = Math.random().toString(36).slice(2, 8);
  private commandCounter = 0;

  constructor(
    private readonly url: string,
    private readonly session: () => StoredSession | null,
    private readonly on: ConnectionHandlers,
    private readonly timing: Timing = DEFAULT_TIMING,
  ) {
    window.addEventListener('online', this.wake);
    // A reload resumes the session this tab had.
    window.addEventListener('pagehide', () => saveResumePoint(this.stopped ? null : this.resumePoint()));
    window.addEventListener('offline', this.lostNetwork);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  get current(): ConnectionState {
    return this.state;
  }

  get online(): boolean {
    return this.state.kind === 'online';
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.welcomed = 0;
    this.resumeFrom = loadResumePoint();
    saveResumePoint(null);
    this.open();
  }

  /** Leaves the world now (no resume window on the server), then closes for good. */
  logout(): void {
    const bus = this.bus;
    if (bus && this.state.kind === 'online') {
      try {
        bus.send(ADDRESS_LOGOUT, {}, () => undefined);
      } catch {
        // closing anyway
      }
    }
    this.stop('signed out');
  }

  /** Closes for good (logout, rejected token). */
  stop(reason = 'signed out'): void {
    this.stopped = true;
    this.resumeFrom = null;
    this.clearTimers();
    this.dropBus();
    this.failPending('connection_lost', 'Disconnected before the server answered.');
    this.setState({ kind: 'offline', reason });
  }

  /** Closes the socket as if the network had dropped it; the client reconnects by itself. */
  drop(): void {
    const bus = this.bus;
    if (bus) this.lost('connection dropped');
  }

  /** Skips the wait of a pending reconnect. */
  retryNow(): void {
    if (this.stopped) return;
    if (this.state.kind === 'reconnecting' || this.state.kind === 'offline') {
      window.clearTimeout(this.retryTimer);
      this.open();
    }
  }

  nextCommandId(): string {
    this.commandCounter += 1;
    return `c${this.idPrefix}${this.commandCounter.toString(36)}`;
  }

  command(line: string, id = this.nextCommandId()): Promise<CommandReply> {
    return new Promise<CommandReply>((resolve, reject) => {
      const bus = this.bus;
      if (!bus || this.state.kind !== 'online') {
        reject(new CommandError('not_connected', 'Not connected: the command was not sent.'));
        return;
      }
      const timer = window.setTimeout(() => {
        if (!this.pending.delete(id)) return;
        this.late.set(id, line);
        reject(new CommandError('timeout', `No answer from the server within ${Math.round(this.timing.commandTimeoutMs / 1000)} s.`));
      }, this.timing.commandTimeoutMs);
      this.pending.set(id, { line, resolve, reject, timer });
      try {
        bus.send(ADDRESS_COMMAND, { id, line }, (err, msg) => this.commandReply(id, err, msg));
      } catch {
        window.clearTimeout(timer);
        this.pending.delete(id);
        reject(new CommandError('not_connected', 'Not connected: the command was not sent.'));
      }
    });
  }

  // ---- connection lifecycle ----

  private open(): void {
    this.clearTimers();
    this.dropBus();
    if (this.stopped) return;
    const session = this.session();
    if (!session) {
      this.stop('no token');
      this.on.tokenRejected('Please log in.');
      return;
    }
    this.setState({ kind: 'connecting', attempt: this.attempt });
    let bus: EventBus;
    try {
      bus = new EventBus(this.url, { vertxbus_ping_interval: this.timing.pingIntervalMs });
    } catch {
      this.scheduleReconnect('could not open a socket');
      return;
    }
    this.bus = bus;
    this.connectTimer = window.setTimeout(() => {
      if (this.bus === bus && this.state.kind !== 'online') this.lost('the server did not answer in time');
    }, this.timing.connectTimeoutMs);
    bus.onerror = () => {
      // Transport errors end in onclose; refused frames come through onunhandled.
    };
    bus.onunhandled = (frame: UnhandledFrame) => {
      if (this.bus !== bus) return;
      if (frame.type === 'err') {
        const what = typeof frame.body === 'string' ? frame.body : frame.message ?? 'refused';
        this.on.problem(`The server refused a message (${what}).`);
      }
    };
    bus.onclose = () => {
      if (this.bus === bus) this.lost('connection lost');
    };
    bus.onopen = () => {
      if (this.bus === bus) this.hello(bus);
    };
  }

  private hello(bus: EventBus): void {
    const session = this.session();
    if (!session) {
      this.stop('no token');
      this.on.tokenRejected('Please log in.');
      return;
    }
    const timer = window.setTimeout(() => {
      if (this.bus === bus) this.lost('no answer to hello');
    }, this.timing.helloTimeoutMs);
    try {
      const body = this.resumeFrom ? { token: session.token, resume: this.resumeFrom } : { token: session.token };
      bus.send(ADDRESS_HELLO, body, (err, msg) => {
        window.clearTimeout(timer);
        if (this.bus !== bus) return;
        const body = err ? null : msg?.body;
        if (isObject(body) && body.ok === true && typeof body.session === 'string') {
          this.welcome(bus, body as unknown as HelloOk);
          return;
        }
        const error = readError(body, {
          code: err ? 'bridge' : 'bad_reply',
          message: err?.message ?? 'The server did not accept the connection.',
        });
        if (error.code === 'bad_token') {
          this.stop('token rejected');
          this.on.tokenRejected(error.message);
        } else {
          this.lost(error.message);
        }
      });
    } catch {
      window.clearTimeout(timer);
      this.lost('could not say hello');
    }
  }

  private welcome(bus: EventBus, hello: HelloOk): void {
    window.clearTimeout(this.connectTimer);
    this.sessionAddress = hello.session;
    // Resumed: the missed events come next, numbered on from where we were.
    if (hello.resumed !== true) this.lastSeq = 0;
    this.resumeFrom = null;
    this.attempt = 0;
    const reconnected = this.welcomed > 0;
    this.welcomed += 1;
    this.setState({ kind: 'online', since: Date.now() });
    this.on.welcome(hello, reconnected);
    try {
      bus.registerHandler(hello.session, (err, msg) => {
        if (this.bus !== bus) return;
        if (err) {
          this.on.problem(`The session address was refused (${err.message ?? 'error'}).`);
          return;
        }
        this.pushed(msg);
      });
    } catch {
      this.lost('could not register the session');
      return;
    }
    this.scheduleRefresh();
  }

  private pushed(msg: BridgeMessage): void {
    const event = readEvent(msg.body);
    if (!event) return;
    if (typeof event.seq === 'number') {
      if (event.seq > this.lastSeq + 1) this.on.gap(this.lastSeq + 1, event.seq - 1);
      if (event.seq > this.lastSeq) this.lastSeq = event.seq;
    }
    this.on.event(event);
  }

  private lost(reason: string): void {
    if (this.stopped) return;
    this.dropBus();
    this.failPending('connection_lost', 'The connection dropped before the server answered.');
    this.scheduleReconnect(reason);
  }

  private scheduleReconnect(reason: string): void {
    if (this.stopped) return;
    this.clearTimers();
    if (!navigator.onLine) {
      // Wait for the 'online' event, but also try now and then in case onLine lies.
      this.setState({ kind: 'offline', reason: 'no network' });
      this.retryTimer = window.setTimeout(() => this.open(), this.timing.backoffMaxMs);
      return;
    }
    const delay = backoffDelay(this.attempt, this.timing.backoffBaseMs, this.timing.backoffMaxMs);
    this.attempt += 1;
    this.setState({ kind: 'reconnecting', at: Date.now() + delay, attempt: this.attempt, reason });
    this.retryTimer = window.setTimeout(() => this.open(), delay);
  }

  private resumePoint(): ResumePoint | null {
    return this.sessionAddress ? { session: this.sessionAddress, seq: this.lastSeq } : this.resumeFrom;
  }

  private dropBus(): void {
    const bus = this.bus;
    if (!this.stopped) this.resumeFrom = this.resumePoint();
    this.bus = null;
    this.sessionAddress = null;
    window.clearTimeout(this.refreshTimer);
    if (bus) {
      try {
        bus.close();
      } catch {
        // already closed
      }
    }
  }

  private clearTimers(): void {
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.connectTimer);
    window.clearTimeout(this.refreshTimer);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.on.state(state);
  }

  private readonly wake = () => {
    if (!this.stopped && (this.state.kind === 'reconnecting' || this.state.kind === 'offline')) this.retryNow();
  };

  private readonly lostNetwork = () => {
    if (!this.stopped && this.state.kind === 'reconnecting') {
      this.setState({ kind: 'offline', reason: 'no network' });
    }
  };

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.wake();
  };

  // ---- commands ----

  private commandReply(id: string, err: BridgeError | null, msg: BridgeMessage | undefined): void {
    const body: unknown = err ? null : msg?.body;
    let reply: CommandReply;
    if (isObject(body) && body.ok === true) {
      const events = Array.isArray(body.events) ? body.events.map(readEvent).filter((e): e is PushedEvent => e !== null) : [];
      reply = { id, ok: true, events: events as GameEvent[] };
    } else {
      reply = {
        id,
        ok: false,
        error: readError(body, {
          code: err ? 'bridge' : 'bad_reply',
          message: err?.message || 'The server could not run that command.',
        }),
      };
    }
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      window.clearTimeout(pending.timer);
      pending.resolve(reply);
      return;
    }
    const line = this.late.get(id);
    if (line !== undefined) {
      this.late.delete(id);
      this.on.lateReply(line, reply);
    }
  }

  private failPending(code: 'connection_lost', message: string): void {
    for (const [id, p] of this.pending) {
      window.clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new CommandError(code, message));
    }
    this.late.clear();
  }

  // ---- token refresh ----

  private scheduleRefresh(delayMs?: number): void {
    window.clearTimeout(this.refreshTimer);
    const session = this.session();
    if (!session) return;
    const remaining = session.expiresAt - Date.now();
    // Refresh when about a third of the lifetime is left: 900 s tokens renew after ~600 s.
    const delay = delayMs ?? Math.max(1_000, Math.floor(remaining * (2 / 3)));
    this.refreshTimer = window.setTimeout(() => this.refresh(), delay);
  }

  private refresh(): void {
    const bus = this.bus;
    if (!bus || this.state.kind !== 'online') return;
    const retry = () => {
      const session = this.session();
      const remaining = session ? session.expiresAt - Date.now() : 0;
      this.scheduleRefresh(Math.max(2_000, Math.min(15_000, remaining / 4)));
    };
    const timer = window.setTimeout(() => {
      if (this.bus === bus) retry();
    }, this.timing.commandTimeoutMs);
    try {
      bus.send(ADDRESS_TOKEN, {}, (err, msg) => {
        window.clearTimeout(timer);
        if (this.bus !== bus) return;
        const body = err ? null : msg?.body;
        if (isObject(body) && body.ok === true && typeof body.token === 'string') {
          const expiresIn = typeof body.expiresIn === 'number' && body.expiresIn > 0 ? body.expiresIn : 900;
          const name = this.session()?.name ?? '';
          this.on.tokenRefreshed({ token: body.token, expiresAt: Date.now() + expiresIn * 1000, name });
          this.scheduleRefresh();
          return;
        }
        const error = readError(body, { code: 'bad_reply', message: 'Token refresh failed.' });
        if (error.code === 'bad_token' || error.code === 'not_authenticated') {
          this.stop('token rejected');
          this.on.tokenRejected(error.message);
        } else {
          retry();
        }
      });
    } catch {
      window.clearTimeout(timer);
    }
  }
}
