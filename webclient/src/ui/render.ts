// Turns events into log lines. Unknown event types are ignored, as the protocol asks.
// Panel-state events (lobbies, leaderboard, channels, inventory, score) are logged only
// when they answer something the player typed; pushed updates just refresh the panels.
import type { GameEvent, ItemRef, KnownEvent, Match, Rank, Room } from '../protocol';
import { dirOf } from '../protocol';
import { el, listNames } from './dom';
import type { GameLog, LineKind } from './log';
import { ROOM } from './tabs';

export type Source = 'reply' | 'push';

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "lantern" -> "the lantern"; names that bring their own article or a capital stay. */
function the(item: ItemRef): string {
  return /^(a|an|the|some)\s/i.test(item.name) || /^[A-Z]/.test(item.name) ? item.name : `the ${item.name}`;
}

/** A stable hue for a channel name, so #ooc is always the same colour. */
export function channelHue(channel: string): number {
  let h = 0;
  for (const c of channel.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (h + 200) % 360;
}

export class EventRenderer {
  constructor(
    private readonly log: GameLog,
    private readonly me: () => string,
  ) {}

  /** A log line that starts with a dim label ("Online (3): ", "Your score: "). */
  private labelled(kind: LineKind, label: string, ...content: (Node | string)[]): void {
    this.log.add(kind, el('span', { class: 'label' }, label), ...content);
  }

  private name(who: string, npc = false): HTMLElement {
    const you = same(who, this.me());
    return el('span', { class: you ? 'name me' : npc ? 'name npc' : 'name' }, who || 'Someone');
  }

  /** A room card; `brief` leaves out the description (a room walked into before). */
  room(room: Room, brief = false): void {
    const me = this.me();
    const others = room.occupants.filter((n) => !same(n, me));
    const company = [...others, ...room.npcs];
    const line = this.log.addLine(
      { kind: 'room', channel: ROOM },
      el('span', { class: 'room-title' }, room.name),
      room.description && !brief ? el('span', { class: 'room-desc' }, room.description) : '',
      room.items.length
        ? el('span', { class: 'room-meta' }, el('span', { class: 'label' }, 'You see: '), listNames(room.items.map((i) => i.name)), '.')
        : '',
      el('span', { class: 'room-meta' }, el('span', { class: 'label' }, 'Exits: '), room.exits.length ? room.exits.map((e) => e.name).join(', ') : 'none'),
      el(
        'span',
        { class: 'room-meta' },
        el('span', { class: 'label' }, 'Here: '),
        company.length ? `${listNames(company)}${company.length === 1 ? ' is' : ' are'} here with you.` : 'Nobody but you.',
      ),
    );
    if (brief) line.classList.add('brief');
  }

  /** Returns false for events this client does not show (nothing is logged). */
  render(event: GameEvent, source: Source, brief = false): boolean {
    const e = event as KnownEvent;
    const me = this.me();
    const log = this.log;
    switch (e.type) {
      case 'room':
        this.room(e.room, brief);
        return true;
      case 'said': {
        const mine = e.you === true || same(e.from, me);
        if (mine) log.addLine({ kind: 'said-you', channel: ROOM }, el('span', { class: 'name me' }, 'You'), ' say, ', el('q', { class: 'speech' }, e.text));
        else log.addLine({ kind: 'said', channel: ROOM }, this.name(e.from), ' says, ', el('q', { class: 'speech' }, e.text));
        return true;
      }
      case 'emoted': {
        // The text may be the whole sentence ("Alice waves.") or what follows the name.
        const text = e.text.toLowerCase().startsWith(e.from.toLowerCase()) ? e.text.slice(e.from.length) : ` ${e.text}`;
        log.addLine({ kind: 'emoted', channel: ROOM }, el('span', { class: 'glyph' }, '✧ '), this.name(e.from), text);
        return true;
      }
      case 'told':
        if (e.you || same(e.from, me)) log.addLine({ kind: 'told-you' }, el('span', { class: 'glyph' }, '✉ '), 'You tell ', this.name(e.to), ', ', el('q', { class: 'speech' }, e.text));
        else log.addLine({ kind: 'told' }, el('span', { class: 'glyph' }, '✉ '), this.name(e.from), ' tells you, ', el('q', { class: 'speech' }, e.text));
        return true;
      case 'chat':
        this.chat(e.channel, e.from, e.text, e.at, false);
        return true;
      case 'channel_history': {
        const key = e.channel.toLowerCase();
        const fresh = e.lines.filter((l) => !this.log.has(key, `${l.from}\u0000${l.text}`, l.at));
        if (fresh.length) {
          log.addLine({ kind: 'system', channel: key }, `Recent talk on #${e.channel}:`);
          for (const line of fresh) this.chat(e.channel, line.from, line.text, line.at, true);
        }
        return true;
      }
      case 'arrived':
        log.addLine({ kind: 'arrived', channel: ROOM }, el('span', { class: 'glyph' }, '→ '), this.name(e.who, e.npc), e.via ? ' arrives.' : ' comes in from the cold.');
        return true;
      case 'left': {
        const how = !e.via ? ' heads out the door.' : dirOf(e.via) ? ` heads ${e.via}.` : ` leaves by the ${e.via}.`;
        log.addLine({ kind: 'left', channel: ROOM }, el('span', { class: 'glyph' }, '← '), this.name(e.who, e.npc), how);
        return true;
      }
      case 'item': {
        const mine = same(e.who, me);
        const who = mine ? el('span', { class: 'name me' }, 'You') : this.name(e.who);
        const verbs: Record<string, [string, string]> = {
          took: ['pick up', 'picks up'],
          dropped: ['drop', 'drops'],
          gave: ['give', 'gives'],
        };
        const [you, they] = verbs[e.action] ?? [e.action, e.action];
        const to = e.action === 'gave' && e.to ? [' to ', same(e.to, me) ? el('span', { class: 'name me' }, 'you') : this.name(e.to)] : [];
        log.addLine({ kind: 'item', channel: ROOM }, el('span', { class: 'glyph' }, '◆ '), who, ` ${mine ? you : they} `, el('span', { class: 'item-name' }, the(e.item)), ...to, '.');
        return true;
      }
      case 'inventory':
        if (source !== 'reply') return false;
        this.labelled('inventory', 'You carry: ', e.items.length ? listNames(e.items.map((i) => i.name)) : 'nothing at all.');
        return true;
      case 'who':
        this.labelled('who', `Online (${e.players.length}): `, ...e.players.flatMap((p, i) => [i ? ', ' : '', this.name(p)]));
        return true;
      case 'text': {
        const kind = e.style === 'error' ? 'error' : e.style === 'system' ? 'system' : e.style === 'help' ? 'help' : 'text';
        log.add(kind, e.text);
        return true;
      }
      case 'channels':
        if (source !== 'reply') return false;
        this.labelled(
          'system',
          'Channels: ',
          ...e.channels.flatMap((c, i) => [
            i ? ' · ' : '',
            el('span', { class: c.joined ? 'chan-tag' : 'chan-tag off', style: `--hue:${channelHue(c.name)}` }, `#${c.name}`),
            c.members !== null ? ` ${c.members}` : '',
            c.joined ? ' (joined)' : '',
          ]),
        );
        return true;
      case 'lobbies':
        if (source !== 'reply') return false;
        this.labelled(
          'system',
          'Lobbies: ',
          e.lobbies.length
            ? e.lobbies.map((l) => `${l.name} ${l.players.length}${l.max !== null ? `/${l.max}` : ''} (${l.state})`).join(' · ')
            : 'none open.',
        );
        return true;
      case 'leaderboard':
        if (source !== 'reply') return false;
        this.labelled('leaderboard', 'Top, all time: ', ranks(e.allTime));
        this.labelled('leaderboard', 'Top, last 24 h: ', ranks(e.last24h));
        return true;
      case 'score':
        if (source !== 'reply') return false;
        this.labelled('score', 'Your score: ', el('b', {}, String(e.score)));
        return true;
      case 'notice':
        log.add(e.level === 'warn' ? 'notice-warn' : 'notice', el('span', { class: 'glyph' }, e.level === 'warn' ? '⚠ ' : '✦ '), e.text);
        return true;
      default:
        return false;
    }
  }

  /** A line for a match that changed state (`before` is its previous state, null if new). */
  match(match: Match, before: string | null): void {
    if (before === match.state) return;
    const scores = match.scores.map((s) => `${s.name} ${s.kills}`).join(', ');
    if (match.state === 'starting') this.log.add('match', el('span', { class: 'glyph' }, '⚔ '), 'The match is about to start. Get ready to ', el('kbd', {}, 'shoot'), '!');
    // The server tells the story of the match in `text` lines; these add what the client offers.
    else if (match.state === 'playing') {
      this.log.add('match', el('span', { class: 'glyph' }, '⚔ '), 'Fire away: click a barrel, or type ', el('kbd', {}, `shoot ${match.standing?.[0] ?? '1'}`), '.');
    } else {
      const best = match.scores[0];
      const winner = best && best.kills > 0 && (match.scores.length === 1 || match.scores[1].kills < best.kills) ? best.name : null;
      this.log.add('match', el('span', { class: 'glyph' }, '⚑ '), winner ? `${same(winner, this.me()) ? 'You win' : `${winner} wins`}! ` : '', scores ? `Final scores: ${scores}.` : 'Match over.');
    }
  }

  private chat(channel: string, from: string, text: string, at: number | null, history: boolean): void {
    const key = channel.toLowerCase();
    const line = this.log.addLine(
      { kind: 'chat', channel: key, at, history },
      el('span', { class: 'chan-tag', style: `--hue:${channelHue(key)}` }, `#${key}`),
      ' ',
      this.name(from),
      ': ',
      el('span', { class: 'chat-text' }, text),
    );
    line.dataset.text = `${from}\u0000${text}`;
    if (at !== null) line.dataset.at = String(at);
  }
}

function ranks(rows: Rank[]): string {
  return rows.length ? rows.map((r, i) => `${i + 1}. ${r.name} ${r.kills}`).join(' · ') : 'nobody yet.';
}
