// The official bridge client ships no types; this covers what Hearth uses.
declare module '@vertx/eventbus-bridge-client.js' {
  export interface BridgeMessage {
    type: string;
    address?: string;
    body?: unknown;
    headers?: Record<string, string>;
    replyAddress?: string;
  }

  export interface BridgeError {
    failureCode?: number;
    failureType?: string;
    message?: string;
  }

  /** A frame the client could not route (for example `{"type":"err","body":"access_denied"}`). */
  export interface UnhandledFrame {
    type: string;
    address?: string;
    body?: unknown;
    failureCode?: number;
    failureType?: string;
    message?: string;
  }

  export type ReplyHandler = (err: BridgeError | null, message: BridgeMessage) => void;

  export interface EventBusOptions {
    vertxbus_ping_interval?: number;
    vertxbus_reconnect_attempts_max?: number;
    vertxbus_reconnect_delay_min?: number;
    vertxbus_reconnect_delay_max?: number;
    vertxbus_reconnect_exponent?: number;
    vertxbus_randomization_factor?: number;
    /** Passed through to SockJS. */
    transports?: string | string[];
    timeout?: number;
    [option: string]: unknown;
  }

  export default class EventBus {
    static readonly CONNECTING: 0;
    static readonly OPEN: 1;
    static readonly CLOSING: 2;
    static readonly CLOSED: 3;

    constructor(url: string, options?: EventBusOptions);

    state: number;
    onopen: (() => void) | null;
    onclose: ((event?: unknown) => void) | null;
    onerror: (err: unknown) => void;
    onunhandled: (frame: UnhandledFrame) => void;
    onreconnect: (() => void) | null;

    send(address: string, message: unknown, callback?: ReplyHandler): void;
    send(address: string, message: unknown, headers: Record<string, string>, callback?: ReplyHandler): void;
    publish(address: string, message: unknown, headers?: Record<string, string>): void;
    registerHandler(address: string, callback: ReplyHandler): void;
    registerHandler(address: string, headers: Record<string, string>, callback: ReplyHandler): void;
    unregisterHandler(address: string, callback: ReplyHandler): void;
    enableReconnect(enable: boolean): void;
    enablePing(enable: boolean): void;
    close(): void;
  }
}
