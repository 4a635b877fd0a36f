// The game panels: the live lobby list (join buttons), the leaderboard (all time and
// the last 24 hours), the match banner over the log, and the score in the top bar.
import type { Lobby, Match, Rank } from '../protocol';
import { minutes, type ServerClock } from '../model/clock';
import { clear, el } from './dom';

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Repaints every quarter second while something counts down, and stops when nothing does. */
class Ticker {
  private timer = 0;

  run(active: boolean, tick: () => void): void {
    window.clearInterval(this.timer);
    this.timer = 0;
    tick();
    if (active) this.timer = window.setInterval(tick, 250);
  }
}

export class LobbyPanel {
  private lobbies: Lobby[] = [];
  private me = '';
  private readonly ticker = new Ticker();

  constructor(
    private readonly list: HTMLElement,
    private readonly count: HTMLElement,
    private readonly clock: ServerClock,
    private readonly send: (line: string) => void,
  ) {
    this.render();
  }

  setMe(name: string): void {
    this.me = name;
  }

  show(lobbies: Lobby[]): void {
    this.lobbies = [...lobbies].sort((a, b) => a.name.localeCompare(b.name));
    this.ticker.run(this.lobbies.some((l) => l.state === 'countdown' && l.startsAt !== null), () => this.render());
  }

  names(): string[] {
    return this.lobbies.map((l) => l.name);
  }

  /** The lobby the player is in, if any. */
  mine(): Lobby | undefined {
    return this.lobbies.find((l) => l.players.some((p) => same(p, this.me)));
  }

  private render(): void {
    clear(this.list);
    const open = this.lobbies.reduce((n, l) => n + l.players.length, 0);
    this.count.textContent = this.lobbies.length ? `${open} player${open === 1 ? '' : 's'}` : '';
    if (this.lobbies.length === 0) {
      this.list.appendChild(el('li', { class: 'empty-note' }, 'No lobbies listed yet. Type ', el('kbd', {}, 'lobbies'), ' to look.'));
      return;
    }
    const mine = this.mine();
    for (const lobby of this.lobbies) {
      const inIt = lobby === mine;
      const full = lobby.max !== null && lobby.players.length >= lobby.max;
      let status: string = lobby.state;
      if (lobby.state === 'countdown') status = lobby.startsAt !== null ? `starts in ${this.clock.secondsUntil(lobby.startsAt)}s` : 'starting soon';
      if (lobby.state === 'playing') status = 'in play';
      const action = inIt
        ? el('button', { type: 'button', class: 'small leave', 'data-testid': 'lobby-leave', tabindex: '-1', title: 'leave' }, 'Leave')
        : el(
            'button',
            { type: 'button', class: 'small join', 'data-testid': 'lobby-join', tabindex: '-1', title: `join ${lobby.name}`, disabled: full || lobby.state === 'playing' || Boolean(mine) },
            full ? 'Full' : 'Join',
          );
      action.addEventListener('click', () => this.send(inIt ? 'leave' : `join ${lobby.name}`));
      const seats = lobby.max !== null ? `${lobby.players.length}/${lobby.max}` : String(lobby.players.length);
      this.list.appendChild(el(
        'li',
        { class: `lobby s-${lobby.state}${inIt ? ' mine' : ''}`, 'data-testid': 'lobby', 'data-name': lobby.name, 'data-state': lobby.state, 'data-players': String(lobby.players.length) },
        el('div', { class: 'lobby-main' },
          el('span', { class: 'lobby-name', title: lobby.name }, lobby.name),
          el('span', { class: 'lobby-seats', title: 'players' }, seats),
        ),
        el('div', { class: 'lobby-players' },
          el('span', { class: 'lobby-state' }, status),
          el('span', { class: 'lobby-who' }, lobby.players.length ? lobby.players.join(', ') : 'nobody yet'),
        ),
        action,
      ));
    }
  }
}

export class LeaderboardPanel {
  private allTime: Rank[] = [];
  private last24h: Rank[] = [];
  private period: 'all' | 'day' = 'all';
  private me = '';

  constructor(
    private readonly list: HTMLElement,
    private readonly toggles: HTMLElement[],
  ) {
    for (const button of toggles) {
      button.addEventListener('click', () => this.setPeriod(button.dataset.period === 'day' ? 'day' : 'all'));
    }
    this.render();
  }

  setMe(name: string): void {
    this.me = name;
    this.render();
  }

  show(allTime: Rank[], last24h: Rank[]): void {
    this.allTime = allTime;
    this.last24h = last24h;
    this.render();
  }

  setPeriod(period: 'all' | 'day'): void {
    this.period = period;
    this.render();
  }

  private render(): void {
    for (const b of this.toggles) b.setAttribute('aria-pressed', String((b.dataset.period === 'day') === (this.period === 'day')));
    clear(this.list);
    this.list.dataset.period = this.period;
    const rows = this.period === 'day' ? this.last24h : this.allTime;
    if (rows.length === 0) {
      this.list.appendChild(el('li', { class: 'empty-note' }, this.period === 'day' ? 'No matches in the last 24 hours.' : 'No scores yet. Join a lobby and shoot some barrels.'));
      return;
    }
    rows.forEach((row, i) => {
      const you = same(row.name, this.me);
      this.list.appendChild(el(
        'li',
        { class: `rank r${i + 1}${you ? ' me' : ''}`, 'data-testid': 'leaderboard-row', 'data-name': row.name, 'data-kills': String(row.kills) },
        el('span', { class: 'place' }, String(i + 1)),
        el('span', { class: 'who' }, row.name),
        el('span', { class: 'kills', title: 'barrels' }, String(row.kills)),
      ));
    });
  }
}

export class MatchBanner {
  private match: Match | null = null;
  /** The room the player was put back in after the match ended. */
  private backIn: string | null = null;
  private me = '';
  private readonly ticker = new Ticker();

  constructor(
    private readonly banner: HTMLElement,
    private readonly clock: ServerClock,
    private readonly send: (line: string) => void,
  ) {
    banner.hidden = true;
  }

  setMe(name: string): void {
    this.me = name;
  }

  /** Shows a match; returns the previous state of this match (null if it is new). */
  show(match: Match): string | null {
    const before = this.match && this.match.id === match.id ? this.match.state : null;
    if (before === null) this.backIn = null;
    this.match = match;
    this.ticker.run(match.state !== 'ended' && match.endsAt !== null, () => this.render());
    return before;
  }

  /**
   * A room came. An ended match's result stays over the log in the room the player is put
   * back in, and goes once they walk on from there (or close it).
   */
  entered(roomId: string): void {
    if (!this.match || this.match.state !== 'ended' || roomId === this.match.room) return;
    if (this.backIn === null) this.backIn = roomId;
    else if (roomId !== this.backIn) this.hide();
  }

  hide(): void {
    this.match = null;
    this.backIn = null;
    this.ticker.run(false, () => {});
    this.banner.hidden = true;
  }

  private render(): void {
    const m = this.match;
    if (!m) return;
    this.banner.hidden = false;
    this.banner.dataset.state = m.state;
    clear(this.banner);
    const title = m.state === 'starting' ? 'Match starting' : m.state === 'ended' ? 'Match over' : 'Barrel match';
    const parts: (Node | string)[] = [el('span', { class: 'match-title' }, title)];
    if (m.barrels !== null && m.state !== 'ended') parts.push(el('span', { class: 'match-stat', 'data-testid': 'match-barrels' }, `${m.barrels} barrel${m.barrels === 1 ? '' : 's'} left`));
    if (m.endsAt !== null && m.state !== 'ended') parts.push(el('span', { class: 'match-stat clock' }, `◷ ${minutes(this.clock.secondsUntil(m.endsAt))}`));
    // The barrels standing, as targets: a click shoots one (on a phone the room's list is folded away).
    if (m.state === 'playing' && m.standing?.length) {
      const targets = el('span', { class: 'match-targets', 'aria-label': 'Barrels standing' });
      for (const id of m.standing) {
        const button = el('button', { type: 'button', class: 'target', 'data-testid': 'match-target', 'data-barrel': id, tabindex: '-1', title: `shoot ${id}` }, id);
        button.addEventListener('click', () => this.send(`shoot ${id}`));
        targets.appendChild(button);
      }
      parts.push(targets);
    }
    const scores = el('span', { class: 'match-scores' });
    for (const s of m.scores) {
      scores.appendChild(el('span', { class: `score-chip${same(s.name, this.me) ? ' me' : ''}`, 'data-name': s.name }, `${s.name} `, el('b', {}, String(s.kills))));
    }
    parts.push(scores);
    if (m.state === 'ended') {
      const close = el('button', { type: 'button', class: 'match-close', tabindex: '-1', title: 'Hide' }, '×');
      close.addEventListener('click', () => this.hide());
      parts.push(close);
    }
    for (const p of parts) this.banner.appendChild(typeof p === 'string' ? document.createTextNode(p) : p);
  }
}

export class ScoreBadge {
  constructor(private readonly badge: HTMLElement) {
    badge.hidden = true;
  }

  show(score: number): void {
    const value = this.badge.querySelector('[data-testid="score"]') ?? this.badge;
    const before = value.textContent;
    value.textContent = String(score);
    this.badge.hidden = false;
    if (before !== String(score) && before !== '') {
      this.badge.classList.remove('bump');
      void this.badge.offsetWidth; // restart the animation
      this.badge.classList.add('bump');
    }
  }

  reset(): void {
    this.badge.hidden = true;
  }
}
