import type { Item, WebSocketConstructor, WebSocketLike } from 'contact-kit/core';

type Handler = ((event: never) => void) | null;

/** One fake socket; the test plays the server through its methods. */
export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  onopen: Handler = null;
  onmessage: Handler = null;
  onclose: Handler = null;
  onerror: Handler = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(
    readonly url: string,
    private readonly server: FakeSocketServer,
  ) {}

  send(data: string): void {
    if (this.readyState !== 1) {
      throw new Error('send on a socket that is not open');
    }
    this.sent.push(data);
    const topic = (JSON.parse(data) as { topic: string }).topic;
    if (topic === 'aws/subscribe' && this.server.autoSubscribe) {
      queueMicrotask(() => this.ackSubscribe());
    }
    if (topic === 'aws/heartbeat' && this.server.autoHeartbeat) {
      queueMicrotask(() => this.receive({ topic: 'aws/heartbeat' }));
    }
  }

  close(): void {
    if (this.readyState === 3) {
      return;
    }
    this.closedByClient = true;
    this.readyState = 3;
    queueMicrotask(() => this.fire('onclose', { code: 1000 }));
  }

  /** The topics the client sent, in order. */
  sentTopics(): string[] {
    return this.sent.map((frame) => (JSON.parse(frame) as { topic: string }).topic);
  }

  open(): void {
    this.readyState = 1;
    this.fire('onopen', {});
  }

  receive(frame: unknown): void {
    if (this.readyState !== 1) {
      return;
    }
    this.fire('onmessage', { data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  ackSubscribe(status = 'success'): void {
    this.receive({ topic: 'aws/subscribe', content: { status, topics: ['aws/chat'] } });
  }

  ackHeartbeat(): void {
    this.receive({ topic: 'aws/heartbeat' });
  }

  deliver(item: Item): void {
    this.receive({
      topic: 'aws/chat',
      contentType: 'application/json',
      content: JSON.stringify(item),
    });
  }

  /** The server or the network drops the socket (no close frame). */
  drop(code = 1006): void {
    if (this.readyState === 3) {
      return;
    }
    this.readyState = 3;
    this.fire('onclose', { code });
  }

  /** The connection fails before or after opening. */
  fail(): void {
    this.readyState = 3;
    this.fire('onerror', {});
    this.fire('onclose', { code: 1006 });
  }

  get isOpen(): boolean {
    return this.readyState === 1;
  }

  private fire(name: 'onopen' | 'onmessage' | 'onclose' | 'onerror', event: unknown): void {
    const handler = this[name] as ((event: unknown) => void) | null;
    handler?.(event);
  }
}

/**
 * Hands out fake sockets and remembers them. With `autoOpen` sockets open on the next microtask;
 * `autoSubscribe`/`autoHeartbeat` make them answer like the service.
 */
export class FakeSocketServer {
  readonly sockets: FakeWebSocket[] = [];
  autoOpen = false;
  autoSubscribe = false;
  autoHeartbeat = false;
  /** URLs whose sockets fail to open (an expired or revoked URL). */
  readonly refusedUrls = new Set<string>();

  readonly WebSocket: WebSocketConstructor;

  constructor(options: { auto?: boolean } = {}) {
    if (options.auto) {
      this.autoOpen = true;
      this.autoSubscribe = true;
      this.autoHeartbeat = true;
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    this.WebSocket = class extends FakeWebSocket {
      constructor(url: string) {
        super(url, server);
        server.sockets.push(this);
        if (server.refusedUrls.has(url)) {
          queueMicrotask(() => this.fail());
        } else if (server.autoOpen) {
          queueMicrotask(() => {
            if (this.readyState === 0) {
              this.open();
            }
          });
        }
      }
    };
  }

  get last(): FakeWebSocket {
    const socket = this.sockets.at(-1);
    if (!socket) {
      throw new Error('no socket was opened');
    }
    return socket;
  }

  /** Sockets the client has not closed and that did not drop. */
  get live(): FakeWebSocket[] {
    return this.sockets.filter((socket) => socket.readyState !== 3);
  }

  /** Delivers an item on every open socket, like the service's fan-out. */
  broadcast(item: Item): void {
    for (const socket of this.sockets) {
      socket.deliver(item);
    }
  }
}
