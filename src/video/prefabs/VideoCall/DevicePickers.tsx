import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages';
import type { MediaDeviceKindName, MediaDeviceOption } from '../../adapter/MeetingAdapter';
import { useLocalMedia } from '../../hooks/useLocalMedia';
import { useMediaDevices } from '../../hooks/useMediaDevices';
import * as S from './VideoCall.styles';

const PICKERS: ReadonlyArray<readonly [MediaDeviceKindName, MessageKey]> = [
  ['videoinput', 'cameraDevice'],
  ['audioinput', 'microphoneDevice'],
  ['audiooutput', 'speakerDevice'],
];

/**
 * One labelled `<select>` per device kind (speakers only when the browser can choose them), and
 * the browser's noise suppression and echo cancellation switch where it can be switched.
 *
 * @internal
 */
export function DevicePickers(): ReactNode {
  const t = useMessages();
  const { audioInputs, videoInputs, audioOutputs, selected, select } = useMediaDevices();
  const { voiceProcessing, setVoiceProcessing } = useLocalMedia();
  const lists: Record<MediaDeviceKindName, readonly MediaDeviceOption[]> = {
    audioinput: audioInputs,
    videoinput: videoInputs,
    audiooutput: audioOutputs,
  };
  return (
    <>
      {PICKERS.map(([kind, labelKey]) => {
        const devices = lists[kind];
        if (kind === 'audiooutput' && devices.length === 0) {
          return null;
        }
        return (
          <S.Field key={kind}>
            {t(labelKey)}
            <select
              value={selected[kind] ?? ''}
              disabled={devices.length === 0}
              onChange={(event) => void select(kind, event.target.value)}
            >
              {devices.length === 0 && <option value="">{t('noDevicesFound')}</option>}
              {devices.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('unnamedDevice', { index: index + 1 })}
                </option>
              ))}
            </select>
          </S.Field>
        );
      })}
      {voiceProcessing !== 'unsupported' && (
        <S.Check>
          <input
            type="checkbox"
            checked={voiceProcessing === 'on'}
            onChange={(event) => void setVoiceProcessing(event.target.checked)}
          />
          {t('voiceProcessing')}
        </S.Check>
      )}
    </>
  );
}
