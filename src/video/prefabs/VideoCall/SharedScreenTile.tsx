import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { SharedScreen } from '../../hooks/useVideoRoster';
import { useVideoElement } from '../../hooks/useVideoElement';
import { ScreenShareIcon } from './icons';
import * as S from './VideoCall.styles';

/**
 * The screen another participant shares, letterboxed (never cropped) on the main stage. The root
 * carries `data-attendee-id` = the content attendee `<AttendeeId>#content` (contract).
 *
 * @internal
 */
export function SharedScreenTile({
  screen,
  sharerName,
}: {
  screen: SharedScreen;
  sharerName: string;
}): ReactNode {
  const t = useMessages();
  const ref = useVideoElement(screen.tile.tileId);
  const label = t('sharedScreenLabel', { name: sharerName });
  return (
    <S.Tile
      role="group"
      aria-label={label}
      data-attendee-id={screen.tile.attendeeId}
      data-content="true"
      data-video={screen.tile.active ? 'on' : 'off'}
      data-size="large"
    >
      <S.ContentVideo
        key={screen.tile.tileId}
        ref={ref}
        autoPlay
        playsInline
        muted
        aria-hidden="true"
      />
      <S.Nameplate>
        <ScreenShareIcon />
        <S.Name>{label}</S.Name>
      </S.Nameplate>
    </S.Tile>
  );
}
