// The Hearth client protocol (docs/protocol.md): HTTP account calls, the bridge
// addresses, and the shapes of replies and events. Clients must ignore event types
// and fields they do not know, so every reader here is lenient: it keeps what it
// understands, fills in safe defaults, and accepts both the first release's shapes
// (exits as a list of names) and the world's (exits as objects with a direction).

export const ADDRESS_HELLO = 'hearth.hello';
export const ADDRESS_COMMAND = 'hearth.command';
export const ADDRESS_TOKEN = 'hearth.token';
export const ADDRESS_LOGOUT = 'hearth.logout';

/** The error shape shared by HTTP bodies and bridge replies. */
export interface ProtocolError {
  code: string;
  message: string;
}

export interface LoginReply {
  token: string;
  expiresIn: number;
  player: { name: string };
}

export interface HelloOk {
  ok: true;
  session: string;
  player: { name: string };
  motd?: string;
  serverTime?: number;
  /** True when the hello resumed the session asked for: the events missed follow, with the seqs after it. */
  resumed?: boolean;
}

export interface Failure {
  ok: false;
  error: ProtocolError;
}

export type HelloReply = HelloOk | Failure;

export interface TokenOk {
  ok: true;
  token: string;
  expiresIn: number;
}

export type TokenReply = TokenOk | Failure;

export interface CommandOk {
  id: string;
  ok: true;
  events: GameEvent[];
}

export interface CommandFailure extends Failure {
  id: string;
}

export type CommandReply = CommandOk | CommandFailure;

/** One of the six map directions, or null for an exit that is not on the grid ("door"). */
export type Dir = 'n' | 's' | 'e' | 'w' | 'u' | 'd';

export interface Exit {
  /** What to type to take it. */
  name: string;
  /** The room it leads to; null when the server does not say (first release). */
  to: string | null;
  dir: Dir | null;
}

export interface MapPos {
  x: number;
  y: number;
  z: number;
}

export interface ItemRef {
  id: string;
  name: string;
}

export interface Room {
  id: string;
  name: string;
  description: string;
  exits: Exit[];
  occupants: string[];
  npcs: string[];
  items: ItemRef[];
  /** The room's grid position; null when the server does not send one. */
  map: MapPos | null;
}

export interface ChatLine {
  from: string;
  text: string;
  /** Epoch ms; null when the server does not say. */
  at: number | null;
}

export interface ChannelInfo {
  name: string;
  joined: boolean;
  members: number | null;
}

export type LobbyState = 'waiting' | 'countdown' | 'playing';

export interface Lobby {
  name: string;
  players: string[];
  max: number | null;
  state: LobbyState;
  startsAt: number | null;
}

export type MatchState = 'starting' | 'playing' | 'ended';

export interface Match {
  id: string;
  room: string;
  state: MatchState;
  barrels: number | null;
  /** The ids of the barrels still standing (what `shoot` takes); null when the server does not say. */
  standing: string[] | null;
  endsAt: number | null;
  scores: { name: string; kills: number }[];
}

export interface Rank {
  name: string;
  kills: number;
}

export interface RoomEvent { type: 'room'; room: Room }
export interface SaidEvent { type: 'said'; from: string; text: string; you?: boolean }
export interface EmotedEvent { type: 'emoted'; from: string; text: string }
export interface ToldEvent { type: 'told'; from: string; to: string; text: string; you: boolean }
export interface ArrivedEvent { type: 'arrived'; who: string; via: string | null; npc: boolean }
export interface LeftEvent { type: 'left'; who: string; via: string | null; npc: boolean }
export interface ItemEvent { type: 'item'; action: string; who: string; item: ItemRef; to: string | null }
export interface InventoryEvent { type: 'inventory'; items: ItemRef[] }
export interface WhoEvent { type: 'who'; players: string[] }
export interface TextEvent { type: 'text'; text: string; style: string }
export interface ChatEvent { type: 'chat'; channel: string; from: string; text: string; at: number | null }
export interface ChannelsEvent { type: 'channels'; channels: ChannelInfo[] }
export interface ChannelHistoryEvent { type: 'channel_history'; channel: string; lines: ChatLine[] }
export interface LobbiesEvent { type: 'lobbies'; lobbies: Lobby[] }
export interface MatchEvent { type: 'match'; match: Match }
export interface LeaderboardEvent { type: 'leaderboard'; allTime: Rank[]; last24h: Rank[] }
export interface ScoreEvent { type: 'score'; score: number }
export interface NoticeEvent { type: 'notice'; text: string; level?: 'info' | 'warn' | string }
/** Any event type this client does not know yet. */
export interface OtherEvent { type: string; [field: string]: unknown }

export type KnownEvent =
  | RoomEvent | SaidEvent | EmotedEvent | ToldEvent | ArrivedEvent | LeftEvent | ItemEvent | InventoryEvent
  | WhoEvent | TextEvent | ChatEvent | ChannelsEvent | ChannelHistoryEvent | LobbiesEvent | MatchEvent
  | LeaderboardEvent | ScoreEvent | NoticeEvent;
export type GameEvent = KnownEvent | OtherEvent;

/** A pushed event carries the session's sequence number (1, 2, 3, ...). */
export type PushedEvent = GameEvent & { seq?: number };

// ---- Narrowing helpers: the wire is untrusted, so check before use. ----

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

const DIR_WORDS: Record<string, Dir> = {
  n: 'n', north: 'n', s: 's', south: 's', e: 'e', east: 'e', w: 'w', west: 'w',
  u: 'u', up: 'u', d: 'd', down: 'd',
};

/** The direction an exit name stands for ("north", "n", "up"), or null. */
export function dirOf(name: string): Dir | null {
  return DIR_WORDS[name.trim().toLowerCase()] ?? null;
}

function readExit(v: unknown): Exit | null {
  if (typeof v === 'string') return v ? { name: v, to: null, dir: dirOf(v) } : null;
  if (!isObject(v) || !str(v.name)) return null;
  const dir = typeof v.dir === 'string' ? dirOf(v.dir) : dirOf(str(v.name));
  return { name: str(v.name), to: str(v.to) || null, dir };
}

function readItem(v: unknown): ItemRef | null {
  if (typeof v === 'string') return v ? { id: v, name: v } : null;
  if (!isObject(v)) return null;
  const name = str(v.name) || str(v.id);
  return name ? { id: str(v.id) || name, name } : null;
}

function items(v: unknown): ItemRef[] {
  return Array.isArray(v) ? v.map(readItem).filter((x): x is ItemRef => x !== null) : [];
}

function readMapPos(v: unknown): MapPos | null {
  if (!isObject(v)) return null;
  const x = num(v.x);
  const y = num(v.y);
  if (x === null || y === null) return null;
  return { x, y, z: num(v.z) ?? 0 };
}

export function readRoom(v: unknown): Room {
  const r = isObject(v) ? v : {};
  return {
    id: str(r.id),
    name: str(r.name) || 'Somewhere',
    description: str(r.description),
    exits: Array.isArray(r.exits) ? r.exits.map(readExit).filter((x): x is Exit => x !== null) : [],
    occupants: strings(r.occupants),
    npcs: strings(r.npcs),
    items: items(r.items),
    map: readMapPos(r.map),
  };
}

function readChatLine(v: Record<string, unknown>): ChatLine {
  return { from: str(v.from), text: str(v.text), at: num(v.at) };
}

function readRanks(v: unknown): Rank[] {
  return objects(v)
    .map((r) => ({ name: str(r.name), kills: num(r.kills) ?? 0 }))
    .filter((r) => r.name);
}

function readLobby(v: Record<string, unknown>): Lobby {
  const state = str(v.state);
  return {
    name: str(v.name),
    players: strings(v.players),
    max: num(v.max),
    state: state === 'countdown' || state === 'playing' ? state : 'waiting',
    startsAt: num(v.startsAt),
  };
}

function readMatch(v: unknown): Match {
  const m = isObject(v) ? v : {};
  const state = str(m.state);
  const scores = isObject(m.scores)
    ? Object.entries(m.scores).map(([name, kills]) => ({ name, kills: num(kills) ?? 0 }))
    : [];
  scores.sort((a, b) => b.kills - a.kills || a.name.localeCompare(b.name));
  return {
    id: str(m.id),
    room: str(m.room),
    state: state === 'starting' || state === 'ended' ? state : 'playing',
    barrels: num(m.barrels),
    standing: Array.isArray(m.standing) ? m.standing.map((x) => (typeof x === 'number' ? String(x) : x)).filter((x): x is string => typeof x === 'string') : null,
    endsAt: num(m.endsAt),
    scores,
  };
}

/** Reads an error from a reply or HTTP body, with a fallback message. */
export function readError(body: unknown, fallback: ProtocolError): ProtocolError {
  if (isObject(body) && isObject(body.error)) {
    const code = typeof body.error.code === 'string' ? body.error.code : fallback.code;
    const message = typeof body.error.message === 'string' && body.error.message ? body.error.message : fallback.message;
    return { code, message };
  }
  return fallback;
}

/** Normalises an event from the wire into a known shape, or null if it is unusable. */
export function readEvent(v: unknown): PushedEvent | null {
  if (!isObject(v) || typeof v.type !== 'string') return null;
  const seq = typeof v.seq === 'number' ? v.seq : undefined;
  switch (v.type) {
    case 'room':
      return { type: 'room', room: readRoom(v.room), seq };
    case 'said':
      return { type: 'said', from: str(v.from), text: str(v.text), you: v.you === true, seq };
    case 'emoted':
      return { type: 'emoted', from: str(v.from), text: str(v.text), seq };
    case 'told':
      return { type: 'told', from: str(v.from), to: str(v.to), text: str(v.text), you: v.you === true, seq };
    case 'arrived':
    case 'left':
      return { type: v.type, who: str(v.who), via: str(v.via) || null, npc: v.npc === true, seq };
    case 'item': {
      const item = readItem(v.item);
      if (!item) return null;
      return { type: 'item', action: str(v.action), who: str(v.who), item, to: str(v.to) || null, seq };
    }
    case 'inventory':
      return { type: 'inventory', items: items(v.items), seq };
    case 'who':
      return { type: 'who', players: strings(v.players), seq };
    case 'text':
      return { type: 'text', text: str(v.text), style: str(v.style), seq };
    case 'chat':
      if (!str(v.channel)) return null;
      return { type: 'chat', channel: str(v.channel), from: str(v.from), text: str(v.text), at: num(v.at), seq };
    case 'channels':
      return {
        type: 'channels',
        channels: objects(v.channels)
          .map((c) => ({ name: str(c.name), joined: c.joined !== false, members: num(c.members) ?? (Array.isArray(c.members) ? c.members.length : null) }))
          .filter((c) => c.name),
        seq,
      };
    case 'channel_history':
      if (!str(v.channel)) return null;
      return { type: 'channel_history', channel: str(v.channel), lines: objects(v.lines).map(readChatLine), seq };
    case 'lobbies':
      return { type: 'lobbies', lobbies: objects(v.lobbies).map(readLobby).filter((l) => l.name), seq };
    case 'match':
      return { type: 'match', match: readMatch(v.match), seq };
    case 'leaderboard':
      return { type: 'leaderboard', allTime: readRanks(v.allTime), last24h: readRanks(v.last24h), seq };
    case 'score': {
      const score = num(v.score);
      return score === null ? null : { type: 'score', score, seq };
    }
    case 'notice':
      return { type: 'notice', text: str(v.text), level: str(v.level) || 'info', seq };
    default:
      return { ...v, type: v.type, seq } as PushedEvent;
  }
}
