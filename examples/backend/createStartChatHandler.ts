import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StartChatContactCommand, StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import type {
  ConnectionData,
  StartChatContactResponse,
  StartWebRTCContactResponse,
} from '@aws-sdk/client-connect';
import { createClientIpResolver } from './createClientIpResolver';
import { createRateLimiter } from './createRateLimiter';
import type { RateLimiter } from './createRateLimiter';
import { rateLimitKey } from './rateLimitKey';
import { validateStartRequest } from './validateStartRequest';
import type { AttributeRules, StartRequestBody } from './validateStartRequest';

/**
 * What the handler needs of a Connect client: `send`. A real `ConnectClient` fits; tests pass a fake.
 *
 * @example
 * ```ts
 * const connect: ConnectSender = new ConnectClient({ region: 'eu-west-2' });
 * ```
 */
export interface ConnectSender {
  send(
    command: StartChatContactCommand | StartWebRTCContactCommand,
  ): Promise<StartChatContactResponse | StartWebRTCContactResponse>;
}

/**
 * Configuration of {@link createStartChatHandler}. Instance and flow come from here, never from the
 * browser.
 *
 * @example
 * ```ts
 * const options: StartChatHandlerOptions = {
 *   connect: new ConnectClient({ region: 'eu-west-2' }),
 *   instanceId: process.env.CONNECT_INSTANCE_ID!,
 *   contactFlowId: process.env.CONNECT_CONTACT_FLOW_ID!,
 *   allowedOrigin: 'https://shop.example.com',
 * };
 * ```
 */
export interface StartChatHandlerOptions {
  connect: ConnectSender;
  /** The Amazon Connect instance id. */
  instanceId: string;
  /** The inbound flow chats start in. */
  contactFlowId: string;
  /** The flow web calls start in. Defaults to `contactFlowId`. */
  webCallContactFlowId?: string;
  /** The one storefront origin allowed to call, e.g. `https://shop.example.com`. */
  allowedOrigin: string;
  /** The contact attribute allow-list. Defaults to {@link DEFAULT_ATTRIBUTE_RULES}. */
  attributes?: AttributeRules;
  /** How long a chat may last, 60–10080 minutes. Defaults to `120`. */
  chatDurationInMinutes?: number;
  /**
   * Decides whether this request may continue the earlier contact `contactId` (persistent chat
   * rehydrates its whole transcript, so the answer must come from your own session, not from the
   * body). Without it, resume requests are refused.
   */
  canResume?: (contactId: string, request: IncomingMessage) => boolean | Promise<boolean>;
  /**
   * Per-client limit on both routes. Defaults to 10 requests a minute. IPv4 clients count per
   * address, IPv6 clients per /64 (see {@link rateLimitKey}).
   */
  rateLimit?: { limit: number; windowMs: number };
  /**
   * Your reverse proxies or load balancers (addresses or CIDR ranges, e.g. `['10.0.0.0/8']`).
   * Requests from them are keyed on the client they name in `X-Forwarded-For` (see
   * {@link createClientIpResolver}); without it every request is keyed on its socket address.
   */
  trustProxy?: readonly string[];
  /** The client's IP. Defaults to the socket address, or {@link createClientIpResolver} with `trustProxy`. */
  clientIp?: (request: IncomingMessage) => string;
  /** `Retry-After` seconds when Connect throttles us (answered as 429). Defaults to `5`. */
  throttledRetryAfterSeconds?: number;
  /** Largest accepted body in bytes. Defaults to `4096`. */
  maxBodyBytes?: number;
  /** Log sink; receives ids and error names only, never tokens. Defaults to `console.warn`. */
  log?: (event: string, fields: Record<string, string | number | undefined>) => void;
  /** ClientToken source, injectable for tests. Defaults to `crypto.randomUUID`. */
  newClientToken?: () => string;
  /** The clock for the rate limit. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * What `POST /api/start-chat` returns: exactly what the kit's `startChat` must resolve to.
 *
 * @example
 * ```ts
 * const contact: StartChatResponseBody = await (await fetch('/api/start-chat', init)).json();
 * ```
 */
export interface StartChatResponseBody {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
}

/**
 * What `POST /api/start-web-call` returns: the chat fields plus the Chime join data.
 *
 * @example
 * ```ts
 * const call: StartWebCallResponseBody = await (await fetch('/api/start-web-call', init)).json();
 * ```
 */
export interface StartWebCallResponseBody extends StartChatResponseBody {
  ConnectionData: ConnectionData;
}

/**
 * The attribute allow-list used when none is configured: a topic from a fixed set, an order number
 * and a BCP 47 locale.
 *
 * @example
 * ```ts
 * createStartChatHandler({ ...options, attributes: { ...DEFAULT_ATTRIBUTE_RULES, sku: { maxLength: 20 } } });
 * ```
 */
export const DEFAULT_ATTRIBUTE_RULES: AttributeRules = {
  topic: { maxLength: 32, pattern: /^(orders|returns|billing|other)$/ },
  orderNumber: { maxLength: 32, pattern: /^[A-Za-z0-9-]+$/ },
  locale: { maxLength: 35, pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ },
};

/**
 * The message content types the widget renders and sends. `text/plain` is mandatory; the
 * interactive type lets flows send list pickers and the like, the response type lets the customer
 * answer them.
 */
const SUPPORTED_MESSAGING_CONTENT_TYPES = [
  'text/plain',
  'text/markdown',
  'application/vnd.amazonaws.connect.message.interactive',
  'application/vnd.amazonaws.connect.message.interactive.response',
];

type Route = 'chat' | 'webCall';
const ROUTES: Readonly<Record<string, Route>> = {
  '/api/start-chat': 'chat',
  '/api/start-web-call': 'webCall',
};

/** Connect's error names for "too many requests": its own limiter or an account quota. */
const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'LimitExceededException',
]);

/** True when Connect (or the SDK after its own retries) says we are sending too much. */
function isThrottling(error: unknown): boolean {
  const details = error as {
    name?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: { throttling?: boolean };
  } | null;
  return (
    (typeof details?.name === 'string' && THROTTLING_ERRORS.has(details.name)) ||
    details?.$metadata?.httpStatusCode === 429 ||
    details?.$retryable?.throttling === true
  );
}

/** The client went away before its request was read: there is nobody left to answer. */
class ClientGone extends Error {}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/**
 * Creates a framework-free `node:http` request listener serving `POST /api/start-chat` (Amazon
 * Connect StartChatContact) and `POST /api/start-web-call` (StartWebRTCContact). It validates the
 * JSON body against an allow-list, answers only the configured origin, rate limits per client
 * (behind `trustProxy`, the client your proxy names), returns only what the browser needs with
 * `Cache-Control: no-store`, and logs no tokens. Connect throttling becomes `429` with
 * `Retry-After`, any other Connect failure `502`. The returned promise never rejects, so a client
 * that hangs up mid-request cannot take the process down.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { ConnectClient } from '@aws-sdk/client-connect';
 *
 * const handler = createStartChatHandler({
 *   connect: new ConnectClient({ region: 'eu-west-2' }),
 *   instanceId: 'a1b2…',
 *   contactFlowId: 'c3d4…',
 *   allowedOrigin: 'https://shop.example.com',
 * });
 * createServer(handler).listen(8787, '127.0.0.1');
 * ```
 */
export function createStartChatHandler(
  options: StartChatHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const {
    connect,
    instanceId,
    contactFlowId,
    webCallContactFlowId = contactFlowId,
    allowedOrigin,
    attributes: attributeRules = DEFAULT_ATTRIBUTE_RULES,
    chatDurationInMinutes = 120,
    canResume,
    rateLimit = { limit: 10, windowMs: 60_000 },
    trustProxy = [],
    clientIp = trustProxy.length > 0
      ? createClientIpResolver(trustProxy)
      : (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown',
    throttledRetryAfterSeconds = 5,
    maxBodyBytes = 4096,
    log = (event, fields) => console.warn(event, fields),
    newClientToken = randomUUID,
    now,
  } = options;

  if (!instanceId || !contactFlowId || !webCallContactFlowId) {
    throw new TypeError('createStartChatHandler: instanceId and contactFlowId are required');
  }
  if (!/^https?:\/\/[^/]+$/.test(allowedOrigin)) {
    throw new TypeError(
      'createStartChatHandler: allowedOrigin must be an origin like https://shop.example.com (no path, no trailing slash)',
    );
  }
  if (
    !Number.isInteger(chatDurationInMinutes) ||
    chatDurationInMinutes < 60 ||
    chatDurationInMinutes > 10_080
  ) {
    throw new RangeError('createStartChatHandler: chatDurationInMinutes must be 60–10080');
  }
  if (!Number.isInteger(throttledRetryAfterSeconds) || throttledRetryAfterSeconds < 1) {
    throw new RangeError(
      'createStartChatHandler: throttledRetryAfterSeconds must be a positive integer',
    );
  }
  const limiter: RateLimiter = createRateLimiter({ ...rateLimit, ...(now ? { now } : {}) });

  const respond = (
    response: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {},
  ): void => {
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Origin',
      ...headers,
    });
    response.end(JSON.stringify(body));
  };

  const corsHeaders = {
    'Access-Control-Allow-Origin': allowedOrigin,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  };

  const startChat = async (body: StartRequestBody, clientToken: string) => {
    const output = (await connect.send(
      new StartChatContactCommand({
        InstanceId: instanceId,
        ContactFlowId: contactFlowId,
        ParticipantDetails: { DisplayName: body.DisplayName },
        Attributes: body.Attributes,
        SupportedMessagingContentTypes: SUPPORTED_MESSAGING_CONTENT_TYPES,
        ChatDurationInMinutes: chatDurationInMinutes,
        ...(body.ResumeContactId === undefined
          ? {}
          : {
              PersistentChat: {
                RehydrationType: 'ENTIRE_PAST_SESSION',
                SourceContactId: body.ResumeContactId,
              },
            }),
        ClientToken: clientToken,
      }),
    )) as StartChatContactResponse;
    const { ContactId, ParticipantId, ParticipantToken } = output;
    if (!ContactId || !ParticipantId || !ParticipantToken) {
      throw new Error('StartChatContact answered without ids or token');
    }
    return { ContactId, ParticipantId, ParticipantToken } satisfies StartChatResponseBody;
  };

  const startWebCall = async (body: StartRequestBody, clientToken: string) => {
    const output = (await connect.send(
      new StartWebRTCContactCommand({
        InstanceId: instanceId,
        ContactFlowId: webCallContactFlowId,
        ParticipantDetails: { DisplayName: body.DisplayName },
        Attributes: body.Attributes,
        // Both sides may send video; screen sharing stays off unless you add it deliberately.
        AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
        ClientToken: clientToken,
      }),
    )) as StartWebRTCContactResponse;
    const { ContactId, ParticipantId, ParticipantToken, ConnectionData } = output;
    if (!ContactId || !ParticipantId || !ParticipantToken || !ConnectionData) {
      throw new Error('StartWebRTCContact answered without ids, token or connection data');
    }
    return {
      ContactId,
      ParticipantId,
      ParticipantToken,
      ConnectionData,
    } satisfies StartWebCallResponseBody;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (route === undefined) {
      respond(response, 404, { error: 'not_found' });
      return;
    }
    const origin = request.headers.origin;

    if (request.method === 'OPTIONS') {
      // Preflight: only the storefront gets the CORS grant; everyone else gets nothing to go on.
      if (origin !== allowedOrigin) {
        response.writeHead(403, { Vary: 'Origin', 'Cache-Control': 'no-store' }).end();
        return;
      }
      response.writeHead(204, { ...corsHeaders, Vary: 'Origin' }).end();
      return;
    }
    if (request.method !== 'POST') {
      respond(response, 405, { error: 'method_not_allowed' }, { Allow: 'POST, OPTIONS' });
      return;
    }
    // Browsers send Origin on every POST, so a missing or foreign one is not our storefront. Refusing
    // here (not only via CORS) stops other sites from creating contacts even if they never read the answer.
    if (origin !== allowedOrigin) {
      respond(response, 403, { error: 'origin_not_allowed' });
      return;
    }
    const cors = { 'Access-Control-Allow-Origin': allowedOrigin };

    const quota = limiter.take(rateLimitKey(clientIp(request)));
    if (!quota.allowed) {
      log('start-contact.rate-limited', { route });
      respond(
        response,
        429,
        { error: 'rate_limited' },
        {
          ...cors,
          'Retry-After': String(quota.retryAfterSeconds),
        },
      );
      return;
    }

    let body: StartRequestBody;
    try {
      const contentType = request.headers['content-type'] ?? '';
      // JSON only: a form or text/plain POST is a "simple" cross-site request that skips preflight.
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new HttpProblem(415, 'unsupported_media_type');
      }
      const json = await readJson(request, maxBodyBytes);
      const result = validateStartRequest(json, attributeRules, {
        allowResume: route === 'chat',
      });
      if (!result.ok) {
        respond(response, 400, { error: result.problem.code, field: result.problem.field }, cors);
        return;
      }
      body = result.body;
      if (body.ResumeContactId !== undefined) {
        const allowed = canResume ? await canResume(body.ResumeContactId, request) : false;
        if (!allowed) {
          throw new HttpProblem(403, 'resume_not_allowed');
        }
      }
    } catch (error) {
      if (error instanceof ClientGone) {
        log('start-contact.aborted', { route });
        return;
      }
      if (error instanceof HttpProblem) {
        const close: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
        respond(response, error.status, { error: error.code }, { ...cors, ...close });
        return;
      }
      throw error;
    }

    try {
      const clientToken = newClientToken();
      const answer =
        route === 'chat'
          ? await startChat(body, clientToken)
          : await startWebCall(body, clientToken);
      if (request.socket.destroyed || response.destroyed) {
        // The contact exists but nobody will get its token: say so, so it can be told from a real chat.
        log('start-contact.abandoned', { route, contactId: answer.ContactId });
        return;
      }
      // Ids are not secrets and help correlate with Connect's contact records; the token is never logged.
      log('start-contact.started', { route, contactId: answer.ContactId });
      respond(response, 200, answer, cors);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown';
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      // The AWS message can name the instance, flow or account: it stays in our logs only as a name.
      log('start-contact.failed', { route, error: name, status });
      if (isThrottling(error)) {
        // Connect is busy, not broken: the browser may try again later, as it would after our own 429.
        respond(
          response,
          429,
          { error: 'upstream_throttled' },
          { ...cors, 'Retry-After': String(throttledRetryAfterSeconds) },
        );
        return;
      }
      respond(response, 502, { error: 'contact_not_started' }, cors);
    }
  };

  // The returned promise never rejects: mounted as `void handler(req, res)`, a rejection would be an
  // unhandled rejection, which ends the Node process.
  return async (request, response) => {
    try {
      await handle(request, response);
    } catch (error) {
      try {
        log('start-contact.error', { error: error instanceof Error ? error.name : 'unknown' });
      } catch {
        // A failing log sink must not turn a 500 into a crash either.
      }
      if (!response.headersSent && !response.destroyed) {
        respond(response, 500, { error: 'internal_error' });
      } else {
        response.destroy();
      }
    }
  };
}

/**
 * Reads at most `limit` bytes and parses them as JSON. Past the limit it rejects at once and keeps
 * draining without storing, so the 413 answer still reaches the client (destroying the request
 * would reset the socket under it); that answer closes the connection.
 */
function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(new HttpProblem(413, 'body_too_large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      } else {
        reject(new HttpProblem(413, 'body_too_large'));
      }
    });
    // A client that resets the connection mid-body: the request errors (or just closes) before 'end'.
    request.on('error', () => reject(new ClientGone('client went away')));
    request.on('close', () => {
      if (!request.complete) {
        reject(new ClientGone('client went away'));
      }
    });
    request.on('end', () => {
      if (size > limit) {
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new HttpProblem(400, 'invalid_json'));
      }
    });
  });
}
