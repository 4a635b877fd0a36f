// Turns events into log lines. Unknown event types are ignored, as the protocol asks.
import type { GameEvent, KnownEvent, Room } from '../protocol';
import { el, listNames } from './dom';
import type { GameLog } from './log';

function name(who: string, me: string): HTMLElement {
  const you = who.toLowerCase() === me.toLowerCase();
  return el('span', { class: you ? 'name me' : 'name' }, who || 'Someone');
}

export function renderRoom(log: GameLog, room: Room, me: string): void {
  const others = room.occupants.filter((n) => n.toLowerCase() !== me.toLowerCase());
  log.add(
    'room',
    el('span', { class: 'room-title' }, room.name),
    room.description ? el('span', { class: 'room-desc' }, room.description) : '',
    el(
      'span',
      { class: 'room-meta' },
      el('span', { class: 'label' }, 'Exits: '),
      room.exits.length ? room.exits.join(', ') : 'none',
    ),
    el(
      'span',
      { class: 'room-meta' },
      el('span', { class: 'label' }, 'Here: '),
      others.length ? `${listNames(others)}${others.length === 1 ? ' is' : ' are'} here with you.` : 'Nobody but you.',
    ),
  );
}

/** Returns false for events this client does not know (nothing is shown). */
export function renderEvent(log: GameLog, event: GameEvent, me: string): boolean {
  const e = event as KnownEvent;
  switch (e.type) {
    case 'room':
      renderRoom(log, e.room, me);
      return true;
    case 'said': {
      const mine = e.you === true || e.from.toLowerCase() === me.toLowerCase();
      if (mine) log.add('said-you', el('span', { class: 'name me' }, 'You'), ' say, ', el('q', { class: 'speech' }, e.text));
      else log.add('said', name(e.from, me), ' says, ', el('q', { class: 'speech' }, e.text));
      return true;
    }
    case 'arrived':
      log.add('arrived', el('span', { class: 'glyph' }, '→ '), name(e.who, me), ' comes in from the cold.');
      return true;
    case 'left':
      log.add('left', el('span', { class: 'glyph' }, '← '), name(e.who, me), ' heads out the door.');
      return true;
    case 'who':
      log.add(
        'who',
        el('span', { class: 'label' }, `Online (${e.players.length}): `),
        ...e.players.flatMap((p, i) => [i ? ', ' : '', name(p, me)]),
      );
      return true;
    case 'text':
      log.add('text', e.text);
      return true;
    case 'notice':
      log.add(e.level === 'warn' ? 'notice-warn' : 'notice', el('span', { class: 'glyph' }, e.level === 'warn' ? '⚠ ' : '✦ '), e.text);
      return true;
    default:
      return false;
  }
}
