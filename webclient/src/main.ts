// Hearth's browser client: wires the login screen, the connection and the game screen.
import * as api from './api';
import { CommandError, Connection, type ConnectionState } from './connection';
import { ServerClock } from './model/clock';
import { commandsFromHelp, DEFAULT_ALIASES, DEFAULT_COMMANDS, type Vocabulary } from './model/completion';
import { WorldMap } from './model/world-map';
import { readEvent, type Exit, type GameEvent, type HelloOk, type KnownEvent } from './protocol';
import { clearSession, loadSession, saveSession, sessionFromLogin, type StoredSession } from './session-store';
import { CommandLine } from './ui/commandline';
import { byTestId, clear, el } from './ui/dom';
import { LeaderboardPanel, LobbyPanel, MatchBanner, ScoreBadge } from './ui/games';
import { GameLog } from './ui/log';
import { LoginScreen } from './ui/login';
import { MapView } from './ui/map';
import { EventRenderer, type Source } from './ui/render';
import { RoomPanel } from './ui/room';
import { StatusBadge } from './ui/status';
import { ChannelTabs, ROOM } from './ui/tabs';

/** Where an event came from: a reply or push the player should see, or a quiet query that only feeds the panels. */
type Origin = Source | 'quiet';

/** Asked once per connection, without a trace in the log, to fill the panels. Unknown ones are simply refused. */
const PANEL_QUERIES = ['help', 'channels', 'lobbies', 'top', 'score', 'inventory'];

/**
 * The speaker's own words come back in the command's reply. Today the server pushes
 * them only to the speaker's *other* sessions, but if a copy were also pushed to this
 * session, show it once: an own `said` seen from one source is dropped when the other
 * source brings the same text within a few seconds.
 */
class OwnSpeech {
  private readonly seen: { text: string; source: Source; at: number }[] = [];

  fresh(event: GameEvent, source: Source): boolean {
    if (event.type !== 'said' || (event as { you?: unknown }).you !== true) return true;
    const text = String((event as { text?: unknown }).text ?? '');
    const now = Date.now();
    while (this.seen.length && now - this.seen[0].at > 3_000) this.seen.shift();
    const i = this.seen.findIndex((s) => s.text === text && s.source !== source);
    if (i >= 0) {
      this.seen.splice(i, 1);
      return false;
    }
    this.seen.push({ text, source, at: now });
    return true;
  }
}

function mapKey(name: string): string {
  return `hearth.map.${name.toLowerCase()}`;
}

class App {
  private session: StoredSession | null = loadSession();
  private readonly gameScreen = byTestId('game-screen');
  private readonly clock = new ServerClock();
  private readonly log = new GameLog(byTestId('log'), byTestId<HTMLButtonElement>('log-jump'));
  private readonly renderer = new EventRenderer(this.log, () => this.session?.name ?? '');
  private readonly tabs = new ChannelTabs(byTestId('tabs'), this.log, (channel) => this.onTab(channel));
  private readonly room = new RoomPanel(byTestId('room-panel'), {
    go: (exit) => this.walk(exit),
    insert: (name) => this.commandLine.insert(name),
    fill: (line) => this.commandLine.fill(line),
    send: (line) => this.act(line),
  });
  private worldMap = new WorldMap();
  private readonly mapView = new MapView(byTestId<SVGSVGElement>('map'), byTestId('map-caption'), (exit) => this.walk(exit));
  private readonly lobbies = new LobbyPanel(byTestId('lobbies'), byTestId('lobby-count'), this.clock, (line) => this.send(line));
  private readonly leaderboard = new LeaderboardPanel(byTestId('leaderboard'), [byTestId('leaderboard-all'), byTestId('leaderboard-day')]);
  private readonly match = new MatchBanner(byTestId('match'), this.clock, (line) => this.act(line));
  private readonly score = new ScoreBadge(byTestId('score-badge'));
  private readonly status = new StatusBadge(byTestId('connection-status'), byTestId('connection-label'), byTestId('connection-banner'), () => this.connection.retryNow());
  private readonly overlay = byTestId('keys-overlay');
  private readonly commandLine: CommandLine;
  private readonly login: LoginScreen;
  private readonly connection: Connection;
  private readonly dedupe = new OwnSpeech();
  private commands = [...DEFAULT_COMMANDS];
  private aliases: Record<string, string> = { ...DEFAULT_ALIASES };
  private readonly online = new Set<string>();
  /** What this server has shown it can do (for tests that need the world or matches). */
  private readonly traits = { helpRead: false, roomMap: false, exitTargets: false, events: new Set<string>() };
  private lastState: ConnectionState['kind'] = 'offline';
  private lastMotd = '';
  private unread = 0;
  /** While the answer to a `look` is being shown. */
  private looking = false;
  /** The panel queries wait for the session's first event after a hello. */
  private queriesDue = false;
  /** A reload that resumed its session: the page has drawn nothing yet, so it looks once. */
  private lookDue = false;
  private queriesTimer = 0;

  constructor() {
    this.commandLine = new CommandLine(byTestId<HTMLFormElement>('command-form'), byTestId<HTMLInputElement>('command-input'), byTestId('completions'), {
      submit: (line) => this.submit(line),
      page: (d) => this.log.page(d),
      vocabulary: () => this.vocabulary(),
    });
    this.login = new LoginScreen(byTestId('login-screen'), {
      login: (name, password) => this.doLogin(name, password),
      register: async (name, password) => {
        const registered = await api.register(name, password);
        await this.doLogin(registered, password);
      },
    });
    this.connection = new Connection(new URL('eventbus', window.location.href).toString(), () => this.session, {
      state: (s) => this.onState(s),
      welcome: (hello, reconnected) => this.onWelcome(hello, reconnected),
      event: (e) => {
        this.onEvent(e, 'push');
        if (this.queriesDue) this.askPanels();
      },
      gap: (from, to) => {
        const n = to - from + 1;
        this.log.add('gap', `⋯ ${n} event${n === 1 ? '' : 's'} missed (#${from}${n > 1 ? `–${to}` : ''}). Type “look” to catch up.`);
      },
      tokenRefreshed: (s) => {
        this.session = s;
        saveSession(s);
      },
      tokenRejected: (message) => this.signOut({ text: `Your session has ended: ${message} Please log in again.`, kind: 'error' }),
      problem: (message) => this.log.add('error', message),
      lateReply: (line, reply) => {
        this.log.add('system', `A late answer arrived for “${line}”.`);
        if (reply.ok) for (const e of reply.events) this.onEvent(e, 'reply');
        else this.log.add('error', reply.error.message);
      },
    });
    byTestId('logout').addEventListener('click', () => this.signOut({ text: 'You left the tavern. Come back soon.', kind: 'info' }));
    byTestId('keys-button').addEventListener('click', () => this.toggleKeys());
    // Phones: the panels are stacked below the log; this jumps down to them.
    byTestId('more-panels').addEventListener('click', () => byTestId('map-panel').scrollIntoView({ behavior: 'smooth', block: 'start' }));
    this.overlay.addEventListener('click', (e) => {
      if (e.target === this.overlay) this.toggleKeys(false);
    });
    this.keepFocus();
    this.trackChrome();
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.setUnread(0);
    });
    // Hooks for tests and the curious: drop() simulates a network drop; inject() plays an
    // event as if the server had pushed it (only this page sees it).
    (window as unknown as { hearth: unknown }).hearth = {
      drop: () => this.connection.drop(),
      state: () => this.connection.current.kind,
      inject: (event: unknown) => {
        const e = readEvent(event);
        if (e) this.onEvent(e, 'push');
      },
      map: () => this.worldMap.toJSON(),
      traits: () => ({ ...this.traits, commands: [...this.commands], events: [...this.traits.events] }),
    };
    this.mapView.render(this.worldMap);

    if (this.session) this.enterGame(true);
    else this.login.show();
  }

  private async doLogin(name: string, password: string): Promise<void> {
    const reply = await api.login(name, password);
    this.session = sessionFromLogin(reply.token, reply.expiresIn, reply.player.name);
    saveSession(this.session);
    this.enterGame(false);
  }

  private enterGame(restored: boolean): void {
    const session = this.session;
    if (!session) return;
    this.login.hide();
    this.gameScreen.hidden = false;
    this.showName(session.name);
    this.room.reset();
    this.score.reset();
    this.match.hide();
    this.online.clear();
    this.worldMap = loadMap(session.name);
    this.mapView.render(this.worldMap);
    this.log.clear();
    this.lastMotd = '';
    this.log.add('system', restored ? `Welcome back, ${session.name}. Rejoining the world…` : `Welcome, ${session.name}. Opening the door…`);
    this.connection.start();
    this.commandLine.focus();
  }

  private showName(name: string): void {
    byTestId('player-name').textContent = name;
    byTestId('player-avatar').textContent = name.slice(0, 1).toUpperCase();
    this.room.setMe(name);
    this.lobbies.setMe(name);
    this.leaderboard.setMe(name);
    this.match.setMe(name);
  }

  private signOut(message: { text: string; kind: 'error' | 'info' }): void {
    const name = this.session?.name;
    this.connection.logout();
    this.session = null;
    clearSession();
    this.gameScreen.hidden = true;
    this.toggleKeys(false);
    this.login.show(message, name);
  }

  private onState(state: ConnectionState): void {
    this.status.show(state);
    const was = this.lastState;
    this.lastState = state.kind;
    this.gameScreen.dataset.connection = state.kind;
    if (state.kind === 'online') this.onTab(this.tabs.current);
    else if (state.kind === 'reconnecting' || state.kind === 'offline') this.commandLine.setPlaceholder('Not connected — reconnecting…');
    else this.commandLine.setPlaceholder('Connecting…');
    if (was === 'online' && state.kind !== 'online' && !this.gameScreen.hidden && state.kind !== 'offline') {
      const why = state.kind === 'reconnecting' && state.reason !== 'connection lost' ? ` (${state.reason})` : '';
      this.log.add('system', el('span', { class: 'glyph' }, '⚡ '), `Connection lost${why}. Reconnecting by itself…`);
    } else if (state.kind === 'offline' && state.reason === 'no network' && was !== 'offline') {
      this.log.add('system', el('span', { class: 'glyph' }, '⚡ '), 'The network is gone. Waiting for it to come back…');
    }
  }

  private onWelcome(hello: HelloOk, reconnected: boolean): void {
    this.clock.sync(hello.serverTime);
    const name = hello.player?.name || this.session?.name || '';
    if (this.session && name && name !== this.session.name) {
      this.session = { ...this.session, name };
      saveSession(this.session);
      this.showName(name);
    }
    const motd = typeof hello.motd === 'string' ? hello.motd.trim() : '';
    const hint = !reconnected && !/\bhelp\b/i.test(motd);
    this.log.add(
      'system',
      el('span', { class: 'glyph' }, '✓ '),
      reconnected ? (hello.resumed ? 'Reconnected: you never left.' : 'Reconnected.') : `Connected as ${name}.`,
      hint ? ' Type ' : '',
      hint ? el('kbd', {}, 'help') : '',
      hint ? ' to see what you can do.' : '',
    );
    if (motd && motd !== this.lastMotd) {
      this.log.add('motd', el('span', { class: 'motd', 'data-testid': 'motd' }, motd));
      this.lastMotd = motd;
    }
    // Ask once the session is registered: its first event (the room) says so. Commands sent
    // before that race the registration on the server. A resumed session is in the world
    // already, and may have missed nothing: it asks at once.
    this.queriesDue = true;
    this.lookDue = hello.resumed === true && !reconnected;
    window.clearTimeout(this.queriesTimer);
    this.queriesTimer = window.setTimeout(() => this.askPanels(), hello.resumed ? 0 : 3_000);
  }

  private askPanels(): void {
    window.clearTimeout(this.queriesTimer);
    if (!this.queriesDue || !this.connection.online) return;
    this.queriesDue = false;
    for (const line of PANEL_QUERIES) this.quiet(line);
    if (this.lookDue) {
      this.lookDue = false;
      this.send('look');
    }
  }

  /** Sends a query whose answer only fills the panels; a refusal (an older server) is ignored. */
  private quiet(line: string): void {
    this.connection.command(line).then(
      (reply) => {
        if (!reply.ok) return;
        if (line === 'help') this.learnCommands(reply.events);
        for (const e of reply.events) this.onEvent(e, 'quiet');
      },
      () => {},
    );
  }

  /** Reads the command list from `help`, so completion offers what this server has. */
  private learnCommands(events: GameEvent[]): void {
    const texts = events.filter((e) => e.type === 'text').map((e) => String((e as { text?: unknown }).text ?? ''));
    const learned = commandsFromHelp(texts);
    if (!learned) return;
    this.traits.helpRead = true;
    this.commands = learned.commands;
    this.aliases = { ...DEFAULT_ALIASES, ...learned.aliases };
    this.renderCommandList();
  }

  private onEvent(event: GameEvent, origin: Origin): void {
    if (origin !== 'quiet' && !this.dedupe.fresh(event, origin)) return;
    const e = event as KnownEvent;
    this.traits.events.add(e.type);
    // Walking back into a room already seen shows it briefly; `look` always in full.
    const brief = e.type === 'room' && !this.looking && this.worldMap.get(e.room.id)?.visited === true && this.worldMap.current !== e.room.id;
    switch (e.type) {
      case 'room':
        if (e.room.map) this.traits.roomMap = true;
        if (e.room.exits.some((x) => x.to)) this.traits.exitTargets = true;
        this.room.show(e.room);
        this.worldMap.visit(e.room);
        this.mapView.render(this.worldMap);
        saveMap(this.session?.name, this.worldMap);
        this.match.entered(e.room.id);
        for (const p of e.room.occupants) this.online.add(p);
        break;
      case 'arrived':
        this.room.arrived(e.who, e.npc);
        break;
      case 'left':
        this.room.left(e.who);
        break;
      case 'item':
        this.room.item(e.action, e.who, e.item, e.to);
        break;
      case 'inventory':
        this.room.carry(e.items);
        break;
      case 'who':
        this.online.clear();
        for (const p of e.players) this.online.add(p);
        break;
      case 'chat':
        this.tabs.ensure(e.channel);
        if (e.from) this.online.add(e.from);
        break;
      case 'channel_history':
        this.tabs.ensure(e.channel);
        break;
      case 'channels':
        this.tabs.setChannels(e.channels.filter((c) => c.joined).map((c) => c.name));
        break;
      case 'lobbies':
        this.lobbies.show(e.lobbies);
        break;
      case 'match': {
        const before = this.match.show(e.match);
        if (e.match.room) this.room.range(e.match.room, e.match.state === 'ended' ? [] : e.match.standing);
        if (origin !== 'quiet') this.renderer.match(e.match, before);
        // Scores are saved when a match ends: fetch the new standings unless the server pushes them.
        if (e.match.state === 'ended' && before !== null && before !== 'ended') {
          this.quiet('top');
          this.quiet('score');
        }
        break;
      }
      case 'leaderboard':
        this.leaderboard.show(e.allTime, e.last24h);
        break;
      case 'score':
        this.score.show(e.score);
        break;
    }
    if (origin === 'quiet') return;
    if (this.renderer.render(event, origin, brief) && document.hidden && origin === 'push') this.setUnread(this.unread + 1);
  }

  /** Returns false when the line was not sent (the command line keeps it). */
  private submit(line: string): boolean {
    const trimmed = line.trim();
    if (trimmed === '/clear') {
      this.log.clear();
      return true;
    }
    return this.send(line);
  }

  /** Sends a command and shows its echo and answer; false when offline (nothing sent). */
  private send(line: string): boolean {
    if (!this.connection.online) {
      this.log.add('error', 'Not connected yet — your command was kept; press Enter again once online.');
      return false;
    }
    this.log.add('echo', el('span', { class: 'glyph' }, '› '), line);
    this.connection.command(line).then(
      (reply) => {
        if (reply.ok) {
          if (/^\s*(help|\?)\s*$/i.test(line)) this.learnCommands(reply.events);
          this.looking = /^\s*(l|look)\s*$/i.test(line);
          for (const e of reply.events) this.onEvent(e, 'reply');
          this.looking = false;
        } else {
          this.log.add('error', el('span', { class: 'glyph' }, '✗ '), reply.error.message);
        }
      },
      (error: unknown) => {
        const message = error instanceof CommandError ? error.message : 'The command failed.';
        this.log.add('error', el('span', { class: 'glyph' }, '✗ '), `“${line}”: ${message}`);
      },
    );
    return true;
  }

  private walk(exit: Exit): void {
    this.act(`go ${exit.name}`);
  }

  /** A command sent by a click (an exit, a barrel): it runs at once, and typing goes on in the command line. */
  private act(line: string): void {
    this.send(line);
    this.commandLine.focus();
  }

  private vocabulary(): Vocabulary {
    const me = this.session?.name ?? '';
    return {
      commands: this.commands,
      aliases: this.aliases,
      exits: this.room.exitList().map((e) => e.name),
      people: this.room.names(),
      players: [...this.online],
      npcs: this.room.npcNames(),
      roomItems: this.room.floorItems().map((i) => i.name),
      inventory: this.room.inventory().map((i) => i.name),
      channels: this.tabs.channels(),
      lobbies: this.lobbies.names(),
      me,
    };
  }

  private onTab(channel: string): void {
    if (!this.connection?.online) return;
    if (channel === ROOM || channel === '*') this.commandLine.setPlaceholder('What do you do?');
    else this.commandLine.setPlaceholder(`chat ${channel} <text> talks here`);
  }

  private toggleKeys(open = this.overlay.hidden): void {
    if (open) this.renderCommandList();
    this.overlay.hidden = !open;
    this.commandLine.focus();
  }

  private renderCommandList(): void {
    const list = byTestId('keys-commands');
    clear(list);
    for (const command of this.commands) {
      const button = el('button', { type: 'button', class: 'cmd', tabindex: '-1', title: `help ${command}` }, command);
      button.addEventListener('click', () => {
        this.toggleKeys(false);
        this.commandLine.fill(`help ${command}`);
      });
      list.appendChild(button);
    }
  }

  private keepFocus(): void {
    const input = byTestId<HTMLInputElement>('command-input');
    // Typing anywhere on the game screen goes to the command line.
    document.addEventListener('keydown', (e) => {
      if (this.gameScreen.hidden) return;
      if (e.key === 'F1' || (e.altKey && (e.key === 'h' || e.key === 'H'))) {
        e.preventDefault();
        this.toggleKeys();
        return;
      }
      if (e.key === 'Escape' && !this.overlay.hidden) {
        e.preventDefault();
        this.toggleKeys(false);
        return;
      }
      if (e.altKey && (e.key === 'r' || e.key === 'R')) {
        e.preventDefault();
        this.connection.retryNow();
        return;
      }
      if (e.altKey && !e.ctrlKey && (e.code === 'Comma' || e.code === 'Period' || e.key === ',' || e.key === '.')) {
        e.preventDefault();
        this.tabs.cycle(e.code === 'Comma' || e.key === ',' ? -1 : 1);
        return;
      }
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        this.commandLine.focus();
      }
    });
    // Buttons (all tabindex -1) never take the focus from the command line: pressing one
    // does not move it, so typing after a click on Join or a tab goes on in the line.
    this.gameScreen.addEventListener('mousedown', (e) => {
      if ((e.target as HTMLElement).closest('button')) e.preventDefault();
    });
    // A click that is not a text selection or a control returns focus to the command line
    // (not on touch screens, where that would pop the keyboard up while reading).
    const touch = window.matchMedia('(pointer: coarse)');
    this.gameScreen.addEventListener('mouseup', (e) => {
      if (touch.matches) return;
      const target = e.target as HTMLElement;
      if (target.closest('button, a, input, textarea, select')) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      this.commandLine.focus();
    });
    window.addEventListener('focus', () => {
      if (!this.gameScreen.hidden && input !== document.activeElement) this.commandLine.focus();
    });
  }

  /** On narrow screens the log fills what the top bar and the room bar leave of the screen. */
  private trackChrome(): void {
    const topbar = this.gameScreen.querySelector<HTMLElement>('.topbar');
    const roomPanel = byTestId('room-panel');
    const update = () => {
      this.gameScreen.style.setProperty('--topbar-h', `${topbar?.offsetHeight ?? 0}px`);
      this.gameScreen.style.setProperty('--roombar-h', `${roomPanel.offsetHeight}px`);
    };
    const observer = new ResizeObserver(update);
    if (topbar) observer.observe(topbar);
    observer.observe(roomPanel);
  }

  private setUnread(n: number): void {
    this.unread = n;
    document.title = n > 0 ? `(${n}) Hearth` : 'Hearth';
  }
}

function loadMap(name: string): WorldMap {
  try {
    return WorldMap.fromJSON(JSON.parse(window.localStorage.getItem(mapKey(name)) ?? 'null'));
  } catch {
    return new WorldMap();
  }
}

function saveMap(name: string | undefined, map: WorldMap): void {
  if (!name) return;
  try {
    window.localStorage.setItem(mapKey(name), JSON.stringify(map));
  } catch {
    // storage full or off: the map starts over next time
  }
}

function boot(): void {
  try {
    new App();
  } catch (e) {
    document.body.textContent = `Hearth could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
