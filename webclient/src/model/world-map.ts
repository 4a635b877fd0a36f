// The rooms this player has seen, laid out on the world's grid: rooms visited (a `room`
// event came for them) and rooms glimpsed through an exit (known by id and position
// only). Pure data, no DOM, so it can be tested and kept in localStorage.
import type { Dir, Exit, MapPos, Room } from '../protocol';

export interface MapRoom {
  id: string;
  /** Empty for a room only glimpsed through an exit. */
  name: string;
  pos: MapPos;
  visited: boolean;
  exits: Exit[];
}

export interface MapLink {
  from: string;
  to: string;
  dir: Dir;
}

const STEP: Record<Dir, MapPos> = {
  n: { x: 0, y: -1, z: 0 },
  s: { x: 0, y: 1, z: 0 },
  e: { x: 1, y: 0, z: 0 },
  w: { x: -1, y: 0, z: 0 },
  u: { x: 0, y: 0, z: 1 },
  d: { x: 0, y: 0, z: -1 },
};

export function step(pos: MapPos, dir: Dir): MapPos {
  const s = STEP[dir];
  return { x: pos.x + s.x, y: pos.y + s.y, z: pos.z + s.z };
}

const MAX_ROOMS = 2_000;

export class WorldMap {
  private readonly rooms = new Map<string, MapRoom>();
  /** The room the player is in; it may be off the grid (no position known). */
  current: string | null = null;
  currentName = '';

  /** Records a `room` event: the room is visited, and what its exits lead to is seen. */
  visit(room: Room): void {
    this.current = room.id;
    this.currentName = room.name;
    if (!room.id) return;
    const known = this.rooms.get(room.id);
    // Where it is: what the server says, else where an exit told us, else the origin
    // when nothing is on the map yet (a server that sends no positions).
    const pos = room.map ?? known?.pos ?? (this.rooms.size === 0 ? { x: 0, y: 0, z: 0 } : null);
    if (!pos) return;
    this.rooms.set(room.id, { id: room.id, name: room.name, pos, visited: true, exits: room.exits });
    for (const exit of room.exits) {
      if (!exit.to || !exit.dir || this.rooms.has(exit.to)) continue;
      if (this.rooms.size >= MAX_ROOMS) break;
      this.rooms.set(exit.to, { id: exit.to, name: '', pos: step(pos, exit.dir), visited: false, exits: [] });
    }
  }

  get(id: string): MapRoom | undefined {
    return this.rooms.get(id);
  }

  /** The room the player stands in, when it is on the map. */
  here(): MapRoom | undefined {
    return this.current ? this.rooms.get(this.current) : undefined;
  }

  get size(): number {
    return this.rooms.size;
  }

  all(): MapRoom[] {
    return [...this.rooms.values()];
  }

  /** Rooms on one level (z). */
  level(z: number): MapRoom[] {
    return this.all().filter((r) => r.pos.z === z);
  }

  /** Exits between two rooms on the map, each pair once (from visited rooms, which know their exits). */
  links(z: number): MapLink[] {
    const seen = new Set<string>();
    const out: MapLink[] = [];
    for (const room of this.level(z)) {
      for (const exit of room.exits) {
        if (!exit.to || !exit.dir || exit.dir === 'u' || exit.dir === 'd') continue;
        const other = this.rooms.get(exit.to);
        if (!other || other.pos.z !== z) continue;
        const key = [room.id, other.id].sort().join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ from: room.id, to: other.id, dir: exit.dir });
      }
    }
    return out;
  }

  /** The exit from the current room that leads to `id`, if any (clicking the map walks there). */
  exitTo(id: string): Exit | undefined {
    return this.here()?.exits.find((e) => e.to === id);
  }

  toJSON(): unknown {
    return { v: 1, rooms: this.all() };
  }

  /** Restores what toJSON wrote; anything malformed is dropped, never thrown. */
  static fromJSON(data: unknown): WorldMap {
    const map = new WorldMap();
    const rooms = typeof data === 'object' && data !== null && Array.isArray((data as { rooms?: unknown }).rooms)
      ? ((data as { rooms: unknown[] }).rooms)
      : [];
    for (const r of rooms.slice(0, MAX_ROOMS)) {
      if (typeof r !== 'object' || r === null) continue;
      const room = r as Partial<MapRoom>;
      const pos = room.pos;
      if (typeof room.id !== 'string' || !room.id || !pos || ![pos.x, pos.y, pos.z].every((n) => typeof n === 'number' && Number.isFinite(n))) continue;
      const exits = Array.isArray(room.exits)
        ? room.exits.filter((e): e is Exit => typeof e === 'object' && e !== null && typeof e.name === 'string')
        : [];
      map.rooms.set(room.id, {
        id: room.id,
        name: typeof room.name === 'string' ? room.name : '',
        pos: { x: pos.x, y: pos.y, z: pos.z },
        visited: room.visited === true,
        exits,
      });
    }
    return map;
  }
}
