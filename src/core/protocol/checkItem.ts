import type { Item } from './types';

/**
 * The verdict of {@link checkItem}: the value typed as an {@link Item}, or why it is not one.
 *
 * @example
 * ```ts
 * const checked: ItemCheck = checkItem(JSON.parse(frame.content));
 * if (!checked.ok) logger.warn(`Skipped an item: ${checked.reason}`);
 * ```
 */
export type ItemCheck = { ok: true; item: Item } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

const STRING_FIELDS = [
  'Id',
  'Type',
  'ContentType',
  'Content',
  'AbsoluteTime',
  'ParticipantId',
  'DisplayName',
  'ParticipantRole',
  'RelatedContactId',
  'ContactId',
  'InitialContactId',
] as const;

const ATTACHMENT_FIELDS = ['ContentType', 'AttachmentId', 'AttachmentName', 'Status'] as const;
const RECEIPT_FIELDS = ['DeliveredTimestamp', 'ReadTimestamp', 'RecipientParticipantId'] as const;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `fields` present on `record` with a value that is not a string. */
function nonString(record: Fields, fields: readonly string[]): string | undefined {
  return fields.find((field) => record[field] !== undefined && typeof record[field] !== 'string');
}

/** Why an optional array of records is unusable, or `undefined` when it is fine. */
function badList(value: unknown, name: string, fields: readonly string[]): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    return `${name} is not an array`;
  }
  for (const entry of value) {
    if (!isRecord(entry)) {
      return `${name} holds a non-object`;
    }
    const field = nonString(entry, fields);
    if (field) {
      return `${name} entry ${field} is not a string`;
    }
  }
  return undefined;
}

function badMetadata(value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!isRecord(value)) {
    return 'MessageMetadata is not an object';
  }
  const field = nonString(value, ['MessageId', 'MessageProcessingStatus']);
  if (field) {
    return `MessageMetadata.${field} is not a string`;
  }
  const completed = value['MessageCompleted'];
  if (completed !== undefined && typeof completed !== 'boolean') {
    return 'MessageMetadata.MessageCompleted is not a boolean';
  }
  const chunk = value['ChunkNumber'];
  if (chunk !== undefined && !Number.isSafeInteger(chunk)) {
    return 'MessageMetadata.ChunkNumber is not an integer';
  }
  return badList(value['Receipts'], 'MessageMetadata.Receipts', RECEIPT_FIELDS);
}

/**
 * Checks that a value from the wire (a websocket `aws/chat` item or one entry of a GetTranscript
 * page) has the shape of an {@link Item}: an object whose fields, when present, have their wire
 * types (`Content`, `DisplayName`, `Id`… are strings, `Attachments` and `Receipts` arrays of
 * objects, `null` counts as wrong). It does not judge meaning (a missing `Id` is the transcript's
 * call), only what code reading the item could trip over. Never throws; linear in the item's size.
 *
 * @example
 * ```ts
 * const checked = checkItem(JSON.parse(frame.content));
 * if (checked.ok) items.push(checked.item);
 * else logger.warn(`Skipped a malformed item: ${checked.reason}`);
 * ```
 */
export function checkItem(value: unknown): ItemCheck {
  if (!isRecord(value)) {
    return { ok: false, reason: value === null ? 'item is null' : 'item is not an object' };
  }
  const field = nonString(value, STRING_FIELDS);
  const reason =
    (field && `${field} is not a string`) ||
    badList(value['Attachments'], 'Attachments', ATTACHMENT_FIELDS) ||
    badMetadata(value['MessageMetadata']);
  return reason ? { ok: false, reason } : { ok: true, item: value as Item };
}
