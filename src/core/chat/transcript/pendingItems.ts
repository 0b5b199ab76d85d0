import { ContentType } from '../../protocol/contentTypes';
import type { ChatError } from '../../protocol/errors';
import type { ChatAttachment, ChatItem } from './chatItem';
import { toProcessingStatus } from './chatItem';
import type { Draft } from './draft';
import {
  beginDraft,
  commitDraft,
  getHeld,
  getItem,
  markReceived,
  ownId,
  putItem,
  removeItem,
  setProcessing,
  writableHeld,
  writableLocalIds,
} from './draft';
import { isValidTime } from './itemOrder';
import { confirmWith, replaceSend, settleHeld } from './reconcileOwnSends';
import type { Transcript } from './transcript';

/**
 * An own message about to be sent.
 *
 * @example
 * ```ts
 * transcript = addPendingMessage(transcript, { localId: clientToken, contentType: 'text/plain', content: 'Hi', time: new Date(clock.now()).toISOString() });
 * ```
 */
export interface PendingMessage {
  /** The ClientToken of the SendMessage call: the item's id until confirmed. */
  localId: string;
  /** `text/plain`, `text/markdown` or `application/json`. */
  contentType: string;
  /** The message text. */
  content: string;
  /** Local time of the send, ISO-8601. */
  time: string;
  /** Our participant id. Defaults to the transcript's `ownParticipantId`. */
  participantId?: string;
  /** Our display name. */
  displayName?: string;
}

/**
 * An own attachment about to be uploaded.
 *
 * @example
 * ```ts
 * transcript = addPendingAttachment(transcript, { localId, name: file.name, size: file.size, contentType: 'application/pdf', time });
 * ```
 */
export interface PendingAttachment {
  /** The ClientToken of the upload: the item's id until confirmed. */
  localId: string;
  /** File name. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** MIME type. */
  contentType: string;
  /** Local time of the send, ISO-8601. */
  time: string;
  /** Our participant id. Defaults to the transcript's `ownParticipantId`. */
  participantId?: string;
  /** Our display name. */
  displayName?: string;
}

function sendItem(
  transcript: Transcript,
  send: {
    localId: string;
    contentType: string;
    time: string;
    participantId?: string;
    displayName?: string;
  },
  what: string,
): ChatItem {
  if (!send.localId) {
    throw new TypeError(`${what}: localId must not be empty`);
  }
  if (transcript.localIds.has(send.localId) || transcript.byId.has(send.localId)) {
    throw new TypeError(`${what}: localId "${send.localId}" is already used`);
  }
  if (!isValidTime(send.time)) {
    throw new TypeError(`${what}: time must be an ISO-8601 string`);
  }
  const item: ChatItem = {
    id: send.localId,
    localId: send.localId,
    type: 'message',
    contentType: send.contentType,
    time: send.time,
    isOwn: true,
    status: 'sending',
    receipts: [],
  };
  const participantId = send.participantId ?? transcript.ownParticipantId;
  if (participantId !== undefined) {
    item.participantId = participantId;
  }
  if (send.displayName !== undefined) {
    item.displayName = send.displayName;
  }
  return item;
}

function add(transcript: Transcript, item: ChatItem): Transcript {
  const d = beginDraft(transcript);
  putItem(d, item);
  writableLocalIds(d).set(item.localId!, item.id);
  return commitDraft(d);
}

/**
 * Adds an own message as `sending`, with `id` = `localId`, before SendMessage is called.
 * Interactive responses are not transcript rows (protocol §7.7): send those without a pending item.
 *
 * @throws TypeError when `localId` is empty or already used, `time` is not ISO-8601, or the
 * content type is the interactive response type.
 *
 * @example
 * ```ts
 * transcript = addPendingMessage(transcript, { localId, contentType: 'text/plain', content: 'Hi', time });
 * ```
 */
export function addPendingMessage(transcript: Transcript, message: PendingMessage): Transcript {
  if (message.contentType === ContentType.interactiveResponse) {
    throw new TypeError(
      'addPendingMessage: interactive responses are not shown; send them without a pending item',
    );
  }
  return add(transcript, {
    ...sendItem(transcript, message, 'addPendingMessage'),
    content: message.content,
  });
}

/**
 * Adds an own attachment as `sending`, its file `uploading` at progress 0.
 *
 * @throws TypeError when `localId` is empty or already used, or `time` is not ISO-8601.
 *
 * @example
 * ```ts
 * transcript = addPendingAttachment(transcript, { localId, name: file.name, size: file.size, contentType, time });
 * ```
 */
export function addPendingAttachment(
  transcript: Transcript,
  attachment: PendingAttachment,
): Transcript {
  const item = sendItem(transcript, attachment, 'addPendingAttachment');
  item.type = 'attachment';
  item.attachments = [
    {
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.size,
      status: 'uploading',
      progress: 0,
    },
  ];
  return add(transcript, item);
}

function sendOf(transcript: Transcript, localId: string, what: string): ChatItem {
  const id = transcript.localIds.get(localId);
  const item = id === undefined ? undefined : transcript.byId.get(id);
  if (!item) {
    throw new TypeError(`${what}: no own send with localId "${localId}"`);
  }
  return item;
}

function updateSend(transcript: Transcript, next: ChatItem): Transcript {
  const d = beginDraft(transcript);
  putItem(d, next);
  settleHeld(d);
  return commitDraft(d);
}

function firstAttachment(send: ChatItem, what: string): ChatAttachment {
  const attachment = send.type === 'attachment' ? send.attachments?.[0] : undefined;
  if (!attachment) {
    throw new TypeError(`${what}: the send is not an attachment`);
  }
  return attachment;
}

/** The own send takes the Id the service gave it, and merges with its echo if one is known. */
function confirmInDraft(d: Draft, send: ChatItem, id: string, time: string): void {
  const known = getItem(d, id);
  if (known && known !== send) {
    if (known.localId !== undefined) {
      // Another own send already holds this Id (it matched the echo by content): one row.
      removeItem(d, send.id);
      writableLocalIds(d).set(send.localId!, id);
      return;
    }
    // The echo arrived first as a row of its own (e.g. our participant id was not known yet).
    if (ownId(d) === undefined && known.participantId !== undefined) {
      d.learnedOwnParticipantId = known.participantId;
    }
    replaceSend(d, send, confirmWith(send, known));
    return;
  }
  const held = getHeld(d).get(id);
  if (held) {
    writableHeld(d).delete(id);
    replaceSend(d, send, confirmWith(send, held));
    markReceived(d, held);
    return;
  }
  const confirmed: ChatItem = { ...send, id, time, status: 'sent' };
  delete confirmed.error;
  replaceSend(d, send, confirmed);
}

/**
 * Confirms an own message with the SendMessage response: it takes the server's `Id` and
 * `AbsoluteTime` and becomes `sent`. Its websocket echo, whether it arrived before or after,
 * merges into it: the message is never shown twice. Confirming a send that is already `sent`
 * changes nothing.
 *
 * @throws TypeError when no own send has this `localId` or the response has no `Id`.
 *
 * @example
 * ```ts
 * const response = await api.sendMessage(token, { ContentType, Content, ClientToken: localId });
 * transcript = confirmPending(transcript, localId, response);
 * ```
 */
export function confirmPending(
  transcript: Transcript,
  localId: string,
  response: {
    Id?: string | undefined;
    AbsoluteTime?: string | undefined;
    MessageMetadata?: { MessageProcessingStatus?: string | undefined } | undefined;
  },
): Transcript {
  const send = sendOf(transcript, localId, 'confirmPending');
  if (!response.Id) {
    throw new TypeError('confirmPending: the response has no Id');
  }
  if (send.status === 'sent') {
    return transcript;
  }
  const d = beginDraft(transcript);
  const processing = toProcessingStatus(response.MessageMetadata?.MessageProcessingStatus);
  // An echo already here was delivered: a `processing` in the response is over by now.
  const echoed = getItem(d, response.Id) !== undefined || getHeld(d).has(response.Id);
  confirmInDraft(
    d,
    send,
    response.Id,
    isValidTime(response.AbsoluteTime) ? response.AbsoluteTime : send.time,
  );
  if (processing !== undefined && !(echoed && processing === 'processing')) {
    setProcessing(d, response.Id, processing);
  }
  settleHeld(d);
  const next = commitDraft(d);
  return d.learnedOwnParticipantId !== undefined && next.ownParticipantId === undefined
    ? { ...next, ownParticipantId: d.learnedOwnParticipantId }
    : next;
}

/**
 * Marks an own send `failed` with its error (an attachment's file too, e.g. with
 * `ATTACHMENT_QUOTA_EXCEEDED`). A send already confirmed stays `sent`.
 *
 * @throws TypeError when no own send has this `localId`.
 *
 * @example
 * ```ts
 * transcript = failPending(transcript, localId, new ChatError('SEND_FAILED', 'Message not sent'));
 * ```
 */
export function failPending(transcript: Transcript, localId: string, error: ChatError): Transcript {
  const send = sendOf(transcript, localId, 'failPending');
  if (send.status === 'sent' || (send.status === 'failed' && send.error === error)) {
    return transcript;
  }
  const next: ChatItem = { ...send, status: 'failed', error };
  if (send.type === 'attachment' && send.attachments) {
    next.attachments = send.attachments.map((attachment) => {
      const failed: ChatAttachment = { ...attachment, status: 'failed', error };
      delete failed.progress;
      return failed;
    });
  }
  return updateSend(transcript, next);
}

/**
 * Puts a failed own send back to `sending` (an attachment back to `uploading` at progress 0)
 * before it is sent again with the same ClientToken. Anything but a failed send is left alone.
 *
 * @throws TypeError when no own send has this `localId`.
 *
 * @example
 * ```ts
 * transcript = retryPending(transcript, localId);
 * ```
 */
export function retryPending(transcript: Transcript, localId: string): Transcript {
  const send = sendOf(transcript, localId, 'retryPending');
  if (send.status !== 'failed') {
    return transcript;
  }
  const next: ChatItem = { ...send, status: 'sending' };
  delete next.error;
  if (send.type === 'attachment' && send.attachments) {
    next.attachments = send.attachments.map((attachment) => {
      const uploading: ChatAttachment = { ...attachment, status: 'uploading', progress: 0 };
      delete uploading.error;
      return uploading;
    });
  }
  return updateSend(transcript, next);
}

/**
 * Records an own upload's progress (0..1, clamped). Ignored once the file is no longer uploading.
 *
 * @throws TypeError when no own attachment send has this `localId`.
 *
 * @example
 * ```ts
 * transcript = setAttachmentProgress(transcript, localId, loaded / total);
 * ```
 */
export function setAttachmentProgress(
  transcript: Transcript,
  localId: string,
  progress: number,
): Transcript {
  const send = sendOf(transcript, localId, 'setAttachmentProgress');
  const attachment = firstAttachment(send, 'setAttachmentProgress');
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  if (attachment.status !== 'uploading' || attachment.progress === clamped) {
    return transcript;
  }
  return updateSend(transcript, {
    ...send,
    attachments: [{ ...attachment, progress: clamped }, ...(send.attachments ?? []).slice(1)],
  });
}

/**
 * Records the AttachmentId StartAttachmentUpload returned. The send is confirmed when the
 * ATTACHMENT item with this AttachmentId arrives (it may already have).
 *
 * @throws TypeError when no own attachment send has this `localId`.
 *
 * @example
 * ```ts
 * const { AttachmentId } = await api.startAttachmentUpload(token, request);
 * transcript = setPendingAttachmentId(transcript, localId, AttachmentId!);
 * ```
 */
export function setPendingAttachmentId(
  transcript: Transcript,
  localId: string,
  attachmentId: string,
): Transcript {
  const send = sendOf(transcript, localId, 'setPendingAttachmentId');
  const attachment = firstAttachment(send, 'setPendingAttachmentId');
  if (attachment.id === attachmentId || send.status === 'sent') {
    return transcript;
  }
  return updateSend(transcript, {
    ...send,
    attachments: [{ ...attachment, id: attachmentId }, ...(send.attachments ?? []).slice(1)],
  });
}
