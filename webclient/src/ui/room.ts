// The room panel: name, description, exits and who is here. Fed by `room` (full
// picture), `arrived` and `left` (changes).
import type { Room } from '../protocol';
import { byTestId, clear, el } from './dom';

export class RoomPanel {
  private occupants: string[] = [];
  private me = '';
  private readonly name = byTestId('room-name');
  private readonly description = byTestId('room-description');
  private readonly exits = byTestId('room-exits');
  private readonly people = byTestId('room-occupants');
  private readonly count = byTestId('room-count');

  constructor(
    private readonly panel: HTMLElement,
    private readonly pick: (name: string) => void,
  ) {
    byTestId('room-toggle', panel).addEventListener('click', () => {
      const open = panel.classList.toggle('expanded');
      byTestId('room-toggle', panel).setAttribute('aria-expanded', String(open));
    });
  }

  setMe(name: string): void {
    this.me = name;
    this.renderPeople();
  }

  show(room: Room): void {
    this.panel.dataset.room = room.id;
    this.panel.classList.remove('empty');
    this.name.textContent = room.name;
    this.description.textContent = room.description;
    clear(this.exits);
    if (room.exits.length === 0) {
      this.exits.appendChild(el('li', { class: 'none' }, 'none'));
    }
    for (const exit of room.exits) this.exits.appendChild(el('li', { class: 'exit', 'data-testid': 'room-exit' }, exit));
    this.occupants = [...room.occupants];
    this.renderPeople();
  }

  arrived(who: string): void {
    if (!who || this.has(who)) return;
    this.occupants.push(who);
    this.renderPeople(who);
  }

  left(who: string): void {
    const before = this.occupants.length;
    this.occupants = this.occupants.filter((n) => n.toLowerCase() !== who.toLowerCase());
    if (this.occupants.length !== before) this.renderPeople();
  }

  names(): string[] {
    return [...this.occupants];
  }

  reset(): void {
    this.panel.classList.add('empty');
    this.name.textContent = '…';
    this.description.textContent = '';
    clear(this.exits);
    this.occupants = [];
    this.renderPeople();
  }

  private has(who: string): boolean {
    return this.occupants.some((n) => n.toLowerCase() === who.toLowerCase());
  }

  private renderPeople(fresh?: string): void {
    clear(this.people);
    const sorted = [...this.occupants].sort((a, b) => {
      const ma = a.toLowerCase() === this.me.toLowerCase();
      const mb = b.toLowerCase() === this.me.toLowerCase();
      return ma === mb ? a.localeCompare(b) : ma ? -1 : 1;
    });
    for (const name of sorted) {
      const you = name.toLowerCase() === this.me.toLowerCase();
      const button = el(
        'button',
        { type: 'button', class: 'person', title: you ? 'That is you' : `Mention ${name}`, tabindex: '-1' },
        el('span', { class: 'avatar', 'aria-hidden': 'true' }, name.slice(0, 1).toUpperCase()),
        el('span', { class: 'who' }, name),
        you ? el('span', { class: 'you-tag' }, 'you') : null,
      );
      button.addEventListener('click', () => this.pick(name));
      const li = el('li', { 'data-testid': 'occupant', 'data-name': name, class: you ? 'is-me' : name === fresh ? 'fresh' : undefined }, button);
      this.people.appendChild(li);
    }
    this.count.textContent = String(this.occupants.length);
  }
}
