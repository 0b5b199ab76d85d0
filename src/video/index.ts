/**
 * `contact-kit/video`: the customer's web call on Amazon Connect, over the Amazon Chime SDK and
 * its component library (optional peer dependencies, loaded only by this entry).
 *
 * @packageDocumentation
 */
export {
  toMeetingSessionInputs,
  unwrapConnectionData,
  WebRTCConnectionDataError,
  type MeetingSessionInputs,
  type WebRTCConnectionData,
  type WebRTCConnectionInput,
} from './toMeetingSessionInputs';
export type {
  WebRTCConnection,
  WebRTCMeeting,
  WebRTCMeetingFeatures,
  Attendee,
  WebRTCMediaPlacement,
} from '../core/protocol/types';
// Types the video declarations name, exported so users can name them too (values stay in
// contact-kit).
// The types these name in turn (error codes, theme tokens, the catalog) are contact-kit's.
export type { ContactKitError } from '../core/protocol/errors';
export type { ThemeInput } from '../theme/ContactKitThemeProvider';
export type { MessageOverrides } from '../i18n/messages';
// The call's English strings (the chat catalog does not carry them).
export { enVideoMessages, type VideoMessageKey } from '../i18n/videoMessages';

// The meeting machine and its errors (pure).
export {
  idleMeetingState,
  transition as meetingTransition,
  type MeetingEffect,
  type MeetingEvent,
  type MeetingState,
  type MeetingStatus,
  type MeetingStep,
} from './machine/meetingMachine';
export {
  classifyMeetingStatus,
  MEETING_STATUS_CODES,
  type MeetingStopOutcome,
} from './machine/meetingStatusCodes';
export { VideoCallError, type VideoErrorCode } from './machine/VideoCallError';

// The adapter seam and the Chime implementation (the fake is in contact-kit/testing).
export type {
  MediaDeviceKindName,
  MediaDeviceOption,
  MediaPreviewState,
  MeetingAdapter,
  MeetingJoinOptions,
  MeetingMediaState,
  MeetingStatusEvent,
  RosterAttendee,
  ScreenShareProblem,
  ScreenShareState,
  ScreenShareUnavailableReason,
  VideoTileInfo,
  VoiceProcessingState,
} from './adapter/MeetingAdapter';
export { CONTENT_SUFFIX, contentSharer } from './adapter/contentAttendee';
export {
  createMediaStateStore,
  initialMediaState,
  type MediaStateStore,
} from './adapter/mediaStateStore';
export {
  createChimeMeetingAdapter,
  type ChimeMeetingAdapter,
  type ChimeMeetingAdapterOptions,
} from './chime/createChimeMeetingAdapter';
export {
  toMeetingSessionConfiguration,
  type MeetingSessionConfigurationOptions,
} from './chime/toMeetingSessionConfiguration';

// Devices and permissions.
export {
  classifyMediaError,
  type MediaPermissionCause,
  type MediaPermissionMessageKey,
  type MediaPermissionProblem,
} from './permissions/classifyMediaError';
export {
  DEVICE_CHOICE_KEY,
  defaultDeviceChoiceStorage,
  pickDevice,
  readDeviceChoice,
  writeDeviceChoice,
  type DeviceChoice,
  type DeviceChoiceStorage,
} from './devices/deviceSelection';

// Session, provider and hooks.
export {
  createVideoSession,
  type VideoSession,
  type VideoSessionOptions,
} from './session/createVideoSession';
export { toVideoCallError } from './session/toVideoCallError';
export { VideoProvider, type VideoProviderProps } from './provider/VideoProvider';
export { useVideoSession } from './provider/VideoSessionContext';
export { useVideoCall, type UseVideoCallResult } from './hooks/useVideoCall';
export { useLocalMedia, type UseLocalMediaResult } from './hooks/useLocalMedia';
export { useMediaDevices, type UseMediaDevicesResult } from './hooks/useMediaDevices';
export { useMediaPermissions, type UseMediaPermissionsResult } from './hooks/useMediaPermissions';
export {
  useVideoRoster,
  type SharedScreen,
  type UseVideoRosterResult,
  type VideoParticipant,
} from './hooks/useVideoRoster';
export { useScreenShare, type UseScreenShareResult } from './hooks/useScreenShare';
export { useMeetingMedia } from './hooks/useMeetingMedia';
export { useMicrophoneLevel } from './hooks/useMicrophoneLevel';
export { usePreviewElement, useVideoElement } from './hooks/useVideoElement';

// The prefab.
export { VideoCall, type VideoCallProps } from './prefabs/VideoCall/index';
