import { ChatError } from '../../protocol/errors';

/**
 * One upload of file bytes to a pre-signed URL (StartAttachmentUpload's `UploadMetadata`).
 *
 * @example
 * ```ts
 * createChatSession({
 *   participantToken,
 *   region: 'us-east-1',
 *   upload: async ({ url, headers, body, onProgress }) => {
 *     await fetch(url, { method: 'PUT', headers, body });
 *     onProgress?.(1);
 *   },
 * });
 * ```
 */
export interface UploadRequest {
  readonly url: string;
  /** Exactly `UploadMetadata.HeadersToInclude`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Blob;
  readonly signal?: AbortSignal | undefined;
  /** Fraction uploaded, 0..1. */
  onProgress?(fraction: number): void;
}

/**
 * Uploads bytes; resolves when the server answered 2xx, rejects with a `ChatError`
 * (`ATTACHMENT_UPLOAD_FAILED`) otherwise.
 *
 * @example
 * ```ts
 * createChatSession({
 *   participantToken,
 *   region: 'us-east-1',
 *   upload: (request) => uploadThroughProxy(request), // resolve on 2xx, reject otherwise
 * });
 * ```
 */
export type UploadFunction = (request: UploadRequest) => Promise<void>;

/** The parts of `XMLHttpRequest` the uploader uses. */
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob): void;
  abort(): void;
  readonly status: number;
  readonly upload: {
    onprogress:
      ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/**
 * Where the uploader gets its transport. Both are looked up at call time when not given.
 *
 * @example
 * ```ts
 * createUploader({ fetch: myFetch, XMLHttpRequest: null }); // force fetch
 * ```
 */
export interface UploaderOptions {
  /** Used when no XMLHttpRequest is available. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** For upload progress. Defaults to `globalThis.XMLHttpRequest`; `null` turns it off. */
  XMLHttpRequest?: (new () => unknown) | null | undefined;
}

/** Browsers refuse to set these (and fetch computes them); sending them would only fail. */
const FORBIDDEN_HEADERS = new Set(['content-length', 'host', 'connection']);

const uploadFailed = (message: string, cause?: unknown): ChatError =>
  new ChatError('ATTACHMENT_UPLOAD_FAILED', message, { cause, retryable: true });

function withXhr(Xhr: new () => unknown, request: UploadRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new Xhr() as XhrLike;
    const onAbort = (): void => xhr.abort();
    xhr.open('PUT', request.url);
    for (const [name, value] of Object.entries(request.headers)) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) {
        xhr.setRequestHeader(name, value);
      }
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        request.onProgress?.(event.loaded / event.total);
      }
    };
    // However the request ends, the caller's signal (which may outlive it) keeps no listener.
    const settle = (error?: ChatError): void => {
      request.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) {
        resolve();
      } else {
        reject(error);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress?.(1);
        settle();
      } else {
        settle(uploadFailed(`The upload was refused (HTTP ${xhr.status})`));
      }
    };
    xhr.onerror = () => settle(uploadFailed('The upload failed (network error)'));
    xhr.onabort = () => settle(uploadFailed('The upload was aborted'));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(request.body);
  });
}

async function withFetch(fetchImpl: typeof fetch, request: UploadRequest): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) {
      headers[name] = value;
    }
  }
  request.onProgress?.(0);
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'PUT',
      headers,
      body: request.body,
      signal: request.signal ?? null,
    });
  } catch (error) {
    throw uploadFailed('The upload failed (network error)', error);
  }
  if (!response.ok) {
    throw uploadFailed(`The upload was refused (HTTP ${response.status})`);
  }
  request.onProgress?.(1);
}

/**
 * Creates the uploader: `XMLHttpRequest` when there is one (it reports upload progress), else
 * `fetch` (progress jumps from 0 to 1). Sends exactly the headers the service asked for, minus
 * the ones runtimes set themselves (`Content-Length`).
 *
 * @example
 * ```ts
 * const upload = createUploader({});
 * await upload({
 *   url: meta.Url!,
 *   headers: meta.HeadersToInclude ?? {},
 *   body: file,
 *   onProgress: (fraction) => console.log(Math.round(fraction * 100), '%'),
 * });
 * ```
 */
export function createUploader(options: UploaderOptions = {}): UploadFunction {
  return (request) => {
    const Xhr =
      options.XMLHttpRequest === undefined
        ? (globalThis as { XMLHttpRequest?: new () => unknown }).XMLHttpRequest
        : (options.XMLHttpRequest ?? undefined);
    if (Xhr !== undefined) {
      return withXhr(Xhr, request);
    }
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      return Promise.reject(uploadFailed('No fetch or XMLHttpRequest to upload with'));
    }
    return withFetch(fetchImpl, request);
  };
}
