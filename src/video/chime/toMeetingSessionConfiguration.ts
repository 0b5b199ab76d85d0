import { MeetingSessionConfiguration } from 'amazon-chime-sdk-js';
import { toMeetingSessionInputs } from '../toMeetingSessionInputs';
import type { WebRTCConnectionInput } from '../toMeetingSessionInputs';

/**
 * Options of {@link toMeetingSessionConfiguration}.
 *
 * @example
 * ```ts
 * const configuration = toMeetingSessionConfiguration(connectionData, {
 *   urlRewriter: (url) => url?.replace('https://signal.example', 'http://127.0.0.1:4010') ?? null,
 * });
 * ```
 */
export interface MeetingSessionConfigurationOptions {
  /**
   * Rewrites every URL the SDK opens (signaling, audio host, ingestion, TURN). Points a real
   * Connect payload at a local emulator in development; the identity by default.
   */
  urlRewriter?: (url: string | null) => string | null;
}

/**
 * Builds Chime's `MeetingSessionConfiguration` from Connect's PascalCase web-call data (any
 * {@link WebRTCConnectionInput} form). Missing required members throw a
 * `WebRTCConnectionDataError`; optional URLs (`EventIngestionUrl`, `TurnControlUrl`,
 * `AudioFallbackUrl`) may be absent: without `EventIngestionUrl` the SDK sends no telemetry.
 *
 * @example
 * ```ts
 * const configuration = toMeetingSessionConfiguration(startWebRTCContactResponse);
 * await meetingManager.join(configuration);
 * ```
 */
export function toMeetingSessionConfiguration(
  input: WebRTCConnectionInput | undefined,
  options: MeetingSessionConfigurationOptions = {},
): MeetingSessionConfiguration {
  const { meeting, attendee } = toMeetingSessionInputs(input);
  const configuration = new MeetingSessionConfiguration(meeting, attendee);
  if (options.urlRewriter && configuration.urls) {
    configuration.urls.urlRewriter = options.urlRewriter;
  }
  return configuration;
}
