// Channel tabs over the log: All, Room, and one per chat channel the player is in.
// A tab not being shown counts the lines that land in it.
import { ALL, type GameLog } from './log';
import { clear, el } from './dom';

interface Tab {
  channel: string;
  label: string;
  unread: number;
  /** Fixed tabs (All, Room) are never removed. */
  fixed: boolean;
}

export const ROOM = 'room';

export class ChannelTabs {
  private tabs: Tab[] = [
    { channel: ALL, label: 'All', unread: 0, fixed: true },
    { channel: ROOM, label: 'Room', unread: 0, fixed: true },
  ];
  private selected = ALL;

  constructor(
    private readonly bar: HTMLElement,
    private readonly log: GameLog,
    private readonly changed: (channel: string) => void,
  ) {
    log.onHidden = (channel) => this.bump(channel);
    this.render();
  }

  get current(): string {
    return this.selected;
  }

  /** The chat channels that have a tab. */
  channels(): string[] {
    return this.tabs.filter((t) => !t.fixed).map((t) => t.channel);
  }

  /** Makes the tabs match the channels the player is in (a `channels` event). */
  setChannels(joined: string[]): void {
    const want = new Set(joined.map((c) => c.toLowerCase()));
    this.tabs = this.tabs.filter((t) => t.fixed || want.has(t.channel));
    for (const c of joined) this.ensure(c, false);
    if (!this.tabs.some((t) => t.channel === this.selected)) this.select(ALL);
    this.render();
  }

  /** A tab for this channel (chat arrived on it). */
  ensure(channel: string, render = true): void {
    const key = channel.toLowerCase();
    if (this.tabs.some((t) => t.channel === key)) return;
    this.tabs.push({ channel: key, label: `#${key}`, unread: 0, fixed: false });
    if (render) this.render();
  }

  select(channel: string): void {
    const tab = this.tabs.find((t) => t.channel === channel);
    if (!tab) return;
    this.selected = channel;
    tab.unread = 0;
    this.log.show(channel);
    this.render();
    this.changed(channel);
  }

  /** Moves to the next (1) or previous (-1) tab, wrapping. */
  cycle(step: 1 | -1): void {
    const i = this.tabs.findIndex((t) => t.channel === this.selected);
    const next = this.tabs[(i + step + this.tabs.length) % this.tabs.length];
    this.select(next.channel);
  }

  private bump(channel: string): void {
    const key = channel.toLowerCase();
    for (const tab of this.tabs) {
      if (tab.channel === key && key !== this.selected) tab.unread += 1;
    }
    this.render();
  }

  private render(): void {
    clear(this.bar);
    for (const tab of this.tabs) {
      const selected = tab.channel === this.selected;
      const button = el(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: `tab${tab.fixed ? '' : ' chan'}`,
          'data-testid': 'tab',
          'data-channel': tab.channel,
          'aria-selected': String(selected),
          tabindex: '-1',
          title: tab.fixed ? `${tab.label} (Alt+, / Alt+. to switch)` : `Chat on ${tab.channel}: chat ${tab.channel} <text>`,
        },
        tab.label,
        tab.unread > 0 ? el('span', { class: 'badge', 'data-testid': 'tab-unread' }, tab.unread > 99 ? '99+' : String(tab.unread)) : null,
      );
      button.addEventListener('click', () => this.select(tab.channel));
      this.bar.appendChild(button);
    }
  }
}
