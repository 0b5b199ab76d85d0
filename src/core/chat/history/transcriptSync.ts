import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../logger';
import type { ParticipantClient } from '../../protocol/participantClient';
import type { GetTranscriptRequest, GetTranscriptResponse, Item } from '../../protocol/types';
import type { ChatItem } from '../transcript/chatItem';
import { classifyFailure } from '../connection/serviceFailure';
import type { Transcript } from '../transcript/transcript';
import { selectItems } from '../transcript/transcript';

/**
 * Why a page of history is being applied (receipts are only sent for what arrives live or fills
 * a gap, not for pages the user scrolled back to).
 *
 * @example
 * ```ts
 * sync.apply(page.Transcript, 'older'); // a page the customer scrolled back for
 * ```
 */
export type HistoryPurpose = 'initial' | 'gap' | 'older' | 'rehydrate';

/**
 * Paging sizes and the gap-fill overlap.
 *
 * @example
 * ```ts
 * createChatSession({ participantToken, region: 'us-east-1', historyPolicy: { initialPageSize: 50 } });
 * ```
 */
export interface TranscriptSyncPolicy {
  /** Items in the first page and in each `loadOlder()` page. Defaults to `30`. */
  readonly initialPageSize: number;
  /** Items per page of a gap fill (the service allows 100). Defaults to `100`. */
  readonly gapPageSize: number;
  /**
   * A gap fill starts from an item this much older than the newest one held, so messages the
   * service delivered out of order just before a drop are not skipped. Defaults to `5000`.
   */
  readonly overlapMs: number;
  /**
   * A socket can lose frames and go on delivering (a path that blackholed for a while, a
   * service that failed to reach the connection), and nothing on the socket says so. So after
   * items arrive on it, the transcript is checked against the service this long after the
   * first unchecked one (one GetTranscript page while nothing was lost). `0` turns it off.
   * Defaults to `5000`.
   */
  readonly verifyAfterActivityMs: number;
  /**
   * While open and quiet, the transcript is checked this often, so a frame lost with nothing
   * after it still shows up. `0` turns it off. Defaults to `60000`.
   */
  readonly idleVerifyMs: number;
}

/**
 * The default paging.
 *
 * @example
 * ```ts
 * const policy = { ...DEFAULT_TRANSCRIPT_SYNC_POLICY, initialPageSize: 50 };
 * ```
 */
export const DEFAULT_TRANSCRIPT_SYNC_POLICY: TranscriptSyncPolicy = Object.freeze({
  initialPageSize: 30,
  gapPageSize: 100,
  overlapMs: 5000,
  verifyAfterActivityMs: 5000,
  idleVerifyMs: 60_000,
});

/** A defensive bound: no gap fill walks more pages than this. */
const MAX_PAGES = 1000;
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * What the transcript sync needs from the session.
 *
 * @example
 * ```ts
 * createTranscriptSync({ client, clock, random, logger, policy, getToken, getTranscript, apply, onHistoryChange, onTokenRejected });
 * ```
 */
export interface TranscriptSyncOptions {
  readonly client: Pick<ParticipantClient, 'getTranscript'>;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger: Logger;
  readonly policy: TranscriptSyncPolicy;
  /** The connection token while open. */
  getToken(): string | undefined;
  getTranscript(): Transcript;
  apply(items: readonly Item[], purpose: HistoryPurpose): void;
  /** `hasOlder` or `loadingOlder` changed. */
  onHistoryChange(): void;
  onTokenRejected(): void;
}

/**
 * Keeps the transcript complete: the newest page on first connect, a FORWARD gap fill from the
 * last verified point after every (re)subscribe, a check against the service after items arrive
 * on the socket and now and then while quiet, older pages on demand, and the past contact's
 * items on `chat.rehydrated`.
 *
 * @example
 * ```ts
 * sync.fill(); // a socket was (re)subscribed
 * sync.activity(); // an item arrived on the socket
 * sync.connectionLost(); // it went away
 * await sync.loadOlder();
 * ```
 */
export interface TranscriptSync {
  fill(): void;
  /** Items arrived on the socket (or an own send was confirmed): check the transcript soon. */
  activity(): void;
  connectionLost(): void;
  loadOlder(): Promise<boolean>;
  rehydrate(): void;
  stop(): void;
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
}

const nonEmpty = (token: string | undefined): string | undefined =>
  typeof token === 'string' && token !== '' ? token : undefined;

/** Items with an Id the service knows (not an own send still waiting for its Id). */
function isServerRow(item: ChatItem): boolean {
  return item.id !== item.localId && item.relatedContactId === undefined;
}

/**
 * A point of the service's transcript: its item `id` and `AbsoluteTime` in milliseconds.
 *
 * @example
 * ```ts
 * const newest = newestOfPage(page.Transcript);
 * if (newest) console.log(newest.id, new Date(newest.time).toISOString());
 * ```
 */
export interface TranscriptPoint {
  readonly id: string;
  readonly time: number;
}

/**
 * The newest item of a GetTranscript page of the current contact, or `undefined`.
 *
 * @example
 * ```ts
 * const reached = newestOfPage(result.Transcript ?? []);
 * ```
 */
export function newestOfPage(items: readonly Item[]): TranscriptPoint | undefined {
  let newest: TranscriptPoint | undefined;
  for (const item of items) {
    if (item === null || typeof item !== 'object' || item.RelatedContactId !== undefined) {
      continue;
    }
    const time = typeof item.AbsoluteTime === 'string' ? Date.parse(item.AbsoluteTime) : NaN;
    if (typeof item.Id !== 'string' || item.Id === '' || Number.isNaN(time)) {
      continue;
    }
    if (
      newest === undefined ||
      time > newest.time ||
      (time === newest.time && item.Id > newest.id)
    ) {
      newest = { id: item.Id, time };
    }
  }
  return newest;
}

/**
 * Where a gap fill starts: the newest held item at least `overlapMs` older than `verified`, the
 * newest point up to which a GetTranscript walk has shown the transcript complete; else the
 * oldest item held of this contact. FORWARD from there covers everything the socket may have
 * lost since.
 *
 * Only a GetTranscript walk proves completeness. Items that arrived on the socket prove nothing
 * about what came before them: a socket that lost frames for a while and then carried frames
 * again delivers newer items past the gap, and a fill anchored at those (as an anchor taken from
 * the newest item received was) skips the gap for good.
 *
 * @example
 * ```ts
 * const anchor = gapFillAnchor(transcript, verified, 5000);
 * ```
 */
export function gapFillAnchor(
  transcript: Transcript,
  verified: TranscriptPoint | undefined,
  overlapMs: number,
): string | undefined {
  if (verified === undefined) {
    return undefined;
  }
  const threshold = verified.time - overlapMs;
  const items = selectItems(transcript);
  let low = 0;
  let high = items.length;
  // Items are sorted by time: find the first one newer than the threshold.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Date.parse(items[middle]!.time) <= threshold) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  for (let i = low - 1; i >= 0; i -= 1) {
    const item = items[i]!;
    if (isServerRow(item)) {
      return item.id;
    }
  }
  return items.find(isServerRow)?.id;
}

/**
 * Creates the {@link TranscriptSync}.
 *
 * @example
 * ```ts
 * const sync = createTranscriptSync({
 *   client,
 *   clock: systemClock,
 *   random: Math.random,
 *   logger: console,
 *   policy: DEFAULT_TRANSCRIPT_SYNC_POLICY,
 *   getToken: () => token,
 *   getTranscript: () => transcript,
 *   apply: (items, purpose) => receive(items, purpose),
 *   onHistoryChange: () => publish(),
 *   onTokenRejected: () => driver.tokenRejected(),
 * });
 * ```
 */
export function createTranscriptSync(options: TranscriptSyncOptions): TranscriptSync {
  const { client, clock, policy, logger } = options;
  let historyLoaded = false;
  let olderToken: string | undefined;
  let loadingOlder: Promise<boolean> | undefined;
  /** Everything up to this point is held: the newest item a completed walk reached. */
  let verified: TranscriptPoint | undefined;
  /** The service refused the last anchor: walk back from the newest item instead. */
  let anchorRefused = false;
  let verifyTimer: TimerHandle | undefined;
  let verifyAt = 0;
  /** Socket items arrived since the running fill started: check again when it ends. */
  let activitySinceFill = false;
  let running = false;
  let again = false;
  let stopped = false;
  let retryTimer: TimerHandle | undefined;
  let wakeRetry: (() => void) | undefined;
  const controller = new AbortController();

  async function page(request: GetTranscriptRequest): Promise<GetTranscriptResponse> {
    const token = options.getToken();
    if (token === undefined) {
      throw new WaitForConnection();
    }
    return client.getTranscript(
      token,
      { SortOrder: 'ASCENDING', ...request },
      { signal: controller.signal },
    );
  }

  function reached(items: readonly Item[] | undefined, point: TranscriptPoint | undefined) {
    const newest = newestOfPage(items ?? []);
    return newest === undefined || (point !== undefined && point.time > newest.time)
      ? point
      : newest;
  }

  async function fillOnce(): Promise<void> {
    activitySinceFill = false;
    let end: TranscriptPoint | undefined;
    if (!historyLoaded) {
      const first = await page({ ScanDirection: 'BACKWARD', MaxResults: policy.initialPageSize });
      options.apply(first.Transcript ?? [], 'initial');
      olderToken = nonEmpty(first.NextToken);
      historyLoaded = true;
      options.onHistoryChange();
      end = reached(first.Transcript, undefined);
    } else {
      const start = anchorRefused
        ? undefined
        : gapFillAnchor(options.getTranscript(), verified, policy.overlapMs);
      let token: string | undefined;
      let pages = 0;
      if (start === undefined) {
        // Nothing known to be complete: walk back from the newest item to the oldest.
        do {
          const result = await page({
            ScanDirection: 'BACKWARD',
            MaxResults: policy.gapPageSize,
            NextToken: token,
          });
          options.apply(result.Transcript ?? [], 'gap');
          end = token === undefined ? reached(result.Transcript, end) : end;
          token = nonEmpty(result.NextToken);
          pages += 1;
        } while (token !== undefined && pages < MAX_PAGES && !stopped);
      } else {
        do {
          let result: GetTranscriptResponse;
          try {
            result = await page({
              ScanDirection: 'FORWARD',
              MaxResults: policy.gapPageSize,
              StartPosition: { Id: start },
              NextToken: token,
            });
          } catch (error) {
            if (classifyFailure(error).kind === 'fatal' && token === undefined) {
              // The anchor is unusable (e.g. unknown to the service): the retry walks back.
              anchorRefused = true;
            }
            throw error;
          }
          options.apply(result.Transcript ?? [], 'gap');
          end = reached(result.Transcript, end);
          token = nonEmpty(result.NextToken);
          pages += 1;
        } while (token !== undefined && pages < MAX_PAGES && !stopped);
      }
      anchorRefused = false;
    }
    if (end !== undefined && (verified === undefined || end.time >= verified.time)) {
      verified = end;
    }
  }

  function cancelVerify(): void {
    if (verifyTimer !== undefined) {
      clock.clearTimeout(verifyTimer);
      verifyTimer = undefined;
    }
  }

  /** Checks the transcript against the service in `ms`, unless a check is due sooner. */
  function verifyIn(ms: number): void {
    const at = clock.now() + ms;
    if (stopped || ms <= 0 || (verifyTimer !== undefined && verifyAt <= at)) {
      return;
    }
    cancelVerify();
    verifyAt = at;
    verifyTimer = clock.setTimeout(() => {
      verifyTimer = undefined;
      fill();
    }, ms);
  }

  function fill(): void {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      wakeRetry?.();
      return;
    }
    void run();
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      wakeRetry = () => {
        if (retryTimer !== undefined) {
          clock.clearTimeout(retryTimer);
          retryTimer = undefined;
        }
        wakeRetry = undefined;
        resolve();
      };
      retryTimer = clock.setTimeout(() => wakeRetry?.(), ms);
    });
  }

  async function run(): Promise<void> {
    running = true;
    let failures = 0;
    try {
      while (!stopped) {
        again = false;
        try {
          await fillOnce();
          failures = 0;
          if (!again) {
            cancelVerify();
            if (activitySinceFill) {
              verifyIn(policy.verifyAfterActivityMs);
            }
            verifyIn(policy.idleVerifyMs);
            return;
          }
        } catch (error) {
          if (error instanceof WaitForConnection) {
            // The next subscribe calls fill() again.
            return;
          }
          const failure = classifyFailure(error);
          if (failure.kind === 'aborted' || stopped) {
            return;
          }
          if (failure.kind === 'denied') {
            options.onTokenRejected();
          }
          failures += 1;
          logger.debug(`GetTranscript failed (${failures}); retrying`, error);
          const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
          await wait(Math.floor(options.random() * ceiling));
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    fill,
    activity() {
      if (running) {
        activitySinceFill = true;
        return;
      }
      verifyIn(policy.verifyAfterActivityMs);
    },
    connectionLost() {
      // The next subscribe fills from the verified point; nothing to check until then.
      cancelVerify();
    },
    loadOlder() {
      if (loadingOlder) {
        return loadingOlder;
      }
      const token = options.getToken();
      const next = olderToken;
      if (stopped || !historyLoaded || next === undefined || token === undefined) {
        return Promise.resolve(false);
      }
      loadingOlder = client
        .getTranscript(
          token,
          {
            ScanDirection: 'BACKWARD',
            SortOrder: 'ASCENDING',
            MaxResults: policy.initialPageSize,
            NextToken: next,
          },
          { signal: controller.signal },
        )
        .then(
          (result) => {
            options.apply(result.Transcript ?? [], 'older');
            olderToken = nonEmpty(result.NextToken);
            return true;
          },
          (error: unknown) => {
            const failure = classifyFailure(error);
            if (failure.kind === 'denied') {
              options.onTokenRejected();
            }
            if (failure.kind !== 'aborted') {
              logger.warn('Could not load older messages', error);
            }
            return false;
          },
        )
        .finally(() => {
          loadingOlder = undefined;
          options.onHistoryChange();
        });
      options.onHistoryChange();
      return loadingOlder;
    },
    rehydrate() {
      const token = options.getToken();
      if (stopped || token === undefined) {
        return;
      }
      // The past contact's items are part of the contact chain: page back from the newest item.
      void (async () => {
        let next: string | undefined;
        for (let i = 0; i < 2; i += 1) {
          const result = await client.getTranscript(
            token,
            {
              ScanDirection: 'BACKWARD',
              SortOrder: 'ASCENDING',
              MaxResults: policy.gapPageSize,
              NextToken: next,
            },
            { signal: controller.signal },
          );
          options.apply(result.Transcript ?? [], 'rehydrate');
          next = nonEmpty(result.NextToken);
          if (next === undefined) {
            break;
          }
        }
        olderToken = next;
        options.onHistoryChange();
      })().catch((error: unknown) => {
        if (classifyFailure(error).kind !== 'aborted') {
          logger.warn('Could not load the previous contact', error);
        }
      });
    },
    stop() {
      stopped = true;
      cancelVerify();
      controller.abort();
      wakeRetry?.();
    },
    get hasOlder() {
      return olderToken !== undefined;
    },
    get loadingOlder() {
      return loadingOlder !== undefined;
    },
  };
}

/** Thrown inside a fill when the connection is not open; the next subscribe restarts it. */
class WaitForConnection extends Error {
  override name = 'WaitForConnection';
}
