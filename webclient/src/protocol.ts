// The Hearth client protocol (docs/protocol.md): HTTP account calls, the bridge
// addresses, and the shapes of replies and events. Clients must ignore event types
// and fields they do not know, so every shape here is open-ended.

export const ADDRESS_HELLO = 'hearth.hello';
export const ADDRESS_COMMAND = 'hearth.command';
export const ADDRESS_TOKEN = 'hearth.token';

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

export interface Room {
  id: string;
  name: string;
  description: string;
  exits: string[];
  occupants: string[];
}

export interface RoomEvent { type: 'room'; room: Room }
export interface SaidEvent { type: 'said'; from: string; text: string; you?: boolean }
export interface ArrivedEvent { type: 'arrived'; who: string }
export interface LeftEvent { type: 'left'; who: string }
export interface WhoEvent { type: 'who'; players: string[] }
export interface TextEvent { type: 'text'; text: string }
export interface NoticeEvent { type: 'notice'; text: string; level?: 'info' | 'warn' | string }
/** Any event type this client does not know yet. */
export interface OtherEvent { type: string; [field: string]: unknown }

export type KnownEvent = RoomEvent | SaidEvent | ArrivedEvent | LeftEvent | WhoEvent | TextEvent | NoticeEvent;
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
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  switch (v.type) {
    case 'room': {
      const r = isObject(v.room) ? v.room : {};
      const room: Room = {
        id: str(r.id),
        name: str(r.name) || 'Somewhere',
        description: str(r.description),
        exits: strings(r.exits),
        occupants: strings(r.occupants),
      };
      return { type: 'room', room, seq };
    }
    case 'said':
      return { type: 'said', from: str(v.from), text: str(v.text), you: v.you === true, seq };
    case 'arrived':
    case 'left':
      return { type: v.type, who: str(v.who), seq };
    case 'who':
      return { type: 'who', players: strings(v.players), seq };
    case 'text':
      return { type: 'text', text: str(v.text), seq };
    case 'notice':
      return { type: 'notice', text: str(v.text), level: str(v.level) || 'info', seq };
    default:
      return { ...v, type: v.type, seq } as PushedEvent;
  }
}
