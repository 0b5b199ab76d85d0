import { shallowEqual } from '../../react/internal/shallowEqual';
import type { MeetingMediaState, RosterAttendee, VideoTileInfo } from '../adapter/MeetingAdapter';
import { contentSharer } from '../adapter/contentAttendee';
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
  /** The active-speaker detector ranks this participant first. */
  speaking: boolean;
}

/**
 * A screen someone shares: the content tile and the participant sharing it (when still in the
 * roster).
 *
 * @example
 * ```tsx
 * const { sharedScreen } = useVideoRoster();
 * if (sharedScreen) return <video ref={useVideoElement(sharedScreen.tile.tileId)} />;
 * ```
 */
export interface SharedScreen {
  /** The content tile; its `attendeeId` is `<sharer>#content`. */
  tile: VideoTileInfo;
  /** The sharer's attendee id. */
  sharerId: string;
  sharer: VideoParticipant | undefined;
}

/**
 * What {@link useVideoRoster} returns.
 *
 * @example
 * ```ts
 * const { self, others, sharedScreen } = useVideoRoster();
 * const speaker = others.find((participant) => participant.speaking);
 * const layout = sharedScreen ? 'screen' : self?.tile ? 'grid' : 'agent-only';
 * ```
 */
export interface UseVideoRosterResult {
  /** This customer, once joined. */
  self: VideoParticipant | undefined;
  /** Everyone else (the agent first in join order). */
  others: readonly VideoParticipant[];
  /**
   * The screen another participant shares, if any (the newest when several do). This customer's
   * own share is not here: see `useScreenShare`.
   */
  sharedScreen: SharedScreen | undefined;
}

const select = (media: MeetingMediaState) => ({
  roster: media.roster,
  tiles: media.tiles,
  activeSpeakerId: media.activeSpeakerId,
});

/**
 * The people in the call with their camera tiles, who is speaking, and the screen someone else
 * shares. Tiles follow the roster: a participant whose camera is off has `tile: undefined`.
 *
 * @example
 * ```tsx
 * const { others } = useVideoRoster();
 * others.map((p) => <VideoTile key={p.attendeeId} participant={p} />);
 * ```
 */
export function useVideoRoster(): UseVideoRosterResult {
  const { roster, tiles, activeSpeakerId } = useMeetingMedia(select, shallowEqual);
  const participants = roster.map((attendee) => ({
    ...attendee,
    tile: tiles.find((tile) => !tile.content && tile.attendeeId === attendee.attendeeId),
    speaking: attendee.attendeeId === activeSpeakerId,
  }));
  const content = tiles.findLast((tile) => tile.content === true && !tile.local);
  const sharerId = content ? contentSharer(content.attendeeId) : undefined;
  return {
    self: participants.find((p) => p.local),
    others: participants.filter((p) => !p.local),
    sharedScreen:
      content && sharerId !== undefined
        ? { tile: content, sharerId, sharer: participants.find((p) => p.attendeeId === sharerId) }
        : undefined,
  };
}
