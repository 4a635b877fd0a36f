// Tab completion for the command line: what can follow depends on the command word
// (`go` takes exits, `get` items on the floor, `tell` players, `join` lobbies, ...).
// Pure: the caller passes what the client knows, and gets back where the completed
// word starts and the candidates in the order they should cycle.

export interface Vocabulary {
  /** Command names (not aliases), in the order help lists them. */
  commands: string[];
  /** Alias (lower case) to command name, so `l ` completes like `look `. */
  aliases: Record<string, string>;
  exits: string[];
  /** Players in the room, you included. */
  people: string[];
  /** Players known to be online (from `who`, chat, the room). */
  players: string[];
  npcs: string[];
  roomItems: string[];
  inventory: string[];
  channels: string[];
  lobbies: string[];
  me: string;
}

export interface Completion {
  /** Index in the line where the replaced text starts. */
  start: number;
  options: string[];
}

/** The commands of the world as designed; used until the server's own `help` has been read. */
export const DEFAULT_COMMANDS = [
  'look', 'go', 'say', 'emote', 'tell', 'who', 'get', 'drop', 'give', 'inventory',
  'chat', 'channels', 'lobbies', 'join', 'leave', 'shoot', 'score', 'top', 'help',
];

export const DEFAULT_ALIASES: Record<string, string> = {
  l: 'look', "'": 'say', '"': 'say', ':': 'emote', me: 'emote', take: 'get', i: 'inventory', inv: 'inventory', '?': 'help',
};

function notMe(names: string[], me: string): string[] {
  return names.filter((n) => n.toLowerCase() !== me.toLowerCase());
}

/** What may follow `command` as its argument (`words` are the arguments typed before the one being completed). */
function pool(command: string, words: string[], v: Vocabulary): string[] {
  const others = notMe(v.people, v.me);
  switch (command) {
    case 'go':
      return v.exits;
    case 'look':
      return [...others, ...v.npcs, ...v.roomItems, ...v.inventory, ...v.exits];
    case 'get':
      return v.roomItems;
    case 'drop':
      return v.inventory;
    case 'give':
      if (words.length === 0) return [...v.inventory, ...others];
      if (words[words.length - 1].toLowerCase() === 'to') return notMe(unique([...v.people, ...v.players]), v.me);
      return ['to', ...v.inventory, ...others];
    case 'tell':
      return words.length === 0 ? notMe(unique([...v.players, ...v.people]), v.me) : others;
    case 'chat':
      if (words.length === 0) return [...v.channels, 'join', 'leave'];
      if (words.length === 1 && /^(join|leave)$/i.test(words[0])) return v.channels;
      return [...others, ...v.npcs];
    case 'join':
      return v.lobbies;
    case 'shoot':
      return [...v.roomItems, ...v.npcs];
    case 'help':
      return v.commands;
    case 'say':
    case 'emote':
      return [...others, ...v.npcs];
    default:
      return [...others, ...v.npcs, ...v.roomItems, ...v.exits];
  }
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (!n || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Candidates that start with `stem`, then those with a later word that does ("key" finds "iron key"). */
function matching(candidates: string[], stem: string): string[] {
  const s = stem.toLowerCase();
  const all = unique(candidates);
  const prefix = all.filter((c) => c.toLowerCase().startsWith(s));
  const inner = all.filter((c) => !c.toLowerCase().startsWith(s) && c.toLowerCase().split(/\s+/).some((w) => w.startsWith(s)));
  return [...prefix, ...inner];
}

/** Completes the word before `caret` in `line`; null when there is nothing to offer. */
export function complete(line: string, caret: number, v: Vocabulary): Completion | null {
  const before = line.slice(0, caret);
  const lead = before.length - before.trimStart().length;
  const body = before.slice(lead);
  const firstSpace = body.search(/\s/);
  if (firstSpace < 0) {
    // The command word itself: commands, and bare exit names (they walk).
    if (!body) return null;
    const options = matching([...v.commands, ...v.exits], body);
    return options.length ? { start: lead, options } : null;
  }
  const typed = body.slice(0, firstSpace).toLowerCase();
  const command = v.aliases[typed] ?? typed;
  const argStart = lead + firstSpace + (body.slice(firstSpace).length - body.slice(firstSpace).trimStart().length);
  const args = line.slice(argStart, caret);
  const wordStart = before.lastIndexOf(' ') + 1;
  const stem = before.slice(wordStart);
  const words = line.slice(argStart, wordStart).split(/\s+/).filter(Boolean);
  const candidates = pool(command, words, v);
  // A multi-word name typed so far ("iron k"): complete the whole argument.
  if (args.includes(' ')) {
    const whole = candidates.filter((c) => c.includes(' ') && c.toLowerCase().startsWith(args.toLowerCase()));
    if (whole.length) return { start: argStart, options: unique(whole) };
  }
  if (!stem) return null;
  const options = matching(candidates, stem);
  return options.length ? { start: wordStart, options } : null;
}

/**
 * Reads the command list out of the server's `help` text lines
 * ("  look (l) - Shows the room."). Returns null when the lines do not look like one.
 */
export function commandsFromHelp(lines: string[]): { commands: string[]; aliases: Record<string, string> } | null {
  const commands: string[] = [];
  const aliases: Record<string, string> = {};
  for (const line of lines) {
    const m = /^\s{1,4}([a-z][\w-]*)\b[^()]*?(?:\(([^)]*)\))?\s+[-–—]\s/i.exec(line);
    if (!m) continue;
    const name = m[1].toLowerCase();
    if (!commands.includes(name)) commands.push(name);
    for (const alias of (m[2] ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean)) aliases[alias] = name;
  }
  return commands.length >= 2 ? { commands, aliases } : null;
}
