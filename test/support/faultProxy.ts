import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';

/**
 * A man-in-the-middle between a client and a Participant Service (the emulator, or anything that
 * speaks its REST and WebSocket protocol) that really loses, delays, duplicates and reorders
 * WebSocket frames in both directions and fails REST calls, without any help from the service.
 *
 * Every JSON response has the service's origin rewritten to the proxy's, so the websocket URL from
 * CreateParticipantConnection and attachment URLs lead through the proxy too. Listens on
 * 127.0.0.1 only.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ target: emulator.url, random: seededRandom(7) });
 * const session = createChatSession({ participantToken, endpoint: proxy.url, WebSocket });
 * proxy.loseFrames({ ms: 14_000 }); // half-open both ways; REST still works
 * await proxy.close();
 * ```
 */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: use it as the service endpoint. */
  readonly url: string;
  /**
   * Every frame in `direction` is lost, on open and new connections, for `ms`; connections stay
   * open and carry frames again afterwards, as a socket whose path blackholed for a while.
   */
  loseFrames(options: { ms: number; direction?: FrameDirection }): void;
  /** Each frame is lost with this probability, for `forMs` (a lossy path with no close). */
  dropFrames(options: { probability: number; forMs: number; direction?: FrameDirection }): void;
  /** Frames are held `ms` before they go on, order kept per connection and direction. */
  delayFrames(options: { ms: number; forMs: number; direction?: FrameDirection }): void;
  /** Each frame is sent twice with this probability, for `forMs`. */
  duplicateFrames(options: {
    probability: number;
    forMs: number;
    direction?: FrameDirection;
  }): void;
  /** Each frame is held a random time up to `windowMs`, so frames overtake each other. */
  reorderFrames(options: { windowMs: number; forMs: number; direction?: FrameDirection }): void;
  /** Every open connection ends abruptly (no close frame), both ways. */
  resetSockets(): void;
  /**
   * The next `count` REST calls (matching `operation`, a path fragment such as `/message`) fail
   * with `status`. With `afterService`, the call reaches the service first and only its answer
   * is lost (the client sees the failure, the service did the work).
   */
  failRequests(options: {
    count: number;
    status?: number;
    operation?: string;
    afterService?: boolean;
  }): void;
  /** Ends every fault now. */
  heal(): void;
  /** What the proxy did so far. */
  readonly stats: FaultProxyStats;
  /** Connections currently open through the proxy. */
  readonly openSockets: number;
  close(): Promise<void>;
}

/**
 * `down` is service → client, `up` client → service.
 *
 * @example
 * ```ts
 * proxy.loseFrames({ ms: 5000, direction: 'down' });
 * ```
 */
export type FrameDirection = 'both' | 'down' | 'up';

/**
 * Counters of {@link FaultProxy}.
 *
 * @example
 * ```ts
 * expect(proxy.stats.framesLost).toBeGreaterThan(0); // the fault really hit
 * ```
 */
export interface FaultProxyStats {
  framesRelayed: number;
  framesLost: number;
  framesDuplicated: number;
  framesDelayed: number;
  requestsFailed: number;
  socketsReset: number;
}

/**
 * Options of {@link startFaultProxy}.
 *
 * @example
 * ```ts
 * const options: FaultProxyOptions = { target: 'http://127.0.0.1:4010', random: Math.random };
 * ```
 */
export interface FaultProxyOptions {
  /** The service's base URL, e.g. the emulator's `url`. */
  target: string;
  /** Random source for probabilities and reorder delays; seed it to replay a schedule. */
  random?: () => number;
  /** The port to listen on; `0` (default) picks a free one. */
  port?: number;
}

interface Rule {
  readonly until: number;
  readonly direction: FrameDirection;
}

interface FrameRules {
  lose: Rule[];
  drop: (Rule & { probability: number })[];
  delay: (Rule & { ms: number })[];
  duplicate: (Rule & { probability: number })[];
  reorder: (Rule & { windowMs: number })[];
}

interface RequestFault {
  remaining: number;
  status: number;
  operation: string | undefined;
  afterService: boolean;
}

interface Pipe {
  readonly client: WebSocket;
  readonly upstream: WebSocket;
  /** Per direction, when the previous frame was let go: delayed frames keep their order. */
  readonly releasedAt: { up: number; down: number };
}

const applies = (rule: Rule, direction: 'up' | 'down', now: number): boolean =>
  now < rule.until && (rule.direction === 'both' || rule.direction === direction);

/**
 * Starts a {@link FaultProxy} in front of `target`.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ target: emulator.url });
 * proxy.failRequests({ count: 2, status: 503, operation: '/participant/message', afterService: true });
 * ```
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = options.random ?? Math.random;
  const rules: FrameRules = { lose: [], drop: [], delay: [], duplicate: [], reorder: [] };
  const requestFaults: RequestFault[] = [];
  const pipes = new Set<Pipe>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const stats: FaultProxyStats = {
    framesRelayed: 0,
    framesLost: 0,
    framesDuplicated: 0,
    framesDelayed: 0,
    requestsFailed: 0,
    socketsReset: 0,
  };
  let proxyOrigin = '';
  let closed = false;

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  function relay(pipe: Pipe, direction: 'up' | 'down', data: RawData, isBinary: boolean): void {
    const now = Date.now();
    const to = direction === 'up' ? pipe.upstream : pipe.client;
    if (rules.lose.some((rule) => applies(rule, direction, now))) {
      stats.framesLost += 1;
      return;
    }
    const drop = rules.drop.find((rule) => applies(rule, direction, now));
    if (drop && random() < drop.probability) {
      stats.framesLost += 1;
      return;
    }
    const delay = rules.delay.find((rule) => applies(rule, direction, now))?.ms ?? 0;
    const reorder = rules.reorder.find((rule) => applies(rule, direction, now));
    const duplicate = rules.duplicate.find((rule) => applies(rule, direction, now));
    const copies = duplicate && random() < duplicate.probability ? 2 : 1;
    stats.framesDuplicated += copies - 1;
    const send = (): void => {
      if (to.readyState !== WebSocket.OPEN) {
        stats.framesLost += 1;
        return;
      }
      for (let i = 0; i < copies; i += 1) {
        to.send(data, { binary: isBinary });
      }
      stats.framesRelayed += 1;
    };
    if (reorder) {
      // Held a random time: frames held less overtake it (the service's own reordering).
      stats.framesDelayed += 1;
      later(delay + Math.floor(random() * reorder.windowMs), send);
      return;
    }
    // In order: a frame never leaves before the one ahead of it in the same direction.
    const at = Math.max(now + delay, pipe.releasedAt[direction]);
    pipe.releasedAt[direction] = at;
    if (at <= now) {
      send();
    } else {
      stats.framesDelayed += 1;
      later(at - now, send);
    }
  }

  const wss = new WebSocketServer({ noServer: true });

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const upstreamUrl = new URL(request.url ?? '/', target);
    upstreamUrl.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    const upstream = new WebSocket(upstreamUrl);
    let settled = false;
    upstream.once('open', () => {
      settled = true;
      wss.handleUpgrade(request, socket, head, (client) => {
        const pipe: Pipe = { client, upstream, releasedAt: { up: 0, down: 0 } };
        pipes.add(pipe);
        client.on('message', (data, isBinary) => relay(pipe, 'up', data, isBinary));
        upstream.on('message', (data, isBinary) => relay(pipe, 'down', data, isBinary));
        const end = (): void => {
          pipes.delete(pipe);
          client.terminate();
          upstream.terminate();
        };
        client.on('close', end);
        client.on('error', end);
        upstream.on('close', end);
        upstream.on('error', end);
      });
    });
    upstream.once('unexpected-response', (_req, response) => {
      settled = true;
      socket.end(
        `HTTP/1.1 ${response.statusCode ?? 502} Upstream refused\r\nConnection: close\r\n\r\n`,
      );
      upstream.terminate();
    });
    upstream.once('error', () => {
      if (!settled) {
        settled = true;
        socket.destroy();
      }
    });
  }

  function takeRequestFault(path: string): RequestFault | undefined {
    const index = requestFaults.findIndex(
      (fault) =>
        fault.remaining > 0 && (fault.operation === undefined || path.includes(fault.operation)),
    );
    if (index < 0) {
      return undefined;
    }
    const fault = requestFaults[index]!;
    fault.remaining -= 1;
    if (fault.remaining === 0) {
      requestFaults.splice(index, 1);
    }
    stats.requestsFailed += 1;
    return fault;
  }

  function fail(response: ServerResponse, request: IncomingMessage, status: number): void {
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-errortype': status === 429 ? 'ThrottlingException' : 'InternalServerException',
      'access-control-allow-origin': request.headers.origin ?? '*',
      'access-control-expose-headers': 'x-amzn-ErrorType',
    });
    response.end(JSON.stringify({ message: 'Injected by the fault proxy' }));
  }

  function handleRequest(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    const fault = request.method === 'OPTIONS' ? undefined : takeRequestFault(path);
    if (fault && !fault.afterService) {
      request.resume();
      fail(response, request, fault.status);
      return;
    }
    const headers = { ...request.headers, host: target.host };
    delete headers['accept-encoding'];
    const upstream = httpRequest(
      new URL(path, target),
      { method: request.method, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (fault) {
            fail(response, request, fault.status);
            return;
          }
          let body = Buffer.concat(chunks);
          const outHeaders = { ...answer.headers };
          if (String(answer.headers['content-type'] ?? '').includes('json')) {
            body = Buffer.from(body.toString('utf8').split(target.host).join(proxyOrigin));
            delete outHeaders['content-length'];
          }
          response.writeHead(answer.statusCode ?? 502, outHeaders);
          response.end(body);
        });
        answer.on('error', () => response.destroy());
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) {
        fail(response, request, 502);
      } else {
        response.destroy();
      }
    });
    request.pipe(upstream);
  }

  const server: Server = createServer(handleRequest);
  server.on('upgrade', handleUpgrade);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  proxyOrigin = `127.0.0.1:${port}`;

  const until = (ms: number): number => Date.now() + ms;
  return {
    url: `http://${proxyOrigin}`,
    loseFrames({ ms, direction = 'both' }) {
      rules.lose.push({ until: until(ms), direction });
    },
    dropFrames({ probability, forMs, direction = 'both' }) {
      rules.drop.push({ until: until(forMs), direction, probability });
    },
    delayFrames({ ms, forMs, direction = 'both' }) {
      rules.delay.push({ until: until(forMs), direction, ms });
    },
    duplicateFrames({ probability, forMs, direction = 'both' }) {
      rules.duplicate.push({ until: until(forMs), direction, probability });
    },
    reorderFrames({ windowMs, forMs, direction = 'both' }) {
      rules.reorder.push({ until: until(forMs), direction, windowMs });
    },
    resetSockets() {
      for (const pipe of [...pipes]) {
        pipes.delete(pipe);
        stats.socketsReset += 1;
        pipe.client.terminate();
        pipe.upstream.terminate();
      }
    },
    failRequests({ count, status = 500, operation, afterService = false }) {
      requestFaults.push({ remaining: count, status, operation, afterService });
    },
    heal() {
      rules.lose = [];
      rules.drop = [];
      rules.delay = [];
      rules.duplicate = [];
      rules.reorder = [];
      requestFaults.splice(0);
    },
    stats,
    get openSockets() {
      return pipes.size;
    },
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      for (const pipe of pipes) {
        pipe.client.terminate();
        pipe.upstream.terminate();
      }
      pipes.clear();
      wss.close();
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
