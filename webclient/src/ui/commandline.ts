// The command line: keeps focus, Enter sends, Up/Down walk the history, Tab (Shift+Tab
// backwards) completes commands, exits and names, PageUp/PageDown scroll the log.
import { complete, type Vocabulary } from '../model/completion';
import { clear, el } from './dom';

const HISTORY_KEY = 'hearth.history';
const HISTORY_MAX = 200;

export interface CommandLineHooks {
  submit(line: string): boolean;
  page(direction: 1 | -1): void;
  vocabulary(): Vocabulary;
}

export class CommandLine {
  private history: string[] = [];
  /** Index into history while browsing; history.length means "the draft". */
  private cursor = 0;
  private draft = '';
  private completion: { start: number; end: number; options: string[]; index: number; rest: string } | null = null;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly hints: HTMLElement,
    private readonly hooks: CommandLineHooks,
  ) {
    this.history = loadHistory();
    this.cursor = this.history.length;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('input', () => this.endCompletion());
    input.addEventListener('blur', () => this.showHints(null));
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
    this.endCompletion();
    this.focus();
  }

  /** Replaces the line (clicking an item puts "get lantern" there, to confirm with Enter). */
  fill(line: string): void {
    this.input.value = line;
    this.input.setSelectionRange(line.length, line.length);
    this.endCompletion();
    this.focus();
  }

  setPlaceholder(text: string): void {
    this.input.placeholder = text;
  }

  /** Remembers a line sent some other way (an exit button), so Up brings it back. */
  remember(line: string): void {
    if (this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
      saveHistory(this.history);
    }
    this.cursor = this.history.length;
  }

  private send(): void {
    const line = this.input.value.replace(/\s+$/, '');
    if (!line.trim()) return;
    if (!this.hooks.submit(line)) return; // not sent: keep the text so the player can retry
    this.remember(line);
    this.draft = '';
    this.input.value = '';
    this.endCompletion();
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.browse(-1);
    } else if (e.key === 'ArrowDown' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.browse(1);
    } else if (e.key === 'PageUp' && !e.altKey) {
      e.preventDefault();
      this.hooks.page(-1);
    } else if (e.key === 'PageDown' && !e.altKey) {
      e.preventDefault();
      this.hooks.page(1);
    } else if (e.key === 'Escape') {
      if (!this.input.value) return; // let the page close an overlay
      e.preventDefault();
      this.input.value = '';
      this.cursor = this.history.length;
      this.endCompletion();
    } else if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && this.input.value) {
      e.preventDefault();
      this.complete(e.shiftKey ? -1 : 1);
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
    this.endCompletion();
  }

  private complete(step: 1 | -1): void {
    const value = this.input.value;
    if (!this.completion) {
      const caret = this.input.selectionStart ?? value.length;
      const found = complete(value, caret, this.hooks.vocabulary());
      if (!found) return;
      this.completion = { start: found.start, end: caret, options: found.options, index: step === 1 ? -1 : 0, rest: value.slice(caret).replace(/^\S*/, '').replace(/^ /, '') };
    }
    const c = this.completion;
    c.index = (c.index + step + c.options.length) % c.options.length;
    const word = c.options[c.index];
    // A single candidate ends with a space, ready for the next word; while cycling, keep it tight.
    const tail = c.options.length === 1 || c.rest ? ' ' : '';
    this.input.value = `${value.slice(0, c.start)}${word}${tail}${c.rest}`;
    const end = c.start + word.length + tail.length;
    this.input.setSelectionRange(end, end);
    this.showHints(c.options.length > 1 ? c : null);
  }

  private endCompletion(): void {
    this.completion = null;
    this.showHints(null);
  }

  private showHints(c: { options: string[]; index: number } | null): void {
    clear(this.hints);
    this.hints.hidden = !c;
    if (!c) return;
    c.options.slice(0, 12).forEach((option, i) => {
      this.hints.appendChild(el('span', { class: i === c.index ? 'hint current' : 'hint', 'data-testid': 'completion' }, option));
    });
    if (c.options.length > 12) this.hints.appendChild(el('span', { class: 'hint more' }, `+${c.options.length - 12}`));
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
