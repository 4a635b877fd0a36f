// Hearth's browser client: wires the login screen, the connection and the game screen.
import * as api from './api';
import { CommandError, Connection, type ConnectionState } from './connection';
import type { GameEvent, HelloOk } from './protocol';
import { clearSession, loadSession, saveSession, sessionFromLogin, type StoredSession } from './session-store';
import { CommandLine } from './ui/commandline';
import { byTestId, el } from './ui/dom';
import { GameLog } from './ui/log';
import { LoginScreen } from './ui/login';
import { renderEvent } from './ui/render';
import { RoomPanel } from './ui/room';
import { StatusBadge } from './ui/status';

/**
 * The speaker's own words come back in the command's reply. Today the server pushes
 * them only to the speaker's *other* sessions, but if a copy were also pushed to this
 * session, show it once: an own `said` seen from one source is dropped when the other
 * source brings the same text within a few seconds.
 */
class OwnSpeech {
  private readonly seen: { text: string; source: 'reply' | 'push'; at: number }[] = [];

  fresh(event: GameEvent, source: 'reply' | 'push'): boolean {
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

class App {
  private session: StoredSession | null = loadSession();
  private readonly gameScreen = byTestId('game-screen');
  private readonly log = new GameLog(byTestId('log'), byTestId<HTMLButtonElement>('log-jump'));
  private readonly room = new RoomPanel(byTestId('room-panel'), (name) => this.commandLine.insert(name));
  private readonly status = new StatusBadge(byTestId('connection-status'), byTestId('connection-label'), () => this.connection.retryNow());
  private readonly commandLine: CommandLine;
  private readonly login: LoginScreen;
  private readonly connection: Connection;
  private readonly dedupe = new OwnSpeech();
  private lastState: ConnectionState['kind'] = 'offline';
  private lastMotd = '';
  private unread = 0;

  constructor() {
    this.commandLine = new CommandLine(byTestId<HTMLFormElement>('command-form'), byTestId<HTMLInputElement>('command-input'), {
      submit: (line) => this.submit(line),
      page: (d) => this.log.page(d),
      names: () => this.room.names(),
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
      welcome: (hello, resumed) => this.onWelcome(hello, resumed),
      event: (e) => this.onEvent(e, 'push'),
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
    this.keepFocus();
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.setUnread(0);
    });
    // A hook for tests and the curious: window.hearth.drop() simulates a network drop.
    (window as unknown as { hearth: unknown }).hearth = {
      drop: () => this.connection.drop(),
      state: () => this.connection.current.kind,
    };

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
  }

  private signOut(message: { text: string; kind: 'error' | 'info' }): void {
    const name = this.session?.name;
    this.connection.stop('signed out');
    this.session = null;
    clearSession();
    this.gameScreen.hidden = true;
    this.login.show(message, name);
  }

  private onState(state: ConnectionState): void {
    this.status.show(state);
    const was = this.lastState;
    this.lastState = state.kind;
    this.gameScreen.dataset.connection = state.kind;
    if (state.kind === 'online') this.commandLine.setPlaceholder('What do you do?');
    else if (state.kind === 'reconnecting' || state.kind === 'offline') this.commandLine.setPlaceholder('Not connected — reconnecting…');
    else this.commandLine.setPlaceholder('Connecting…');
    if (was === 'online' && state.kind !== 'online' && !this.gameScreen.hidden && state.kind !== 'offline') {
      const why = state.kind === 'reconnecting' && state.reason !== 'connection lost' ? ` (${state.reason})` : '';
      this.log.add('system', el('span', { class: 'glyph' }, '⚡ '), `Connection lost${why}. Reconnecting by itself…`);
    } else if (state.kind === 'offline' && state.reason === 'no network' && was !== 'offline') {
      this.log.add('system', el('span', { class: 'glyph' }, '⚡ '), 'The network is gone. Waiting for it to come back…');
    }
  }

  private onWelcome(hello: HelloOk, resumed: boolean): void {
    const name = hello.player?.name || this.session?.name || '';
    if (this.session && name && name !== this.session.name) {
      this.session = { ...this.session, name };
      saveSession(this.session);
      this.showName(name);
    }
    const motd = typeof hello.motd === 'string' ? hello.motd.trim() : '';
    const hint = !resumed && !/\bhelp\b/i.test(motd);
    this.log.add(
      'system',
      el('span', { class: 'glyph' }, '✓ '),
      resumed ? 'Reconnected.' : `Connected as ${name}.`,
      hint ? ' Type ' : '',
      hint ? el('kbd', {}, 'help') : '',
      hint ? ' to see what you can do.' : '',
    );
    if (motd && motd !== this.lastMotd) {
      this.log.add('motd', el('span', { class: 'motd', 'data-testid': 'motd' }, motd));
      this.lastMotd = motd;
    }
  }

  private onEvent(event: GameEvent, source: 'reply' | 'push'): void {
    if (!this.dedupe.fresh(event, source)) return;
    const me = this.session?.name ?? '';
    switch (event.type) {
      case 'room':
        if ('room' in event && typeof event.room === 'object' && event.room) this.room.show(event.room as never);
        break;
      case 'arrived':
        this.room.arrived(String((event as { who?: unknown }).who ?? ''));
        break;
      case 'left':
        this.room.left(String((event as { who?: unknown }).who ?? ''));
        break;
    }
    if (renderEvent(this.log, event, me) && document.hidden && source === 'push') this.setUnread(this.unread + 1);
  }

  /** Returns false when the line was not sent (the command line keeps it). */
  private submit(line: string): boolean {
    const trimmed = line.trim();
    if (trimmed === '/clear') {
      this.log.clear();
      return true;
    }
    if (!this.connection.online) {
      this.log.add('error', 'Not connected yet — your command was kept; press Enter again once online.');
      return false;
    }
    this.log.add('echo', el('span', { class: 'glyph' }, '› '), line);
    this.connection.command(line).then(
      (reply) => {
        if (reply.ok) {
          for (const e of reply.events) this.onEvent(e, 'reply');
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

  private keepFocus(): void {
    const input = byTestId<HTMLInputElement>('command-input');
    // Typing anywhere on the game screen goes to the command line.
    document.addEventListener('keydown', (e) => {
      if (this.gameScreen.hidden) return;
      if (e.altKey && (e.key === 'r' || e.key === 'R')) {
        e.preventDefault();
        this.connection.retryNow();
        return;
      }
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        this.commandLine.focus();
      }
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

  private setUnread(n: number): void {
    this.unread = n;
    document.title = n > 0 ? `(${n}) Hearth` : 'Hearth';
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
