import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import { useLocalMedia } from '../../hooks/useLocalMedia';
import { useMeetingMedia } from '../../hooks/useMeetingMedia';
import { useMicrophoneLevel } from '../../hooks/useMicrophoneLevel';
import { useVideoCall } from '../../hooks/useVideoCall';
import { usePreviewElement } from '../../hooks/useVideoElement';
import { useVideoSession } from '../../provider/VideoSessionContext';
import { CameraOffIcon } from './icons';
import { DevicePickers } from './DevicePickers';
import { PermissionDoctor } from './PermissionDoctor';
import * as S from './VideoCall.styles';

/**
 * The pre-join screen: camera preview, microphone level, device pickers, the permission doctor,
 * "Join with camera off" and the "Join call" button.
 *
 * @internal
 */
export function PreJoinScreen(): ReactNode {
  const t = useMessages();
  const { adapter } = useVideoSession();
  const { status, join } = useVideoCall();
  const { videoEnabled, setVideoEnabled } = useLocalMedia();
  const level = useMicrophoneLevel();
  const preview = useMeetingMedia((media) => media.preview);
  const previewRef = usePreviewElement();
  const [cameraOff, setCameraOff] = useState(!videoEnabled);
  const meterId = useId();
  const joining = status === 'joining';

  useEffect(() => {
    void adapter.startPreview();
  }, [adapter]);

  const showVideo = preview.status === 'on' && preview.video;
  return (
    <S.PreJoinLayout>
      <S.Column>
        <S.Stage>
          <S.Video
            ref={previewRef}
            aria-label={t('cameraPreview')}
            autoPlay
            playsInline
            muted
            hidden={!showVideo}
          />
          {!showVideo && (
            <S.Placeholder>
              {joining ? null : preview.status === 'starting' ? (
                <span>{t('startingPreview')}</span>
              ) : (
                <>
                  <CameraOffIcon />
                  <span>{t('previewCameraOff')}</span>
                </>
              )}
            </S.Placeholder>
          )}
        </S.Stage>
        <S.Field as="div">
          <span id={meterId}>{t('microphoneLevel')}</span>
          <S.Meter aria-labelledby={meterId} min={0} max={1} value={level} />
        </S.Field>
      </S.Column>
      <S.Column>
        <PermissionDoctor />
        <DevicePickers />
        <S.Check>
          <input
            type="checkbox"
            checked={cameraOff}
            onChange={(event) => {
              setCameraOff(event.target.checked);
              void setVideoEnabled(!event.target.checked);
            }}
          />
          {t('joinWithCameraOff')}
        </S.Check>
        <S.PrimaryButton
          type="button"
          aria-disabled={joining}
          onClick={() => {
            if (!joining) {
              join({ videoOff: cameraOff });
            }
          }}
        >
          {t('joinCall')}
        </S.PrimaryButton>
      </S.Column>
    </S.PreJoinLayout>
  );
}
