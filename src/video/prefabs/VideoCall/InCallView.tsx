import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import { useLocalMedia } from '../../hooks/useLocalMedia';
import { useScreenShare } from '../../hooks/useScreenShare';
import { useVideoCall } from '../../hooks/useVideoCall';
import { useVideoRoster } from '../../hooks/useVideoRoster';
import type { VideoParticipant } from '../../hooks/useVideoRoster';
import { DevicePickers } from './DevicePickers';
import { CameraIcon, CameraOffIcon, HangUpIcon, MicIcon, MicOffIcon, SettingsIcon } from './icons';
import { ShareScreenButton, SharingBanner, screenShareNote } from './ScreenShareControls';
import { SharedScreenTile } from './SharedScreenTile';
import { VideoTile } from './VideoTile';
import * as S from './VideoCall.styles';

/**
 * The call: the agent large and the customer's self view small; when someone shares a screen, the
 * screen takes the stage and the cameras move to a strip beside it (below it on phones). Then the
 * sharing bar, notes about the share and the connection, and the control bar (mute, camera,
 * share screen, devices, leave).
 *
 * @internal
 */
export function InCallView({ agentName }: { agentName: string | undefined }): ReactNode {
  const t = useMessages();
  const { self, others, sharedScreen } = useVideoRoster();
  const { muted, videoEnabled, toggleMute, toggleVideo, connectionQuality } = useLocalMedia();
  const share = useScreenShare();
  const { leave } = useVideoCall();
  const [devicesOpen, setDevicesOpen] = useState(false);
  // Whether the customer pressed Share screen (so a note about it answers them).
  const [askedToShare, setAskedToShare] = useState(false);
  const panelId = useId();
  const nameOf = (participant: VideoParticipant | undefined, index: number) =>
    participant?.name ?? (index === 0 && agentName ? agentName : t('agent'));
  const shareNote = screenShareNote(share.state, askedToShare);
  const selfPoor = connectionQuality === 'poor';

  const cameras = (size: 'large' | 'strip') => (
    <>
      {others.map((participant, index) => (
        <VideoTile
          key={participant.attendeeId}
          participant={participant}
          name={nameOf(participant, index)}
          size={size}
        />
      ))}
      {self && (
        <VideoTile
          participant={self}
          name={t('you')}
          size={size === 'large' ? 'small' : 'strip'}
          poorConnection={selfPoor}
        />
      )}
    </>
  );

  return (
    <>
      {sharedScreen ? (
        <S.CallStage data-layout="content">
          <SharedScreenTile
            screen={sharedScreen}
            sharerName={nameOf(
              sharedScreen.sharer,
              Math.max(
                0,
                others.findIndex((p) => p.attendeeId === sharedScreen.sharerId),
              ),
            )}
          />
          <S.Filmstrip>{cameras('strip')}</S.Filmstrip>
        </S.CallStage>
      ) : (
        <S.CallStage>
          {others.length === 0 && (
            <S.Stage>
              <S.Placeholder>
                <span>{t('waitingForAgentVideo')}</span>
              </S.Placeholder>
            </S.Stage>
          )}
          {cameras('large')}
        </S.CallStage>
      )}
      {share.state.status === 'sharing' && (
        <SharingBanner
          onStop={() => {
            setAskedToShare(false);
            void share.stop();
          }}
        />
      )}
      {/* Polite live region: the call's one role="status" is the joining/reconnecting banner. */}
      <div aria-live="polite">
        {shareNote && <S.CallNote>{t(shareNote)}</S.CallNote>}
        {selfPoor && <S.CallNote>{t('yourConnectionPoor')}</S.CallNote>}
      </div>
      <S.ControlBar role="group" aria-label={t('callControls')}>
        <S.ControlButton type="button" onClick={toggleMute} data-active={muted}>
          {muted ? <MicOffIcon /> : <MicIcon />}
          {muted ? t('unmuteMicrophone') : t('muteMicrophone')}
        </S.ControlButton>
        <S.ControlButton
          type="button"
          onClick={() => void toggleVideo()}
          data-active={!videoEnabled}
        >
          {videoEnabled ? <CameraIcon /> : <CameraOffIcon />}
          {videoEnabled ? t('turnCameraOff') : t('turnCameraOn')}
        </S.ControlButton>
        <ShareScreenButton
          state={share.state}
          onToggle={() => {
            setAskedToShare(share.state.status === 'off');
            void share.toggle();
          }}
          onUnavailable={() => setAskedToShare(true)}
        />
        <S.ControlButton
          type="button"
          aria-expanded={devicesOpen}
          aria-controls={panelId}
          onClick={() => setDevicesOpen((open) => !open)}
        >
          <SettingsIcon />
          {t('deviceSettings')}
        </S.ControlButton>
        <S.ControlButton type="button" data-variant="danger" onClick={leave}>
          <HangUpIcon />
          {t('leaveCall')}
        </S.ControlButton>
      </S.ControlBar>
      <S.DevicePanel id={panelId} hidden={!devicesOpen}>
        {devicesOpen && <DevicePickers />}
      </S.DevicePanel>
    </>
  );
}
