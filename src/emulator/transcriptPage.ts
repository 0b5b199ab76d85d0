import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ScanDirection, SortKey } from '../core/protocol/types';
import { invalid } from './serviceError';

/**
 * Where a GetTranscript page starts, after validation.
 *
 * @example
 * ```ts
 * pageTranscript(items, { direction: 'BACKWARD', sortOrder: 'ASCENDING', maxResults: 5, start: { kind: 'mostRecent', count: 5 } }, keyOf);
 * ```
 */
export type TranscriptStart =
  | { kind: 'none' }
  | { kind: 'id'; id: string }
  | { kind: 'time'; ms: number }
  | { kind: 'mostRecent'; count: number }
  | { kind: 'token'; boundarySeq: number };

/**
 * A normalized GetTranscript query.
 *
 * @example
 * ```ts
 * const page = pageTranscript(items, { direction: 'FORWARD', sortOrder: 'ASCENDING', maxResults: 30, start: { kind: 'id', id: lastSeenId } }, keyOf);
 * ```
 */
export interface TranscriptQuery {
  direction: ScanDirection;
  sortOrder: SortKey;
  maxResults: number;
  start: TranscriptStart;
}

/**
 * The minimum an entry needs to be paged: its transcript position and time.
 *
 * @example
 * ```ts
 * const keyOf = (entry: StoredItem): PageableEntry => ({ seq: entry.seq, ms: Date.parse(entry.item.AbsoluteTime), id: entry.item.Id });
 * ```
 */
export interface PageableEntry {
  seq: number;
  ms: number;
  id: string | undefined;
}

/**
 * One page: the selected entries (in the requested sort order) and where the next page continues.
 *
 * @example
 * ```ts
 * const { entries, nextBoundarySeq } = pageTranscript(items, query, view);
 * const more = nextBoundarySeq !== undefined; // then NextToken carries the boundary
 * ```
 */
export interface TranscriptPageResult<TEntry> {
  entries: TEntry[];
  /** Sequence boundary of the next page in the same direction, when more items remain. */
  nextBoundarySeq: number | undefined;
}

/**
 * Pages a transcript. Every start position splits the transcript into an earlier and a later side;
 * `FORWARD` reads the later side from the split onwards, `BACKWARD` reads the earlier side from the
 * split backwards (the `MaxResults` items nearest the split). The sides are:
 *
 * | StartPosition | FORWARD reads | BACKWARD reads |
 * |---|---|---|
 * | none / `{}` | (400, validated earlier) | the whole transcript (newest first) |
 * | `Id` | items after that item (the item itself is **excluded**) | items before it (excluded) |
 * | `AbsoluteTime` t | items with time ≥ t | items with time < t |
 * | `MostRecent` n | the n most recent items | items older than the n most recent |
 * | `NextToken` | continues after the last item returned | continues before the oldest returned |
 *
 * `SortOrder` only orders the items inside the page. `MaxResults: 0` returns an empty page without
 * a next token.
 *
 * @example
 * ```ts
 * const page = pageTranscript(entries, { direction: 'BACKWARD', sortOrder: 'ASCENDING', maxResults: 15, start: { kind: 'none' } }, (e) => e);
 * ```
 */
export function pageTranscript<TEntry>(
  all: readonly TEntry[],
  query: TranscriptQuery,
  view: (entry: TEntry) => PageableEntry,
): TranscriptPageResult<TEntry> {
  const entries = all.map((entry) => ({ entry, key: view(entry) }));
  const boundary = splitPoint(
    entries.map((e) => e.key),
    query,
  );
  const side =
    query.direction === 'FORWARD'
      ? entries.filter((e) => e.key.seq > boundary)
      : entries.filter((e) => e.key.seq < boundary);
  if (query.maxResults === 0) {
    return { entries: [], nextBoundarySeq: undefined };
  }
  const taken =
    query.direction === 'FORWARD' ? side.slice(0, query.maxResults) : side.slice(-query.maxResults);
  const more = side.length > taken.length;
  let nextBoundarySeq: number | undefined;
  if (more && taken.length > 0) {
    nextBoundarySeq =
      query.direction === 'FORWARD' ? taken[taken.length - 1]!.key.seq : taken[0]!.key.seq;
  }
  const ordered = query.sortOrder === 'ASCENDING' ? taken : [...taken].reverse();
  return { entries: ordered.map((e) => e.entry), nextBoundarySeq };
}

/**
 * The split of the transcript as a sequence number: FORWARD reads `seq > split`, BACKWARD reads
 * `seq < split`.
 */
function splitPoint(keys: readonly PageableEntry[], query: TranscriptQuery): number {
  const before = (index: number): number =>
    index <= 0 ? Number.NEGATIVE_INFINITY : keys[index - 1]!.seq;
  const at = (index: number): number =>
    index >= keys.length ? Number.POSITIVE_INFINITY : keys[index]!.seq;
  const start = query.start;
  switch (start.kind) {
    case 'none':
      return query.direction === 'FORWARD' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    case 'token':
      return start.boundarySeq;
    case 'id': {
      const found = keys.find((key) => key.id === start.id);
      if (!found) {
        throw invalid(`StartPosition.Id ${start.id} is not an item of this transcript`);
      }
      return found.seq;
    }
    case 'time': {
      const index = firstIndex(keys, (key) => key.ms >= start.ms);
      return query.direction === 'FORWARD' ? before(index) : at(index);
    }
    case 'mostRecent': {
      const index = Math.max(0, keys.length - start.count);
      return query.direction === 'FORWARD' ? before(index) : at(index);
    }
  }
}

function firstIndex(
  keys: readonly PageableEntry[],
  predicate: (key: PageableEntry) => boolean,
): number {
  const index = keys.findIndex(predicate);
  return index === -1 ? keys.length : index;
}

/**
 * What a NextToken carries.
 *
 * @example
 * ```ts
 * const { direction, boundarySeq } = ctx.nextTokens.decode(body.NextToken, contactId);
 * ```
 */
export interface NextTokenPayload {
  /** The contact whose transcript view the token pages. */
  contactId: string;
  direction: ScanDirection;
  boundarySeq: number;
}

/**
 * Signs and validates opaque NextTokens (base64url JSON + HMAC), so a tampered, foreign or
 * made-up token is a 400 rather than a wrong page.
 *
 * @example
 * ```ts
 * const codec = createNextTokenCodec('secret');
 * const token = codec.encode({ contactId, direction: 'BACKWARD', boundarySeq: 42 });
 * codec.decode(token, contactId); // { contactId, direction: 'BACKWARD', boundarySeq: 42 }
 * ```
 */
export function createNextTokenCodec(secret: string): {
  encode(payload: NextTokenPayload): string;
  decode(token: string, contactId: string): NextTokenPayload;
} {
  const sign = (body: string): string =>
    createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32);
  return {
    encode(payload) {
      const body = Buffer.from(
        JSON.stringify({ c: payload.contactId, d: payload.direction, b: payload.boundarySeq }),
      ).toString('base64url');
      return `${body}.${sign(body)}`;
    },
    decode(token, contactId) {
      const rejected = invalid('Invalid NextToken');
      const [body, signature, ...rest] = token.split('.');
      if (body === undefined || signature === undefined || rest.length > 0) {
        throw rejected;
      }
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw rejected;
      }
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
        c?: unknown;
        d?: unknown;
        b?: unknown;
      };
      if (
        parsed.c !== contactId ||
        (parsed.d !== 'FORWARD' && parsed.d !== 'BACKWARD') ||
        typeof parsed.b !== 'number'
      ) {
        throw rejected;
      }
      return { contactId, direction: parsed.d, boundarySeq: parsed.b };
    },
  };
}
