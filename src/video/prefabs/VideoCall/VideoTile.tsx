import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { VideoParticipant } from '../../hooks/useVideoRoster';
import { useVideoElement } from '../../hooks/useVideoElement';
import { CameraOffIcon, MicOffIcon } from './icons';
import * as S from './VideoCall.styles';

/**
 * One participant: their `<video>` (always present, hidden while the camera is off) or their
 * avatar, with a nameplate and mute/camera-off marks. The root carries `data-attendee-id`
 * (contract).
 *
 * @internal
 */
export function VideoTile({
  participant,
  name,
  size,
}: {
  participant: VideoParticipant;
  name: string;
  size: 'large' | 'small';
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
        {name}
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
      </S.Nameplate>
    </S.Tile>
  );
}
