import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import { useLocalMedia } from '../../hooks/useLocalMedia';
import { useVideoCall } from '../../hooks/useVideoCall';
import { useVideoRoster } from '../../hooks/useVideoRoster';
import { DevicePickers } from './DevicePickers';
import { CameraIcon, CameraOffIcon, HangUpIcon, MicIcon, MicOffIcon, SettingsIcon } from './icons';
import { VideoTile } from './VideoTile';
import * as S from './VideoCall.styles';

/**
 * The call: the agent large, the customer's self view small, one tile per other participant,
 * and the control bar (mute, camera, devices, leave).
 *
 * @internal
 */
export function InCallView({ agentName }: { agentName: string | undefined }): ReactNode {
  const t = useMessages();
  const { self, others } = useVideoRoster();
  const { muted, videoEnabled, toggleMute, toggleVideo } = useLocalMedia();
  const { leave } = useVideoCall();
  const [devicesOpen, setDevicesOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <S.CallStage>
        {others.length === 0 && (
          <S.Stage>
            <S.Placeholder>
              <span>{t('waitingForAgentVideo')}</span>
            </S.Placeholder>
          </S.Stage>
        )}
        {others.map((participant, index) => (
          <VideoTile
            key={participant.attendeeId}
            participant={participant}
            name={participant.name ?? (index === 0 && agentName ? agentName : t('agent'))}
            size="large"
          />
        ))}
        {self && <VideoTile participant={self} name={t('you')} size="small" />}
      </S.CallStage>
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
