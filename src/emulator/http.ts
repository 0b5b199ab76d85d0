import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ServiceError } from './serviceError';
import { type JsonObject, isJsonObject } from './validation';

const DEFAULT_ALLOWED_HEADERS =
  'content-type, x-amz-bearer, x-amz-date, x-amz-user-agent, x-amz-content-sha256, authorization, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request';
const EXPOSED_HEADERS =
  'x-amzn-RequestId, x-amzn-ErrorType, x-amz-request-id, ETag, Content-Length, Content-Disposition';

/**
 * CORS headers the emulator puts on every response. No credentials are involved, so `*` is fine.
 *
 * @example
 * ```ts
 * res.writeHead(200, { ...corsHeaders(), 'Content-Type': 'application/json' });
 * ```
 */
export function corsHeaders(): OutgoingHttpHeaders {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  };
}

/** Responses whose CORS headers are not the default (the admin API's loopback-only grant). */
const corsOverrides = new WeakMap<ServerResponse, OutgoingHttpHeaders>();

/**
 * Makes every later answer on `response` (JSON, errors, preflight) carry `headers` instead of the
 * default `*` grant, and no Private Network Access opt-in.
 *
 * @example
 * ```ts
 * restrictCors(response, { 'Access-Control-Allow-Origin': 'http://127.0.0.1:5173', Vary: 'Origin' });
 * ```
 */
export function restrictCors(response: ServerResponse, headers: OutgoingHttpHeaders): void {
  corsOverrides.set(response, headers);
}

function corsFor(response: ServerResponse): OutgoingHttpHeaders {
  return corsOverrides.get(response) ?? corsHeaders();
}

/**
 * Answers a CORS preflight: the route's methods and whatever headers the browser asked for.
 *
 * @example
 * ```ts
 * if (req.method === 'OPTIONS') return answerPreflight(req, res, ['GET', 'POST']);
 * ```
 */
export function answerPreflight(
  request: IncomingMessage,
  response: ServerResponse,
  methods: readonly string[],
): void {
  const requested = request.headers['access-control-request-headers'];
  const restricted = corsOverrides.has(response);
  const headers: OutgoingHttpHeaders = {
    ...corsFor(response),
    'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(', '),
    'Access-Control-Allow-Headers':
      typeof requested === 'string' && requested.trim() !== ''
        ? requested
        : DEFAULT_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  };
  if (!restricted && request.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  response.writeHead(204, headers);
  response.end();
}

/**
 * Sends a JSON body with the rest-json headers (`x-amzn-RequestId`, CORS).
 *
 * @example
 * ```ts
 * sendJson(res, 200, { Id, AbsoluteTime }, requestId);
 * ```
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  extra: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...corsFor(response),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    ...extra,
  });
  response.end(text);
}

/**
 * Sends a rest-json error: status, `x-amzn-ErrorType`, body `{"message": …}` plus extra members.
 *
 * @example
 * ```ts
 * sendError(res, new ServiceError('ConflictException', 'Already completed'), requestId);
 * ```
 */
export function sendError(
  response: ServerResponse,
  error: ServiceError,
  requestId: string,
  extra: OutgoingHttpHeaders = {},
): void {
  sendJson(response, error.status, { message: error.message, ...error.extra }, requestId, {
    'x-amzn-ErrorType': error.name,
    ...extra,
  });
}

/**
 * Reads a request body, refusing (413) as soon as it exceeds `maxBytes`: a declared
 * `Content-Length` over the limit is refused before reading anything.
 *
 * @example
 * ```ts
 * const bytes = await readBody(req, 1024 * 1024);
 * ```
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = (): ServiceError =>
    new ServiceError('RequestEntityTooLargeException', 'Request Too Long');
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        request.off('data', onData);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    request.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

/**
 * Parses a JSON request body. An empty body is `{}`; anything but a JSON object is a 400.
 *
 * @example
 * ```ts
 * const body = parseJsonObject(await readBody(req, max));
 * ```
 */
export function parseJsonObject(bytes: Buffer): JsonObject {
  const text = bytes.toString('utf8');
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      'ValidationException',
      `SerializationException: could not parse the request body as JSON (${(error as Error).message})`,
    );
  }
  if (!isJsonObject(parsed)) {
    throw new ServiceError(
      'ValidationException',
      'SerializationException: the request body must be a JSON object',
    );
  }
  return parsed;
}
