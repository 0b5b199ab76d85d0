import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { OperationName } from '../core/protocol/types';
import {
  type AdminHandler,
  contactTranscript,
  createChat,
  createParticipant,
  createWebrtc,
  describeContact,
  injectFault,
  injectItem,
  listContacts,
  registerView,
  setScanning,
  setScreenShare,
  showView,
  stopContact,
} from './adminHandlers';
import { adminAccess } from './adminAccess';
import { handleDownload, handleUpload } from './blobHandlers';
import { handleAuthorize, startAuthentication } from './customerAuthentication';
import { setProcessing } from './messageProcessing';
import type { EmulatorContext } from './context';
import {
  answerPreflight,
  parseJsonObject,
  readBody,
  restrictCors,
  sendError,
  sendJson,
} from './http';
import {
  type ParticipantHandler,
  cancelParticipantAuthentication,
  completeAttachmentUpload,
  createParticipantConnection,
  describeView,
  disconnectParticipant,
  getAttachment,
  getAuthenticationUrl,
  getTranscript,
  sendEvent,
  sendMessage,
  startAttachmentUpload,
} from './participantHandlers';
import { ServiceError, errorNameForStatus } from './serviceError';

type Method = 'GET' | 'POST' | 'PUT' | 'HEAD';

type Run = (
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  params: Record<string, string>,
  requestId: string,
) => Promise<void> | void;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<Method, Run>>;
}

const INJECTED_MESSAGES: Record<403 | 429 | 500 | 503, string> = {
  403: 'Access denied',
  429: 'Rate exceeded',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function participantRoute(operation: OperationName, handler: ParticipantHandler): Run {
  return async (ctx, request, response, params, requestId) => {
    const bytes = await readBody(request, ctx.limits.maxBodyBytes);
    const injected = ctx.faults.takeFailure(operation);
    if (injected !== undefined) {
      throw new ServiceError(errorNameForStatus(injected), INJECTED_MESSAGES[injected]);
    }
    const body = request.method === 'GET' ? {} : parseJsonObject(bytes);
    const bearer = request.headers['x-amz-bearer'];
    const result = handler(ctx, {
      body,
      bearer: typeof bearer === 'string' ? bearer : undefined,
      params,
    });
    sendJson(response, 200, result, requestId);
  };
}

function adminRoute(handler: AdminHandler): Run {
  return async (ctx, request, response, params, requestId) => {
    const bytes = await readBody(request, ctx.limits.maxBodyBytes);
    const body = request.method === 'GET' ? {} : parseJsonObject(bytes);
    sendJson(response, 200, handler(ctx, { body, params }), requestId);
  };
}

const CONTACT = '(?<ContactId>[^/]+)';

/** Every HTTP route of the emulator: the 11 Participant Service operations, the admin API, the fake S3 and auth URLs. */
const ROUTES: readonly Route[] = [
  {
    pattern: /^\/participant\/connection$/,
    methods: { POST: participantRoute('CreateParticipantConnection', createParticipantConnection) },
  },
  {
    pattern: /^\/participant\/message$/,
    methods: { POST: participantRoute('SendMessage', sendMessage) },
  },
  {
    pattern: /^\/participant\/event$/,
    methods: { POST: participantRoute('SendEvent', sendEvent) },
  },
  {
    pattern: /^\/participant\/transcript$/,
    methods: { POST: participantRoute('GetTranscript', getTranscript) },
  },
  {
    pattern: /^\/participant\/disconnect$/,
    methods: { POST: participantRoute('DisconnectParticipant', disconnectParticipant) },
  },
  {
    pattern: /^\/participant\/start-attachment-upload$/,
    methods: { POST: participantRoute('StartAttachmentUpload', startAttachmentUpload) },
  },
  {
    pattern: /^\/participant\/complete-attachment-upload$/,
    methods: { POST: participantRoute('CompleteAttachmentUpload', completeAttachmentUpload) },
  },
  {
    pattern: /^\/participant\/attachment$/,
    methods: { POST: participantRoute('GetAttachment', getAttachment) },
  },
  {
    pattern: /^\/participant\/views\/(?<ViewToken>[^/]+)$/,
    methods: { GET: participantRoute('DescribeView', describeView) },
  },
  {
    pattern: /^\/participant\/authentication-url$/,
    methods: { POST: participantRoute('GetAuthenticationUrl', getAuthenticationUrl) },
  },
  {
    pattern: /^\/participant\/cancel-authentication$/,
    methods: {
      POST: participantRoute('CancelParticipantAuthentication', cancelParticipantAuthentication),
    },
  },
  { pattern: /^\/admin\/chat$/, methods: { POST: adminRoute(createChat) } },
  { pattern: /^\/admin\/webrtc$/, methods: { POST: adminRoute(createWebrtc) } },
  { pattern: /^\/admin\/faults$/, methods: { POST: adminRoute(injectFault) } },
  { pattern: /^\/admin\/contacts$/, methods: { GET: adminRoute(listContacts) } },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}$`),
    methods: { GET: adminRoute(describeContact) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/participants$`),
    methods: { POST: adminRoute(createParticipant) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/stop$`),
    methods: { POST: adminRoute(stopContact) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/transcript$`),
    methods: { GET: adminRoute(contactTranscript) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/items$`),
    methods: { POST: adminRoute(injectItem) },
  },
  { pattern: /^\/admin\/views$/, methods: { POST: adminRoute(registerView) } },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/views$`),
    methods: { POST: adminRoute(showView) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/scanning$`),
    methods: { POST: adminRoute(setScanning) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/authenticate$`),
    methods: { POST: adminRoute(startAuthentication) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/processing$`),
    methods: { POST: adminRoute(setProcessing) },
  },
  {
    pattern: new RegExp(`^/admin/contacts/${CONTACT}/screenshare$`),
    methods: { POST: adminRoute(setScreenShare) },
  },
  {
    pattern: /^\/attachments\/upload\/(?<key>[^/]+)$/,
    methods: {
      PUT: (ctx, request, response, params, id) =>
        handleUpload(ctx, request, response, params.key ?? '', id),
    },
  },
  {
    pattern: /^\/attachments\/download\/(?<key>[^/]+)$/,
    methods: {
      GET: (ctx, request, response, params, id) =>
        handleDownload(ctx, request, response, params.key ?? '', id),
      HEAD: (ctx, request, response, params, id) =>
        handleDownload(ctx, request, response, params.key ?? '', id),
    },
  },
  {
    pattern: /^\/auth\/authorize$/,
    methods: {
      GET: (ctx, request, response, _params, id) => handleAuthorize(ctx, request, response, id),
      POST: (ctx, request, response, _params, id) => handleAuthorize(ctx, request, response, id),
    },
  },
];

function match(pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (found) {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(found.groups ?? {})) {
        try {
          params[name] = decodeURIComponent(value);
        } catch {
          throw new ServiceError('ValidationException', `Malformed URI label ${name}`);
        }
      }
      return { route, params };
    }
  }
  return undefined;
}

async function route(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://emulator.invalid');
  const found = match(pathname);
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    // The admin API creates contacts and hands out tokens: loopback callers only (see adminAccess).
    const access = adminAccess(request, new URL(ctx.httpBase()).hostname);
    restrictCors(response, access.allowed ? access.cors : { Vary: 'Origin' });
    if (!access.allowed) {
      throw new ServiceError('AccessDeniedException', access.reason);
    }
  }
  if (request.method === 'OPTIONS') {
    answerPreflight(
      request,
      response,
      found ? Object.keys(found.route.methods) : ['GET', 'POST', 'PUT', 'HEAD'],
    );
    return;
  }
  if (!found) {
    throw new ServiceError(
      'UnknownOperationException',
      `No operation at ${request.method ?? ''} ${pathname}`,
    );
  }
  const run = found.route.methods[request.method as Method];
  if (!run) {
    const error = new ServiceError(
      'UnknownOperationException',
      `Method ${request.method ?? ''} is not allowed on ${pathname}`,
      {},
      405,
    );
    sendError(response, error, requestId, {
      Allow: [...Object.keys(found.route.methods), 'OPTIONS'].join(', '),
    });
    return;
  }
  await run(ctx, request, response, found.params, requestId);
}

/**
 * The HTTP request listener of the emulator. Every failure becomes a JSON error answer: a
 * ServiceError as itself, anything unexpected as 500 InternalServerException; the server keeps
 * serving either way.
 *
 * @example
 * ```ts
 * const server = createServer(createRequestListener(ctx));
 * ```
 */
export function createRequestListener(ctx: EmulatorContext): RequestListener {
  return (request, response) => {
    const requestId = randomUUID();
    route(ctx, request, response, requestId).catch((error: unknown) => {
      if (response.headersSent) {
        ctx.logger.error('error after the response started', error);
        response.destroy();
        return;
      }
      if (error instanceof ServiceError) {
        if (error.status === 413) {
          // Stop reading an oversized body: answer, then drop the connection.
          sendError(response, error, requestId, { Connection: 'close' });
          response.on('finish', () => request.destroy());
          return;
        }
        sendError(response, error, requestId);
        return;
      }
      ctx.logger.error(`unexpected error on ${request.method ?? ''} ${request.url ?? ''}`, error);
      sendError(
        response,
        new ServiceError('InternalServerException', 'Internal Server Error'),
        requestId,
      );
    });
  };
}
