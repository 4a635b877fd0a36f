// The command line: keeps focus, Enter sends, Up/Down walk the history, Tab completes
// command words and the names of people in the room, PageUp/PageDown scroll the log.

const HISTORY_KEY = 'hearth.history';
const HISTORY_MAX = 200;
const COMMAND_WORDS = ['look', 'say', 'who', 'help'];

export interface CommandLineHooks {
  submit(line: string): boolean;
  page(direction: 1 | -1): void;
  names(): string[];
}

export class CommandLine {
  private history: string[] = [];
  /** Index into history while browsing; history.length means "the draft". */
  private cursor = 0;
  private draft = '';
  private completion: { stem: string; start: number; options: string[]; index: number } | null = null;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly hooks: CommandLineHooks,
  ) {
    this.history = loadHistory();
    this.cursor = this.history.length;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('input', () => {
      this.completion = null;
    });
  }

  focus(): void {
    if (document.activeElement !== this.input) this.input.focus({ preventScroll: true });
  }

  /** Puts text at the caret (clicking a name in the room). */
  insert(text: string): void {
    const { selectionStart: s, selectionEnd: e, value } = this.input;
    const start = s ?? value.length;
    const end = e ?? value.length;
    const before = value.slice(0, start);
    const pad = before && !before.endsWith(' ') ? ' ' : '';
    this.input.value = `${before}${pad}${text} ${value.slice(end)}`;
    const caret = before.length + pad.length + text.length + 1;
    this.input.setSelectionRange(caret, caret);
    this.focus();
  }

  setPlaceholder(text: string): void {
    this.input.placeholder = text;
  }

  private send(): void {
    const line = this.input.value.replace(/\s+$/, '');
    if (!line.trim()) return;
    if (!this.hooks.submit(line)) return; // not sent: keep the text so the player can retry
    if (this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
      saveHistory(this.history);
    }
    this.cursor = this.history.length;
    this.draft = '';
    this.input.value = '';
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.browse(-1);
    } else if (e.key === 'ArrowDown' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.browse(1);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      this.hooks.page(-1);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      this.hooks.page(1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.input.value = '';
      this.cursor = this.history.length;
      this.completion = null;
    } else if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && this.input.value) {
      e.preventDefault();
      this.complete();
    }
  }

  private browse(step: 1 | -1): void {
    if (this.history.length === 0) return;
    if (this.cursor === this.history.length) this.draft = this.input.value;
    const next = Math.min(this.history.length, Math.max(0, this.cursor + step));
    if (next === this.cursor) return;
    this.cursor = next;
    this.input.value = next === this.history.length ? this.draft : this.history[next];
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  private complete(): void {
    const value = this.input.value;
    const caret = this.input.selectionStart ?? value.length;
    if (!this.completion) {
      const start = value.lastIndexOf(' ', caret - 1) + 1;
      const stem = value.slice(start, caret);
      if (!stem) return;
      const pool = start === 0 ? [...COMMAND_WORDS, ...this.hooks.names()] : this.hooks.names();
      const options = pool.filter((w) => w.toLowerCase().startsWith(stem.toLowerCase()));
      if (options.length === 0) return;
      this.completion = { stem, start, options, index: -1 };
    }
    const c = this.completion;
    c.index = (c.index + 1) % c.options.length;
    const word = c.options[c.index];
    const rest = value.slice(caret).replace(/^\S*/, '');
    this.input.value = `${value.slice(0, c.start)}${word} ${rest.replace(/^ /, '')}`;
    const end = c.start + word.length + 1;
    this.input.setSelectionRange(end, end);
  }
}

function loadHistory(): string[] {
  try {
    const v = JSON.parse(window.localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function saveHistory(history: string[]): void {
  try {
    window.localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // ignore
  }
}
