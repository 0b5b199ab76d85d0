import type { Item } from './types';

/**
 * The verdict of {@link checkItem}: the value typed as an {@link Item}, or why it is not one.
 *
 * @example
 * ```ts
 * const checked = checkItem(JSON.parse(frame.content));
 * if (!checked.ok) logger.warn(`Skipped an item: ${checked.reason}`);
 * ```
 */
export type ItemCheck = { ok: true; item: Item } | { ok: false; reason: string };

/** A wire shape: each field's `typeof`, a nested shape, or `[shape]` for a list of them. */
interface Shape {
  readonly [field: string]: 'string' | 'boolean' | 'number' | Shape | readonly [Shape];
}

const RECEIPT: Shape = {
  DeliveredTimestamp: 'string',
  ReadTimestamp: 'string',
  RecipientParticipantId: 'string',
};

const ITEM: Shape = {
  Id: 'string',
  Type: 'string',
  ContentType: 'string',
  Content: 'string',
  AbsoluteTime: 'string',
  ParticipantId: 'string',
  DisplayName: 'string',
  ParticipantRole: 'string',
  RelatedContactId: 'string',
  ContactId: 'string',
  InitialContactId: 'string',
  Attachments: [
    { ContentType: 'string', AttachmentId: 'string', AttachmentName: 'string', Status: 'string' },
  ],
  MessageMetadata: {
    MessageId: 'string',
    MessageProcessingStatus: 'string',
    MessageCompleted: 'boolean',
    ChunkNumber: 'number',
    Receipts: [RECEIPT],
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `value` does not fit `shape` (fields present with another type), or `undefined`. */
function misfit(value: unknown, shape: Shape, path: string): string | undefined {
  if (!isRecord(value)) {
    return `${path || 'item'} is ${value === null ? 'null' : 'not an object'}`;
  }
  for (const field in shape) {
    const expected = shape[field]!;
    const actual = value[field];
    const where = path + field;
    const problem =
      actual === undefined
        ? undefined
        : typeof expected === 'string'
          ? typeof actual === expected
            ? undefined
            : `${where} is not a ${expected}`
          : Array.isArray(expected)
            ? Array.isArray(actual)
              ? actual.reduce<string | undefined>(
                  (found, entry) => found ?? misfit(entry, expected[0]!, `${where}[].`),
                  undefined,
                )
              : `${where} is not an array`
            : misfit(actual, expected as Shape, `${where}.`);
    if (problem) {
      return problem;
    }
  }
  return undefined;
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
  const reason = misfit(value, ITEM, '');
  return reason ? { ok: false, reason } : { ok: true, item: value as Item };
}
