import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../logger';
import type { ParticipantClient } from '../protocol/participantClient';
import type { GetTranscriptRequest, GetTranscriptResponse, Item } from '../protocol/types';
import type { ChatItem } from './chatItem';
import { classifyFailure } from './serviceFailure';
import type { Transcript } from './transcript/transcript';
import { newestServerItem, selectItems } from './transcript/transcript';

/**
 * Why a page of history is being applied (receipts are only sent for what arrives live or fills
 * a gap, not for pages the user scrolled back to).
 *
 * @example
 * ```ts
 * const live: HistoryPurpose[] = ['initial', 'gap'];
 * ```
 */
export type HistoryPurpose = 'initial' | 'gap' | 'older' | 'rehydrate';

/**
 * Paging sizes and the gap-fill overlap.
 *
 * @example
 * ```ts
 * const policy: TranscriptSyncPolicy = { initialPageSize: 50, gapPageSize: 100, overlapMs: 5000 };
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
 * Keeps the transcript complete: the newest page on first connect, a FORWARD gap fill after every
 * (re)subscribe, older pages on demand, and the past contact's items on `chat.rehydrated`.
 *
 * @example
 * ```ts
 * sync.fill(); // a socket was (re)subscribed
 * sync.connectionLost(); // it went away
 * await sync.loadOlder();
 * ```
 */
export interface TranscriptSync {
  fill(): void;
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
 * Where a gap fill should start: the newest held item at least `overlapMs` older than the newest
 * item received from the service, else the oldest item of this contact. Everything up to it is
 * known to be held.
 *
 * @example
 * ```ts
 * const anchor = gapFillAnchor(transcript, 5000);
 * ```
 */
export function gapFillAnchor(transcript: Transcript, overlapMs: number): string | undefined {
  const newest = newestServerItem(transcript);
  if (newest === undefined) {
    return undefined;
  }
  const threshold = Date.parse(newest.time) - overlapMs;
  const items = selectItems(transcript);
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i]!;
    if (isServerRow(item) && Date.parse(item.time) <= threshold) {
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
  /** Everything up to this item is held; set when a caught-up socket was lost. */
  let anchor: string | undefined;
  /** The last fill for the current socket reached the end of the transcript. */
  let caughtUp = false;
  /** Bumped when a socket is lost: a fill that finishes afterwards did not catch up with it. */
  let generation = 0;
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

  async function fillOnce(): Promise<void> {
    const started = generation;
    if (!historyLoaded) {
      const first = await page({ ScanDirection: 'BACKWARD', MaxResults: policy.initialPageSize });
      options.apply(first.Transcript ?? [], 'initial');
      olderToken = nonEmpty(first.NextToken);
      historyLoaded = true;
      options.onHistoryChange();
    } else {
      const start = anchor ?? gapFillAnchor(options.getTranscript(), policy.overlapMs);
      let token: string | undefined;
      let pages = 0;
      if (start === undefined) {
        // Nothing held from the service yet: walk back from the newest item instead.
        do {
          const result = await page({
            ScanDirection: 'BACKWARD',
            MaxResults: policy.gapPageSize,
            NextToken: token,
          });
          options.apply(result.Transcript ?? [], 'gap');
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
            const failure = classifyFailure(error);
            if (failure.kind === 'fatal' && token === undefined && anchor !== undefined) {
              // The anchor is unusable (e.g. unknown to the service): the retry starts from the default.
              anchor = undefined;
            }
            throw error;
          }
          options.apply(result.Transcript ?? [], 'gap');
          token = nonEmpty(result.NextToken);
          pages += 1;
        } while (token !== undefined && pages < MAX_PAGES && !stopped);
      }
    }
    if (started === generation) {
      caughtUp = true;
      anchor = undefined;
    }
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
    fill() {
      if (stopped) {
        return;
      }
      if (running) {
        again = true;
        wakeRetry?.();
        return;
      }
      void run();
    },
    connectionLost() {
      generation += 1;
      if (caughtUp) {
        anchor = gapFillAnchor(options.getTranscript(), policy.overlapMs);
        caughtUp = false;
      }
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
