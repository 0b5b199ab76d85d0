import { shallowEqual } from '../../react/internal/shallowEqual';
import type { MeetingMediaState, RosterAttendee, VideoTileInfo } from '../adapter/MeetingAdapter';
import { useMeetingMedia } from './useMeetingMedia';

/**
 * One person in the call with their tile (if their camera is on).
 *
 * @example
 * ```ts
 * const hasVideo = (p: VideoParticipant) => p.tile?.active === true;
 * ```
 */
export interface VideoParticipant extends RosterAttendee {
  tile: VideoTileInfo | undefined;
}

/**
 * What {@link useVideoRoster} returns.
 *
 * @example
 * ```ts
 * const { self, others }: UseVideoRosterResult = useVideoRoster();
 * ```
 */
export interface UseVideoRosterResult {
  /** This customer, once joined. */
  self: VideoParticipant | undefined;
  /** Everyone else (the agent first in join order). */
  others: readonly VideoParticipant[];
}

const select = (media: MeetingMediaState) => ({ roster: media.roster, tiles: media.tiles });

/**
 * The people in the call with their video tiles. Tiles follow the roster: a participant whose
 * camera is off has `tile: undefined`.
 *
 * @example
 * ```tsx
 * const { others } = useVideoRoster();
 * others.map((p) => <VideoTile key={p.attendeeId} participant={p} />);
 * ```
 */
export function useVideoRoster(): UseVideoRosterResult {
  const { roster, tiles } = useMeetingMedia(select, shallowEqual);
  const participants = roster.map((attendee) => ({
    ...attendee,
    tile: tiles.find((tile) => tile.attendeeId === attendee.attendeeId),
  }));
  return {
    self: participants.find((p) => p.local),
    others: participants.filter((p) => !p.local),
  };
}
