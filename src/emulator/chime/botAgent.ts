import type { AttendeeRecord } from './meetingStore';
import type { VideoSource } from './mediaRelay';

/**
 * Bot agents a web call can get: `'echo'` joins an agent attendee whose camera shows the
 * customer's own camera (relayed back), so one browser alone sees a remote tile, and who shares a
 * test pattern as its screen on `POST /admin/contacts/{ContactId}/screenshare` (it never mirrors
 * a content share); `'none'` joins nobody (use CreateParticipant and a second browser for the
 * agent).
 *
 * @example
 * ```ts
 * await startEmulator({ webCallAgent: 'echo' satisfies WebCallAgentName });
 * ```
 */
export type WebCallAgentName = 'none' | 'echo';

/**
 * Display name (and roster name) of the bot agent.
 *
 * @example
 * ```ts
 * roster.find((entry) => entry.name === BOT_AGENT_NAME);
 * ```
 */
export const BOT_AGENT_NAME = 'Agent (emulated)';

/**
 * The bot agent's video source for a camera that just started: when the camera is the mirrored
 * attendee's (the customer), the bot shows it as its own stream; otherwise nothing.
 *
 * @example
 * ```ts
 * const mirror = echoSourceFor(bot, customer.attendeeId, started, () => meetings.newVideoStreamId());
 * if (mirror) relay.startSource(mirror);
 * ```
 */
export function echoSourceFor(
  bot: AttendeeRecord | undefined,
  mirroredAttendeeId: string | undefined,
  started: VideoSource,
  newStreamId: () => number,
): VideoSource | undefined {
  if (
    !bot ||
    bot.status !== 'active' ||
    started.mirrorOf !== undefined ||
    started.attendeeId !== mirroredAttendeeId
  ) {
    return undefined;
  }
  return {
    streamId: newStreamId(),
    groupId: bot.groupId,
    attendeeId: bot.attendeeId,
    externalUserId: bot.displayName,
    origin: started.origin,
    mirrorOf: started.streamId,
  };
}
