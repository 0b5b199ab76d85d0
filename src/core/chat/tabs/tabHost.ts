import type { Logger } from '../../logger';
import { ChatError } from '../../protocol/errors';
import type { SendableMessageContentType } from '../../protocol/contentTypes';
import type { AttachmentFile } from '../session/chatSession';
import type { ChatSessionLike } from '../session/chatSessionLike';
import {
  TAB_NOT_LEADER,
  encodeError,
  encodeSnapshot,
  isTabCallMethod,
  readTabMessage,
} from './tabMessages';
import type { EncodedError, TabMessage } from './tabMessages';
import type { BroadcastChannelLike } from './tabTransport';

/**
 * Options of {@link createTabHost}.
 *
 * @example
 * ```ts
 * const host = createTabHost({ channel, session, epoch: 4, tabId: 'tab-a', logger: defaultLogger });
 * host.destroy(); // when this tab stops leading
 * ```
 */
export interface TabHostOptions {
  channel: BroadcastChannelLike;
  /** The real session this (leader) tab holds. */
  session: ChatSessionLike;
  /** The leadership epoch this tab leads; calls for another epoch are refused with `TAB_NOT_LEADER`. */
  epoch: number;
  /**
   * Whether this tab still leads `epoch` (the election's word); calls are refused with
   * `TAB_NOT_LEADER` while it is false (a thawed tab that may have been replaced). Defaults to
   * always.
   */
  isLeader?: (() => boolean) | undefined;
  tabId: string;
  logger: Logger;
}

/**
 * The leader's end of the tab layer.
 *
 * @example
 * ```ts
 * const host = createTabHost({ channel, session, epoch, tabId, logger });
 * // … when leadership ends:
 * host.destroy();
 * ```
 */
export interface TabHost {
  /** Stops broadcasting and answering. The session is left as it is. */
  destroy(): void;
}

type Call = Extract<TabMessage, { kind: 'session.call' }>;

const invalid = (message: string): ChatError => new ChatError('MESSAGE_INVALID', message);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Options of a forwarded send: only the fields a follower may set. */
function sendOptions(value: unknown, method: string): Record<string, unknown> {
  if (value === undefined) {
    return {};
  }
  if (!isObject(value)) {
    throw invalid(`${method}: options must be an object`);
  }
  return value;
}

function stringArg(call: Call, index: number): string {
  const value = call.args[index];
  if (typeof value !== 'string') {
    throw invalid(`${call.method}: argument ${index + 1} must be a string`);
  }
  return value;
}

/** Runs one call on the session; throws `ChatError` for bad arguments. */
function run(session: ChatSessionLike, call: Call): unknown {
  switch (call.method) {
    case 'sendMessage': {
      const options = sendOptions(call.args[1], call.method);
      return session.sendMessage(stringArg(call, 0), {
        ...(options['localId'] !== undefined ? { localId: options['localId'] as string } : {}),
        ...(options['contentType'] !== undefined
          ? { contentType: options['contentType'] as SendableMessageContentType }
          : {}),
      });
    }
    case 'sendAttachment': {
      const file = call.args[0];
      const options = sendOptions(call.args[1], call.method);
      if (!(file instanceof Blob)) {
        throw invalid('sendAttachment: argument 1 must be a File or Blob');
      }
      // A Blob's `name` is not part of its structured clone: the follower sends it along.
      if (typeof (file as Partial<AttachmentFile>).name !== 'string') {
        Object.defineProperty(file, 'name', {
          value: typeof options['name'] === 'string' ? options['name'] : 'attachment',
        });
      }
      return session.sendAttachment(file as AttachmentFile, {
        ...(options['localId'] !== undefined ? { localId: options['localId'] as string } : {}),
      });
    }
    case 'sendTyping':
      return session.sendTyping();
    case 'markRead':
      return session.markRead(stringArg(call, 0));
    case 'retry':
      return session.retry(stringArg(call, 0));
    case 'loadOlder':
      return session.loadOlder();
    case 'endChat':
      return session.endChat();
    case 'getAttachmentUrl':
      if (session.getAttachmentUrl === undefined) {
        throw invalid('getAttachmentUrl: this session has no attachment downloads');
      }
      return session.getAttachmentUrl(stringArg(call, 0));
    case 'getAuthenticationUrl':
      if (session.getAuthenticationUrl === undefined) {
        throw invalid('getAuthenticationUrl: this session has no customer authentication');
      }
      return session.getAuthenticationUrl(stringArg(call, 0), stringArg(call, 1));
    case 'cancelAuthentication':
      if (session.cancelAuthentication === undefined) {
        throw invalid('cancelAuthentication: this session has no customer authentication');
      }
      return session.cancelAuthentication(stringArg(call, 0));
    case 'describeView':
      if (session.describeView === undefined) {
        throw invalid('describeView: this session has no step-by-step guides');
      }
      return session.describeView(stringArg(call, 0));
  }
}

/**
 * Serves a real session to the other tabs over `channel`: broadcasts its snapshot on every
 * change (at most one `session.snapshot` per microtask; the first at once), answers
 * `session.sync` at once, and runs `session.call`s, answering each with `session.result`.
 * A call for another epoch, or while `isLeader()` says no, is refused with `TAB_NOT_LEADER`
 * (the follower sends it again to the next leader); an unknown method or bad arguments get `MESSAGE_INVALID`; a `ChatError` the
 * session throws (misuse: `CHAT_ENDED`, `MESSAGE_INVALID`…) or rejects with goes back encoded.
 * Nothing a follower sends makes the host throw.
 *
 * @example
 * ```ts
 * const session = createChatSession({ participantToken, region: 'us-east-1' });
 * session.connect();
 * const host = createTabHost({
 *   channel: new BroadcastChannel('contact-kit.chat'),
 *   session,
 *   epoch: 1,
 *   tabId: crypto.randomUUID(),
 *   logger: defaultLogger,
 * });
 * ```
 */
export function createTabHost(options: TabHostOptions): TabHost {
  const { channel, session, epoch, tabId, logger } = options;
  let destroyed = false;
  let scheduled = false;

  function post(message: TabMessage): void {
    if (destroyed) {
      return;
    }
    try {
      channel.postMessage(message);
    } catch (error) {
      logger.warn('Could not post to the other tabs', error);
    }
  }

  function postSnapshot(): void {
    post({
      kind: 'session.snapshot',
      epoch,
      tabId,
      snapshot: encodeSnapshot(session.getSnapshot()),
    });
  }

  function scheduleSnapshot(): void {
    if (scheduled || destroyed) {
      return;
    }
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      postSnapshot();
    });
  }

  const answer = (
    call: Call,
    result: { ok: true; value: unknown } | { ok: false; error: EncodedError },
  ): void => post({ kind: 'session.result', epoch, tabId: call.tabId, id: call.id, ...result });

  function handleCall(call: Call): void {
    if (call.epoch !== epoch || options.isLeader?.() === false) {
      answer(call, {
        ok: false,
        error: {
          code: TAB_NOT_LEADER,
          message:
            call.epoch !== epoch
              ? `This tab leads epoch ${epoch}, not ${call.epoch}`
              : `This tab may no longer lead epoch ${epoch}`,
          retryable: true,
        },
      });
      return;
    }
    if (!isTabCallMethod(call.method)) {
      answer(call, {
        ok: false,
        error: encodeError(invalid(`Unknown method ${String(call.method)}`)),
      });
      return;
    }
    let value: unknown;
    try {
      value = run(session, call);
    } catch (error) {
      answer(call, { ok: false, error: encodeError(error) });
      return;
    }
    if (value instanceof Promise) {
      value.then(
        (resolved: unknown) => answer(call, { ok: true, value: resolved }),
        (error: unknown) => answer(call, { ok: false, error: encodeError(error) }),
      );
      return;
    }
    answer(call, { ok: true, value });
  }

  const onMessage = (event: { data: unknown }): void => {
    if (destroyed) {
      return;
    }
    const message = readTabMessage(event.data, logger);
    if (message?.kind === 'session.sync') {
      postSnapshot();
    } else if (message?.kind === 'session.call') {
      handleCall(message);
    }
  };

  channel.addEventListener('message', onMessage);
  const unsubscribe = session.subscribe(scheduleSnapshot);
  postSnapshot();

  return {
    destroy() {
      if (destroyed) {
        return;
      }
      destroyed = true;
      unsubscribe();
      channel.removeEventListener('message', onMessage);
    },
  };
}
