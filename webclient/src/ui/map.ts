// The map panel: an SVG of the rooms on the current level that the player has seen.
// The current room glows, visited rooms are solid, rooms only glimpsed through an exit
// are faint outlines; clicking a neighbouring room walks there.
import type { Exit } from '../protocol';
import type { MapRoom, WorldMap } from '../model/world-map';
import { clear } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 44;
const ROOM_W = 26;
const ROOM_H = 20;
/** The view never zooms in further than this many cells, so one room is not a giant. */
const MIN_SPAN_X = 6;
const MIN_SPAN_Y = 4;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function levelName(z: number): string {
  if (z === 0) return 'ground';
  return z > 0 ? `up ${z}` : `down ${-z}`;
}

export class MapView {
  constructor(
    private readonly box: SVGSVGElement,
    private readonly caption: HTMLElement,
    private readonly walk: (exit: Exit) => void,
  ) {}

  render(map: WorldMap): void {
    clear(this.box);
    const here = map.here();
    const z = here?.pos.z ?? 0;
    const rooms = map.level(z);
    this.box.dataset.rooms = String(map.size);
    this.box.dataset.visited = String(map.all().filter((r) => r.visited).length);
    if (rooms.length === 0) {
      this.caption.textContent = map.current ? `${map.currentName} · off the map` : 'The map fills in as you explore.';
      this.box.setAttribute('viewBox', '0 0 100 60');
      return;
    }
    this.caption.textContent = here
      ? `${here.name}${z !== 0 ? ` · ${levelName(z)}` : ''}`
      : `${map.currentName} · off the map`;

    const xs = rooms.map((r) => r.pos.x);
    const ys = rooms.map((r) => r.pos.y);
    const spanX = Math.max(MIN_SPAN_X, Math.max(...xs) - Math.min(...xs) + 1.6);
    const spanY = Math.max(MIN_SPAN_Y, Math.max(...ys) - Math.min(...ys) + 1.6);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.box.setAttribute('viewBox', `${(cx - spanX / 2) * CELL} ${(cy - spanY / 2) * CELL} ${spanX * CELL} ${spanY * CELL}`);

    const links = svg('g', { class: 'links' });
    for (const link of map.links(z)) {
      const a = map.get(link.from);
      const b = map.get(link.to);
      if (!a || !b) continue;
      const faint = !a.visited || !b.visited;
      links.appendChild(svg('line', {
        class: faint ? 'link faint' : 'link',
        x1: a.pos.x * CELL, y1: a.pos.y * CELL, x2: b.pos.x * CELL, y2: b.pos.y * CELL,
      }));
    }
    this.box.appendChild(links);

    const nodes = svg('g', { class: 'rooms' });
    // The current room last, so its glow is on top.
    for (const room of rooms.sort((a, b) => Number(a.id === map.current) - Number(b.id === map.current))) {
      nodes.appendChild(this.room(map, room));
    }
    this.box.appendChild(nodes);
  }

  private room(map: WorldMap, room: MapRoom): SVGGElement {
    const current = room.id === map.current;
    const state = current ? 'current' : room.visited ? 'visited' : 'seen';
    const exit = current ? undefined : map.exitTo(room.id);
    const g = svg('g', {
      class: `room ${state}${exit ? ' reachable' : ''}`,
      'data-testid': 'map-room',
      'data-room': room.id,
      'data-state': state,
      transform: `translate(${room.pos.x * CELL} ${room.pos.y * CELL})`,
    });
    const title = svg('title');
    title.textContent = room.visited ? room.name : 'Unexplored';
    if (exit) title.textContent += ` — go ${exit.name}`;
    g.appendChild(title);
    if (current) g.appendChild(svg('circle', { class: 'halo', r: 19 }));
    g.appendChild(svg('rect', { x: -ROOM_W / 2, y: -ROOM_H / 2, width: ROOM_W, height: ROOM_H, rx: 5 }));
    if (current) g.appendChild(svg('circle', { class: 'you', r: 3.6 }));
    const up = room.exits.some((e) => e.dir === 'u');
    const down = room.exits.some((e) => e.dir === 'd');
    // Stairs: small triangles at the room's right edge, up above, down below.
    if (up) g.appendChild(svg('path', { class: 'stair', 'data-stair': 'up', d: 'M 10 -4 l 5 -7 l 5 7 z' }));
    if (down) g.appendChild(svg('path', { class: 'stair', 'data-stair': 'down', d: 'M 10 4 l 5 7 l 5 -7 z' }));
    if (exit) g.addEventListener('click', () => this.walk(exit));
    return g;
  }
}
