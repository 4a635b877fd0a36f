// The server's clock as seen from here: countdowns (a lobby's start, a match's end) are
// server times, and the browser's clock may be off by minutes.
export class ServerClock {
  private offset = 0;

  /** From the hello reply's serverTime. */
  sync(serverTime: number | undefined): void {
    if (typeof serverTime === 'number' && Number.isFinite(serverTime)) this.offset = serverTime - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  /** Whole seconds until a server time, never negative. */
  secondsUntil(at: number): number {
    return Math.max(0, Math.ceil((at - this.now()) / 1000));
  }
}

/** 75 -> "1:15". */
export function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s < 10 ? '0' : ''}${s}`;
}
