import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { ChimeHub } from './chime/chimeHub';
import type { FaultState } from './faults';
import type { ContactRecord, EmulatorStore } from './store';
import type { TimerSet } from './timerSet';
import type { ViewRegistry } from './viewRegistry';
import type { createNextTokenCodec } from './transcriptPage';
import type { WebsocketHub } from './websocketHub';

/**
 * Limits the handlers enforce.
 *
 * @example
 * ```ts
 * await startEmulator({ maxAttachmentBytes: 1024 }); // the rest keep their defaults
 * if (size > ctx.limits.maxAttachmentBytes) throw invalid(`AttachmentSizeInBytes exceeds the maximum`);
 * ```
 */
export interface EmulatorLimits {
  maxBodyBytes: number;
  maxAttachmentBytes: number;
  maxAttachmentsPerContact: number;
  /** StartAttachmentUpload calls not yet completed (with a live URL or uploaded bytes) per contact. */
  maxUncompletedUploadsPerContact: number;
}

/**
 * Everything a request handler needs: the model, the websocket hub, the faults, time, and where
 * the emulator is reachable. Built once by `startEmulator`.
 *
 * @example
 * ```ts
 * const item = publish(ctx, contact, { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' });
 * ```
 */
export interface EmulatorContext {
  readonly store: EmulatorStore;
  readonly hub: WebsocketHub;
  /** Web calls: meetings, Chime signaling and the media relay. */
  readonly chime: ChimeHub;
  readonly faults: FaultState;
  readonly clock: Clock;
  /** Timers cancelled when the emulator closes (simulated attachment scans). */
  readonly timers: TimerSet;
  readonly logger: Logger;
  readonly limits: EmulatorLimits;
  readonly nextTokens: ReturnType<typeof createNextTokenCodec>;
  /** `http://127.0.0.1:PORT` */
  readonly httpBase: () => string;
  /** `ws://127.0.0.1:PORT` */
  readonly wsBase: () => string;
  /** Starts the configured built-in agent for a new chat contact. */
  readonly startAgent: (contact: ContactRecord, customerDisplayName: string) => void;
  /** Step-by-step guide views: managed, registered through the admin API, and issued tokens. */
  readonly views: ViewRegistry;
}
