// The room panel: name, description, exits (buttons that walk), who is here (players and
// non-player characters), what lies on the floor, and what you carry. Fed by `room` (the
// full picture), `arrived`/`left`/`item` (changes) and `inventory`.
import type { Dir, Exit, ItemRef, Room } from '../protocol';
import { byTestId, clear, el } from './dom';

export interface RoomHooks {
  /** Take an exit. */
  go(exit: Exit): void;
  /** Put a name at the caret in the command line (mention someone). */
  insert(text: string): void;
  /** Replace the command line with a command to confirm with Enter ("get lantern"). */
  fill(line: string): void;
  /** Send a command at once ("shoot 3": a barrel clicked in a match). */
  send(line: string): void;
}

export const DIR_GLYPH: Record<Dir, string> = { n: '↑', s: '↓', e: '→', w: '←', u: '⤒', d: '⤓' };
const DIR_ORDER: Record<Dir, number> = { n: 0, w: 1, e: 2, s: 3, u: 4, d: 5 };

/** Player names follow the account rule; anything else that arrives is a non-player character. */
const PLAYER_NAME = /^[A-Za-z][A-Za-z0-9_]{2,19}$/;

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class RoomPanel {
  private room: Room | null = null;
  private occupants: string[] = [];
  private npcs: string[] = [];
  private floor: ItemRef[] = [];
  private carried: ItemRef[] = [];
  /** The room of the match the player is in (its floor holds the barrels), if any. */
  private rangeId: string | null = null;
  private me = '';
  private readonly name = byTestId('room-name');
  private readonly description = byTestId('room-description');
  private readonly exits = byTestId('room-exits');
  private readonly people = byTestId('room-occupants');
  private readonly count = byTestId('room-count');
  private readonly itemList = byTestId('room-items');
  private readonly inventoryList = byTestId('inventory');

  constructor(
    private readonly panel: HTMLElement,
    private readonly hooks: RoomHooks,
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
    this.room = room;
    this.panel.dataset.room = room.id;
    this.panel.classList.remove('empty');
    this.name.textContent = room.name;
    this.description.textContent = room.description;
    this.occupants = [...room.occupants];
    this.npcs = [...room.npcs];
    this.floor = [...room.items];
    this.renderExits();
    this.renderPeople();
    this.renderItems();
  }

  arrived(who: string, npc: boolean): void {
    if (!who || this.has(who)) return;
    if (npc || !PLAYER_NAME.test(who)) this.npcs.push(who);
    else this.occupants.push(who);
    this.renderPeople(who);
  }

  left(who: string): void {
    const before = this.occupants.length + this.npcs.length;
    this.occupants = this.occupants.filter((n) => !same(n, who));
    this.npcs = this.npcs.filter((n) => !same(n, who));
    if (this.occupants.length + this.npcs.length !== before) this.renderPeople();
  }

  /** An item changed hands in this room (`item` event). */
  item(action: string, who: string, item: ItemRef, to: string | null): void {
    const mine = same(who, this.me);
    if (action === 'took') {
      this.floor = this.floor.filter((i) => i.id !== item.id);
      if (mine) this.carry([...this.carried.filter((i) => i.id !== item.id), item]);
    } else if (action === 'dropped') {
      if (!this.floor.some((i) => i.id === item.id)) this.floor = [...this.floor, item];
      if (mine) this.carry(this.carried.filter((i) => i.id !== item.id));
    } else if (action === 'gave') {
      if (mine) this.carry(this.carried.filter((i) => i.id !== item.id));
      else if (to && same(to, this.me)) this.carry([...this.carried.filter((i) => i.id !== item.id), item]);
    }
    this.renderItems();
  }

  /** News of a match: in its room the floor is the barrels still standing, and a click on one shoots it. */
  range(roomId: string, standing: string[] | null): void {
    this.rangeId = roomId;
    if (this.room?.id !== roomId) return;
    if (standing) this.floor = this.floor.filter((i) => standing.includes(i.id));
    this.renderItems();
  }

  carry(items: ItemRef[]): void {
    this.carried = [...items];
    this.renderInventory();
  }

  current(): Room | null {
    return this.room;
  }

  names(): string[] {
    return [...this.occupants];
  }

  npcNames(): string[] {
    return [...this.npcs];
  }

  floorItems(): ItemRef[] {
    return [...this.floor];
  }

  inventory(): ItemRef[] {
    return [...this.carried];
  }

  exitList(): Exit[] {
    return this.room ? [...this.room.exits] : [];
  }

  reset(): void {
    this.room = null;
    this.panel.classList.add('empty');
    delete this.panel.dataset.room;
    this.name.textContent = '…';
    this.description.textContent = '';
    clear(this.exits);
    this.occupants = [];
    this.npcs = [];
    this.floor = [];
    this.carried = [];
    this.renderPeople();
    this.renderItems();
    this.renderInventory();
  }

  private has(who: string): boolean {
    return [...this.occupants, ...this.npcs].some((n) => same(n, who));
  }

  private renderExits(): void {
    clear(this.exits);
    const exits = [...(this.room?.exits ?? [])].sort((a, b) => (a.dir ? DIR_ORDER[a.dir] : 9) - (b.dir ? DIR_ORDER[b.dir] : 9));
    if (exits.length === 0) this.exits.appendChild(el('li', { class: 'none' }, 'no exits'));
    for (const exit of exits) {
      const button = el(
        'button',
        { type: 'button', class: 'exit', 'data-testid': 'room-exit', 'data-exit': exit.name, 'data-dir': exit.dir ?? undefined, 'data-to': exit.to ?? undefined, tabindex: '-1', title: `go ${exit.name}` },
        exit.dir ? el('span', { class: 'dir', 'aria-hidden': 'true' }, DIR_GLYPH[exit.dir]) : null,
        exit.name,
      );
      button.addEventListener('click', () => this.hooks.go(exit));
      this.exits.appendChild(el('li', {}, button));
    }
  }

  private renderPeople(fresh?: string): void {
    clear(this.people);
    const sorted = [...this.occupants].sort((a, b) => {
      const ma = same(a, this.me);
      const mb = same(b, this.me);
      return ma === mb ? a.localeCompare(b) : ma ? -1 : 1;
    });
    for (const name of sorted) {
      const you = same(name, this.me);
      this.people.appendChild(this.person(name, you ? 'is-me' : name === fresh ? 'fresh' : undefined, 'occupant', you ? 'you' : null));
    }
    for (const name of this.npcs) this.people.appendChild(this.person(name, name === fresh ? 'npc fresh' : 'npc', 'npc', null));
    this.count.textContent = String(this.occupants.length + this.npcs.length);
  }

  private person(name: string, cls: string | undefined, testId: string, tag: string | null): HTMLElement {
    const npc = testId === 'npc';
    const button = el(
      'button',
      { type: 'button', class: 'person', title: tag === 'you' ? 'That is you' : `Mention ${name}`, tabindex: '-1' },
      el('span', { class: 'avatar', 'aria-hidden': 'true' }, npc ? '✦' : name.slice(0, 1).toUpperCase()),
      el('span', { class: 'who' }, name),
      tag ? el('span', { class: 'you-tag' }, tag) : npc ? el('span', { class: 'npc-tag' }, 'npc') : null,
    );
    button.addEventListener('click', () => this.hooks.insert(name));
    return el('li', { 'data-testid': testId, 'data-name': name, class: cls }, button);
  }

  private renderItems(): void {
    // In a match's range the things on the floor are its barrels: a click shoots one.
    if (this.room !== null && this.room.id === this.rangeId) {
      this.renderList(this.itemList, this.floor, 'room-item', 'Every barrel is down.', (i) => `shoot ${i.id}`, true);
    } else {
      this.renderList(this.itemList, this.floor, 'room-item', 'Nothing on the ground.', (i) => `get ${i.name}`);
    }
  }

  private renderInventory(): void {
    this.renderList(this.inventoryList, this.carried, 'inventory-item', 'Empty hands.', (i) => `drop ${i.name}`);
  }

  /** `now`: a click sends the command; otherwise it is put in the command line to confirm with Enter. */
  private renderList(list: HTMLElement, items: ItemRef[], testId: string, empty: string, verb: (i: ItemRef) => string, now = false): void {
    clear(list);
    if (items.length === 0) list.appendChild(el('li', { class: 'none' }, empty));
    for (const item of items) {
      const button = el('button', { type: 'button', class: now ? 'thing target' : 'thing', tabindex: '-1', title: verb(item) }, el('span', { class: 'gem', 'aria-hidden': 'true' }), item.name);
      button.addEventListener('click', () => (now ? this.hooks.send(verb(item)) : this.hooks.fill(verb(item))));
      list.appendChild(el('li', { 'data-testid': testId, 'data-id': item.id, 'data-name': item.name }, button));
    }
  }
}
