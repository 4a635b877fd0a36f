// The scrolling game log: timestamped, coloured lines; sticks to the bottom unless the
// player scrolled up to read, in which case a "new lines" button appears.
import { append, clear, el } from './dom';

export type LineKind =
  | 'said'
  | 'said-you'
  | 'arrived'
  | 'left'
  | 'room'
  | 'who'
  | 'text'
  | 'notice'
  | 'notice-warn'
  | 'system'
  | 'error'
  | 'echo'
  | 'gap'
  | 'motd';

const MAX_LINES = 1500;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export class GameLog {
  private stick = true;
  private unseen = 0;

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
    const now = new Date();
    const time = el(
      'time',
      { class: 'ts', datetime: now.toISOString(), title: now.toLocaleString() },
      `${two(now.getHours())}:${two(now.getMinutes())}`,
      el('span', { class: 'sec' }, `:${two(now.getSeconds())}`),
    );
    const body = el('span', { class: 'body' });
    append(body, ...content);
    const line = el('div', { class: `line k-${kind}`, 'data-kind': kind }, time, body);
    const follow = this.stick || this.atBottom();
    this.box.appendChild(line);
    while (this.box.childElementCount > MAX_LINES) this.box.firstElementChild?.remove();
    if (follow) {
      this.box.scrollTop = this.box.scrollHeight;
    } else {
      this.setUnseen(this.unseen + 1);
    }
    return line;
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

  private atBottom(): boolean {
    return this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight < 24;
  }

  private setUnseen(n: number): void {
    this.unseen = n;
    this.jump.hidden = n === 0;
    this.jump.textContent = n === 1 ? '1 new line ↓' : `${n} new lines ↓`;
  }
}
