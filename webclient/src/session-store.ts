// The token lives in sessionStorage: a reload of the tab reconnects without a login,
// a new tab or a closed browser asks again.

export interface StoredSession {
  token: string;
  /** Epoch milliseconds, by this browser's clock, when the token stops being valid. */
  expiresAt: number;
  name: string;
}

const KEY = 'hearth.session';

export function loadSession(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof v.token !== 'string' || typeof v.expiresAt !== 'number' || typeof v.name !== 'string') return null;
    return { token: v.token, expiresAt: v.expiresAt, name: v.name };
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled (private mode): the session still works until a reload.
  }
}

export function clearSession(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}

export function sessionFromLogin(token: string, expiresIn: number, name: string): StoredSession {
  return { token, expiresAt: Date.now() + expiresIn * 1000, name };
}

/** Where a connection left off: the session to resume and the last seq it received. */
export interface ResumePoint {
  session: string;
  seq: number;
}

const RESUME_KEY = 'hearth.resume';

/** Kept across a reload of the tab, so the player resumes the same session (docs/protocol.md, "Resume"). */
export function saveResumePoint(point: ResumePoint | null): void {
  try {
    if (point) window.sessionStorage.setItem(RESUME_KEY, JSON.stringify(point));
    else window.sessionStorage.removeItem(RESUME_KEY);
  } catch {
    // Storage disabled: a reload starts a new session.
  }
}

export function loadResumePoint(): ResumePoint | null {
  try {
    const raw = window.sessionStorage.getItem(RESUME_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<ResumePoint>;
    if (typeof v.session !== 'string' || typeof v.seq !== 'number') return null;
    return { session: v.session, seq: v.seq };
  } catch {
    return null;
  }
}
