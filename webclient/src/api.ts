// The two account calls (docs/protocol.md section 1).
import { isObject, readError, type LoginReply, type ProtocolError } from './protocol';

export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number, readonly retryAfter?: number) {
    super(message);
  }
}

function endpoint(path: string): string {
  // Relative to the page, so the client also works under a path prefix.
  return new URL(path, window.location.href).toString();
}

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown; retryAfter?: number }> {
  let response: Response;
  try {
    response = await fetch(endpoint(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'Cannot reach the server. Check your connection and try again.', 0);
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An error page that is not JSON: keep json null and use the fallback message.
  }
  const retry = Number(response.headers.get('Retry-After'));
  return { status: response.status, json, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined };
}

function fail(status: number, json: unknown, retryAfter?: number): never {
  const fallback: ProtocolError = { code: `http_${status}`, message: `The server answered ${status}. Please try again.` };
  const error = readError(json, fallback);
  let message = error.message;
  if (error.code === 'busy' && retryAfter) message += ` (try again in ${retryAfter} s)`;
  throw new ApiError(error.code, message, status, retryAfter);
}

export async function register(name: string, password: string): Promise<string> {
  const { status, json, retryAfter } = await post('api/auth/register', { name, password });
  if (status !== 201 && status !== 200) fail(status, json, retryAfter);
  return isObject(json) && typeof json.name === 'string' ? json.name : name;
}

export async function login(name: string, password: string): Promise<LoginReply> {
  const { status, json, retryAfter } = await post('api/auth/login', { name, password });
  if (status !== 200) fail(status, json, retryAfter);
  if (!isObject(json) || typeof json.token !== 'string') {
    throw new ApiError('bad_reply', 'The server sent an unexpected answer. Please try again.', status);
  }
  const expiresIn = typeof json.expiresIn === 'number' && json.expiresIn > 0 ? json.expiresIn : 900;
  const player = isObject(json.player) && typeof json.player.name === 'string' ? json.player.name : name;
  return { token: json.token, expiresIn, player: { name: player } };
}
