/**
 * The emulator's "Authenticate customer" flow block and its stand-in for the Cognito hosted sign-in
 * page that GetAuthenticationUrl points at.
 *
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ContentType } from '../core/protocol/contentTypes';
import type { AdminHandler } from './adminHandlers';
import { SYSTEM_SENDER, publish } from './chatActions';
import type { EmulatorContext } from './context';
import { requireActiveContact } from './requireContact';
import { readBody } from './http';
import type { AuthenticationRecord, ContactRecord } from './store';
import { optionalInteger, redirectTarget } from './validation';

/**
 * The default timeout of the emulated block, in seconds.
 *
 * @example
 * ```ts
 * const waitMs = DEFAULT_AUTHENTICATION_TIMEOUT_SECONDS * 1000;
 * ```
 */
export const DEFAULT_AUTHENTICATION_TIMEOUT_SECONDS = 300;
/**
 * The longest timeout the admin route accepts, in seconds.
 *
 * @example
 * ```ts
 * const ok = timeoutSeconds <= MAX_AUTHENTICATION_TIMEOUT_SECONDS;
 * ```
 */
export const MAX_AUTHENTICATION_TIMEOUT_SECONDS = 3600;

type Outcome = Exclude<AuthenticationRecord['status'], 'INITIATED'>;

const OUTCOME_CONTENT_TYPES: Readonly<Record<Outcome, string>> = {
  SUCCEEDED: ContentType.authenticationSucceeded,
  FAILED: ContentType.authenticationFailed,
  TIMEOUT: ContentType.authenticationTimeout,
  CANCELLED: ContentType.authenticationCancelled,
};

/**
 * Ends the contact's pending authentication with `outcome` and emits its event (Content
 * `{"SessionId":…}`). Returns `false`, emitting nothing, when the session is not the contact's
 * pending one or the contact ended.
 *
 * @example
 * ```ts
 * settleAuthentication(ctx, contact, sessionId, 'CANCELLED');
 * ```
 */
export function settleAuthentication(
  ctx: EmulatorContext,
  contact: ContactRecord,
  sessionId: string,
  outcome: Outcome,
): boolean {
  const record = contact.authentication;
  if (
    !record ||
    record.sessionId !== sessionId ||
    record.status !== 'INITIATED' ||
    contact.status !== 'active'
  ) {
    return false;
  }
  record.status = outcome;
  publish(ctx, contact, {
    Type: 'EVENT',
    ContentType: OUTCOME_CONTENT_TYPES[outcome],
    Content: JSON.stringify({ SessionId: sessionId }),
    ...SYSTEM_SENDER,
  });
  ctx.logger.info(`contact ${contact.contactId}: authentication ${outcome.toLowerCase()}`);
  return true;
}

/**
 * The active contact whose authentication session is `sessionId`, if any.
 *
 * @example
 * ```ts
 * const contact = contactOfAuthentication(ctx, sessionId);
 * ```
 */
export function contactOfAuthentication(
  ctx: EmulatorContext,
  sessionId: string,
): ContactRecord | undefined {
  return ctx.store
    .listContacts()
    .find((contact) => contact.authentication?.sessionId === sessionId);
}

/**
 * `POST /admin/contacts/{ContactId}/authenticate` (emulator extension) `{TimeoutSeconds?}`: runs an
 * "Authenticate customer" block on the contact. Emits `authentication.initiated` with Content
 * `{"SessionId":…}`; the customer then signs in on the page GetAuthenticationUrl points at
 * (`authentication.succeeded`), is denied there (`authentication.failed`), cancels with
 * CancelParticipantAuthentication (`authentication.cancelled`), or the block times out after
 * `TimeoutSeconds` (default 300, 1–3600: `authentication.timeout`). A new run replaces a pending
 * one. Returns `{ContactId, SessionId, Status: 'INITIATED', TimeoutSeconds}`; the state shows under
 * `Authentication` in `GET /admin/contacts/{ContactId}`.
 *
 * @example
 * ```ts
 * await fetch(`${url}/admin/contacts/${contactId}/authenticate`, { method: 'POST', body: JSON.stringify({ TimeoutSeconds: 60 }) });
 * ```
 */
export const startAuthentication: AdminHandler = (ctx, { body, params }) => {
  const contact = requireActiveContact(ctx, params.ContactId);
  const timeoutSeconds =
    optionalInteger(body, 'TimeoutSeconds', 1, MAX_AUTHENTICATION_TIMEOUT_SECONDS) ??
    DEFAULT_AUTHENTICATION_TIMEOUT_SECONDS;
  const sessionId = ctx.store.id();
  contact.authentication = { sessionId, status: 'INITIATED', timeoutSeconds, urlIssued: false };
  publish(ctx, contact, {
    Type: 'EVENT',
    ContentType: ContentType.authenticationInitiated,
    Content: JSON.stringify({ SessionId: sessionId }),
    ...SYSTEM_SENDER,
  });
  ctx.timers.set(() => {
    settleAuthentication(ctx, contact, sessionId, 'TIMEOUT');
  }, timeoutSeconds * 1000);
  return {
    ContactId: contact.contactId,
    SessionId: sessionId,
    Status: 'INITIATED',
    TimeoutSeconds: timeoutSeconds,
  };
};

/**
 * The `Authentication` member of `GET /admin/contacts/{ContactId}`.
 *
 * @example
 * ```ts
 * authenticationSummary(contact); // { SessionId, Status: 'INITIATED', TimeoutSeconds: 300, UrlIssued: false }
 * ```
 */
export function authenticationSummary(contact: ContactRecord): Record<string, unknown> | undefined {
  const record = contact.authentication;
  return record
    ? {
        SessionId: record.sessionId,
        Status: record.status,
        TimeoutSeconds: record.timeoutSeconds,
        UrlIssued: record.urlIssued,
      }
    : undefined;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendText(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  requestId: string,
): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
    // The page runs no script; it only posts its form back here.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'x-amz-request-id': requestId,
  });
  response.end(body);
}

function signInPage(sessionId: string, redirectUri: string): string {
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in (contact-kit emulator)</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f3f4f6; color: #111827; }
main { background: #fff; padding: 2rem; border-radius: 12px; max-width: 22rem; box-shadow: 0 2px 12px rgb(0 0 0 / 0.1); }
h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
p { margin: 0 0 1.5rem; color: #374151; }
.actions { display: flex; gap: 0.75rem; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #1d4ed8; cursor: pointer; }
#sign-in { background: #1d4ed8; color: #fff; }
#deny { background: #fff; color: #1d4ed8; }
</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p>This page stands in for your identity provider's sign-in page. Choose what the customer does.</p>
<form method="post" action="/auth/authorize">
${hidden('session_id', sessionId)}
${hidden('redirect_uri', redirectUri)}
<div class="actions">
<button id="sign-in" type="submit" name="decision" value="allow">Sign in</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
</main>
</body>
</html>
`;
}

/**
 * `GET /auth/authorize?session_id&redirect_uri`: the local sign-in page GetAuthenticationUrl points
 * at, with **Sign in** and **Deny** buttons (a form posted back to `POST /auth/authorize`); 400 when
 * `redirect_uri` is missing or not an http(s) URL.
 *
 * `POST /auth/authorize` (form `session_id`, `redirect_uri`, `decision=allow|deny`): emits
 * `authentication.succeeded` (allow) or `authentication.failed` (deny) on the contact whose pending
 * authentication has that SessionId, then redirects (303) to `redirect_uri` with
 * `code=…&state=<SessionId>` or `error=access_denied&state=<SessionId>`, like a Cognito hosted UI.
 *
 * @example
 * ```ts
 * window.open(AuthenticationUrl); // the sign-in page; "Sign in" lands on redirect_uri?code=…&state=…
 * ```
 */
export async function handleAuthorize(
  ctx: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  let fields = url.searchParams;
  if (request.method === 'POST') {
    const bytes = await readBody(request, ctx.limits.maxBodyBytes);
    fields = new URLSearchParams(bytes.toString('utf8'));
  }
  const redirect = fields.get('redirect_uri');
  const sessionId = fields.get('session_id') ?? '';
  const target = redirectTarget(redirect);
  if (!target) {
    sendText(
      response,
      400,
      'text/plain',
      'redirect_uri is missing or not an http(s) URL',
      requestId,
    );
    return;
  }
  if (request.method !== 'POST') {
    sendText(response, 200, 'text/html', signInPage(sessionId, target.toString()), requestId);
    return;
  }
  const allow = fields.get('decision') === 'allow';
  const contact = contactOfAuthentication(ctx, sessionId);
  if (contact) {
    settleAuthentication(ctx, contact, sessionId, allow ? 'SUCCEEDED' : 'FAILED');
  }
  if (allow) {
    target.searchParams.set('code', 'emulator-authorization-code');
  } else {
    target.searchParams.set('error', 'access_denied');
  }
  target.searchParams.set('state', sessionId);
  response.writeHead(303, {
    Location: target.toString(),
    'Content-Length': '0',
    'Cache-Control': 'no-store',
  });
  response.end();
}
