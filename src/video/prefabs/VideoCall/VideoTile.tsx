import type { CSSProperties, ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { VideoParticipant } from '../../hooks/useVideoRoster';
import { useVideoElement } from '../../hooks/useVideoElement';
import { CameraOffIcon, MicOffIcon, WeakSignalIcon } from './icons';
import * as S from './VideoCall.styles';

/** Below this signal strength (the SDK reports 1, 0.5 or 0) a tile shows a poor connection. */
const WEAK_SIGNAL = 0.75;

/**
 * One participant: their `<video>` (always present, hidden while the camera is off) or their
 * avatar, with a nameplate and mute/camera-off/poor-connection marks, a microphone activity ring
 * that follows their volume, and a full ring while they are the active speaker. The root carries
 * `data-attendee-id` (contract) and `data-speaking`.
 *
 * @internal
 */
export function VideoTile({
  participant,
  name,
  size,
  poorConnection = participant.signalStrength !== undefined &&
    participant.signalStrength < WEAK_SIGNAL,
}: {
  participant: VideoParticipant;
  name: string;
  /** `strip`: in the column beside a shared screen. */
  size: 'large' | 'small' | 'strip';
  /** Shows the poor-connection mark; by default from the participant's signal strength. */
  poorConnection?: boolean;
}): ReactNode {
  const t = useMessages();
  const tileId = participant.tile?.tileId;
  const ref = useVideoElement(tileId);
  const showVideo = participant.tile !== undefined && participant.tile.active;
  return (
    <S.Tile
      role="group"
      aria-label={t('videoTileLabel', { name })}
      data-attendee-id={participant.attendeeId}
      data-local={participant.local ? 'true' : undefined}
      data-video={showVideo ? 'on' : 'off'}
      data-size={size}
      data-speaking={participant.speaking ? 'true' : undefined}
      style={
        { '--ck-mic-level': participant.muted ? 0 : (participant.volume ?? 0) } as CSSProperties
      }
    >
      <S.Video
        key={tileId ?? 'none'}
        ref={ref}
        autoPlay
        playsInline
        muted
        hidden={!showVideo}
        aria-hidden="true"
      />
      {!showVideo && (
        <S.Placeholder>
          <S.Avatar aria-hidden="true">{name.slice(0, 1).toUpperCase()}</S.Avatar>
        </S.Placeholder>
      )}
      <S.Nameplate>
        <S.Name>{name}</S.Name>
        {participant.muted && (
          <>
            <MicOffIcon />
            <S.Hidden>{t('attendeeMuted')}</S.Hidden>
          </>
        )}
        {!showVideo && (
          <>
            <CameraOffIcon />
            <S.Hidden>{t('attendeeCameraOff')}</S.Hidden>
          </>
        )}
        {participant.speaking && <S.Hidden>{t('attendeeSpeaking')}</S.Hidden>}
        {poorConnection && (
          <>
            <WeakSignalIcon />
            <S.Hidden>{t('attendeePoorConnection')}</S.Hidden>
          </>
        )}
      </S.Nameplate>
    </S.Tile>
  );
}
