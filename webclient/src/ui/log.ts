// The scrolling game log: timestamped, coloured lines; sticks to the bottom unless the
// player scrolled up to read, in which case a "new lines" button appears. Lines belong
// to a channel ('room', a chat channel, or none: shown everywhere); the log shows one
// channel at a time, or all of them.
import { append, clear, el } from './dom';

export type LineKind =
  | 'said'
  | 'said-you'
  | 'emoted'
  | 'told'
  | 'told-you'
  | 'chat'
  | 'arrived'
  | 'left'
  | 'item'
  | 'inventory'
  | 'room'
  | 'who'
  | 'text'
  | 'help'
  | 'match'
  | 'score'
  | 'leaderboard'
  | 'notice'
  | 'notice-warn'
  | 'system'
  | 'error'
  | 'echo'
  | 'gap'
  | 'motd';

export interface LineOptions {
  kind: LineKind;
  /** 'room', a channel name, or undefined for lines every tab shows. */
  channel?: string;
  /** When it happened (epoch ms), if not now. */
  at?: number | null;
  /** Replayed history: shown dimmer. */
  history?: boolean;
}

/** The filter that shows every line. */
export const ALL = '*';

const MAX_LINES = 1500;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export class GameLog {
  private stick = true;
  private unseen = 0;
  private filter = ALL;
  /** Told when a line lands in a channel that is not being shown. */
  onHidden: (channel: string) => void = () => {};

  constructor(
    private readonly box: HTMLElement,
    private readonly jump: HTMLButtonElement,
  ) {
    box.addEventListener('scroll', () => {
      this.stick = this.atBottom();
      if (this.stick) this.setUnseen(0);
    });
    jump.addEventListener('click', () => this.scrollToEnd());
    // Keep the view pinned when the layout changes size (phone keyboard, rotation).
    new ResizeObserver(() => {
      if (this.stick) this.box.scrollTop = this.box.scrollHeight;
    }).observe(box);
  }

  add(kind: LineKind, ...content: (Node | string)[]): HTMLElement {
    return this.addLine({ kind }, ...content);
  }

  addLine(options: LineOptions, ...content: (Node | string)[]): HTMLElement {
    const when = new Date(options.at ?? Date.now());
    const sameDay = when.toDateString() === new Date().toDateString();
    const time = el(
      'time',
      { class: 'ts', datetime: when.toISOString(), title: when.toLocaleString() },
      sameDay ? `${two(when.getHours())}:${two(when.getMinutes())}` : `${when.getMonth() + 1}/${when.getDate()}`,
      el('span', { class: 'sec' }, sameDay ? `:${two(when.getSeconds())}` : ` ${two(when.getHours())}h`),
    );
    const body = el('span', { class: 'body' });
    append(body, ...content);
    const line = el(
      'div',
      {
        class: `line k-${options.kind}${options.history ? ' history' : ''}`,
        'data-kind': options.kind,
        'data-channel': options.channel,
      },
      time,
      body,
    );
    const shown = this.shows(options.channel);
    line.hidden = !shown;
    const follow = this.stick || this.atBottom();
    this.box.appendChild(line);
    while (this.box.childElementCount > MAX_LINES) this.box.firstElementChild?.remove();
    if (!shown) {
      if (options.channel) this.onHidden(options.channel);
    } else if (follow) {
      this.box.scrollTop = this.box.scrollHeight;
    } else {
      this.setUnseen(this.unseen + 1);
    }
    return line;
  }

  /** Shows one channel's lines (and the ones every channel shows), or ALL. */
  show(channel: string): void {
    this.filter = channel;
    for (const line of Array.from(this.box.children) as HTMLElement[]) {
      line.hidden = !this.shows(line.dataset.channel);
    }
    this.scrollToEnd();
  }

  /** Whether a line like this one, with this text, is already in the log (history replays). */
  has(channel: string, text: string, at: number | null): boolean {
    for (const line of Array.from(this.box.querySelectorAll<HTMLElement>(`.line[data-channel="${CSS.escape(channel)}"]`)).slice(-200)) {
      if (line.dataset.text === text && (at === null || line.dataset.at === String(at))) return true;
    }
    return false;
  }

  clear(): void {
    clear(this.box);
    this.setUnseen(0);
  }

  scrollToEnd(): void {
    this.box.scrollTop = this.box.scrollHeight;
    this.stick = true;
    this.setUnseen(0);
  }

  page(direction: 1 | -1): void {
    this.box.scrollBy({ top: direction * this.box.clientHeight * 0.85 });
  }

  private shows(channel: string | undefined): boolean {
    return this.filter === ALL || !channel || channel === this.filter;
  }

  private atBottom(): boolean {
    return this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight < 24;
  }

  private setUnseen(n: number): void {
    this.unseen = n;
    this.jump.hidden = n === 0;
    this.jump.textContent = n === 1 ? '1 new line ↓' : `${n} new lines ↓`;
  }
}
