import type { Logger } from '../../logger';
import { parseServerFrame } from './socketFrames';
import type { ServerFrameInfo } from './socketFrames';

/**
 * The part of a WebSocket the kit uses: the browser's `WebSocket` and Node's `ws` both fit.
 * Handlers are assigned, never read, hence the `never` parameters (each runtime has its own
 * event types).
 *
 * @example
 * ```ts
 * import WebSocket from 'ws'; // Node: any constructor of a WebSocketLike fits
 * createChatSession({ participantToken, region: 'us-east-1', WebSocket });
 * ```
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * A WebSocket constructor: `globalThis.WebSocket` in browsers, `(await import('ws')).WebSocket`
 * in Node.
 *
 * @example
 * ```ts
 * import { WebSocket } from 'ws';
 * createChatSession({ participantToken, endpoint, WebSocket });
 * ```
 */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * One websocket as the connection shell sees it. Once `close()` was called it reports nothing
 * more, so frames of a socket we let go can never reach the transcript.
 *
 * @example
 * ```ts
 * const socket = openChatSocket({ id: 1, url, WebSocket, logger, onOpen, onClose, onFrame });
 * socket.send(CLIENT_FRAMES.subscribe);
 * socket.close();
 * ```
 */
export interface ChatSocket {
  readonly id: number;
  /** Sends a text frame; `false` when the socket is not open (the frame is dropped). */
  send(frame: string): boolean;
  /** Closes with 1000 (also while still connecting) and silences every later event. */
  close(): void;
}

/**
 * What {@link openChatSocket} needs.
 *
 * @example
 * ```ts
 * const socket = openChatSocket({ id, url, WebSocket, logger, onOpen, onClose, onFrame });
 * if (!socket.send(frame)) logger.debug('socket not open: frame dropped');
 * ```
 */
export interface ChatSocketOptions {
  readonly id: number;
  readonly url: string;
  readonly WebSocket: WebSocketConstructor;
  readonly logger: Logger;
  onOpen(id: number): void;
  /** Called once, on the first `error` or `close`, unless `close()` was called before. */
  onClose(id: number, code: number | undefined): void;
  onFrame(id: number, frame: ServerFrameInfo): void;
}

const OPEN = 1;

function frameText(data: unknown): string | undefined {
  if (typeof data === 'string') {
    return data;
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(data);
  }
  return undefined;
}

/**
 * Opens a websocket and reports its life as plain callbacks: open, frames (parsed), and one
 * close (an `error` counts as a close: browsers and `ws` follow it with one anyway). A
 * constructor that throws (bad URL) is reported as a close on the next tick, never thrown.
 *
 * @example
 * ```ts
 * const socket = openChatSocket({
 *   id: 7,
 *   url: 'ws://127.0.0.1:4010/ws/abc',
 *   WebSocket,
 *   logger: console,
 *   onOpen: (id) => machine.dispatch({ type: 'SOCKET_OPENED', socketId: id }),
 *   onClose: (id) => machine.dispatch({ type: 'SOCKET_CLOSED', socketId: id, jitter: Math.random() }),
 *   onFrame: (id, frame) => console.log(id, frame.kind),
 * });
 * ```
 */
export function openChatSocket(options: ChatSocketOptions): ChatSocket {
  const { id, logger } = options;
  let released = false;
  let reported = false;
  const reportClose = (code: number | undefined): void => {
    if (released || reported) {
      return;
    }
    reported = true;
    options.onClose(id, code);
  };

  let socket: WebSocketLike;
  try {
    socket = new options.WebSocket(options.url);
  } catch (error) {
    logger.warn(`websocket ${id} could not be created`, error);
    queueMicrotask(() => reportClose(undefined));
    return {
      id,
      send: () => false,
      close: () => {
        released = true;
      },
    };
  }

  socket.onopen = () => {
    if (released) {
      socket.close(1000);
      return;
    }
    options.onOpen(id);
  };
  socket.onmessage = (event: { data: unknown }) => {
    if (released || reported) {
      return;
    }
    const text = frameText(event.data);
    if (text === undefined) {
      logger.warn(`websocket ${id}: ignoring a binary frame`);
      return;
    }
    options.onFrame(id, parseServerFrame(text));
  };
  // The error handler stays attached after close(): Node's `ws` throws on an unhandled `error`.
  socket.onerror = () => reportClose(undefined);
  socket.onclose = (event: { code?: number }) => reportClose(event.code);

  return {
    id,
    send(frame) {
      if (released || socket.readyState !== OPEN) {
        return false;
      }
      try {
        socket.send(frame);
        return true;
      } catch (error) {
        logger.debug(`websocket ${id}: send failed`, error);
        return false;
      }
    },
    close() {
      if (released) {
        return;
      }
      released = true;
      try {
        socket.close(1000);
      } catch (error) {
        logger.debug(`websocket ${id}: close failed`, error);
      }
    },
  };
}
