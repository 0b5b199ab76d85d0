/**
 * The English strings of the web-call UI (exported by `contact-kit` and `contact-kit/video`;
 * bundlers drop it from pages that do not use it). They are not in the chat catalog, so chat pages do not carry them: `VideoCall` gives them to its provider as
 * `fallbackMessages`, and so should a custom call UI that shows these keys (for example the
 * permission hints of `classifyMediaError`). The other locales' catalogs carry these keys too.
 *
 * @example
 * ```tsx
 * import { ContactKitThemeProvider, enVideoMessages } from 'contact-kit';
 *
 * <ContactKitThemeProvider fallbackMessages={enVideoMessages}>
 *   <MyCallUi />
 * </ContactKitThemeProvider>;
 * ```
 */
export const enVideoMessages = {
  videoCallTitle: 'Video call',
  joinCall: 'Join call',
  joinWithCameraOff: 'Join with camera off',
  joiningCall: 'Joining the call…',
  cameraPreview: 'Camera preview',
  previewCameraOff: 'Your camera is off',
  startingPreview: 'Starting your camera and microphone…',
  microphoneLevel: 'Microphone level',
  cameraDevice: 'Camera',
  microphoneDevice: 'Microphone',
  speakerDevice: 'Speaker',
  unnamedDevice: 'Device {index}',
  noDevicesFound: 'None found',
  deviceSettings: 'Devices',
  muteMicrophone: 'Mute',
  unmuteMicrophone: 'Unmute',
  turnCameraOff: 'Turn camera off',
  turnCameraOn: 'Turn camera on',
  leaveCall: 'Leave call',
  callControls: 'Call controls',
  reconnectingCall: 'Reconnecting to the call…',
  attendeeMuted: 'Muted',
  attendeeCameraOff: 'Camera off',
  waitingForAgentVideo: 'Waiting for the agent to join…',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  youAreSharing: 'You are sharing your screen',
  sharedScreenLabel: "{name}'s shared screen",
  screenShareUnsupported: "This browser can't share a screen.",
  screenShareNotAllowed: "Screen sharing isn't allowed in this call.",
  screenShareFailed: 'Screen sharing stopped because of a problem. Try again.',
  screenShareCancelled: 'Screen sharing was cancelled.',
  attendeeSpeaking: 'Speaking',
  attendeePoorConnection: 'Poor connection',
  yourConnectionPoor: 'Your connection is poor. Video may freeze.',
  voiceProcessing: 'Noise suppression and echo cancellation',
  videoTileLabel: 'Video of {name}',
  callEndedTitle: 'Call ended',
  callEndedBody: 'The call has ended. Thanks for calling.',
  callRemovedBody: 'You were removed from the call.',
  callLeftTitle: 'You left the call',
  rejoinCall: 'Rejoin call',
  callFailedTitle: 'The call could not continue',
  videoErrorAccessDenied: 'The call refused this connection. Start a new call.',
  videoErrorElsewhere: 'You joined this call from another tab or device.',
  videoErrorCapacity: 'The call is full.',
  videoErrorConnection: 'The connection to the call was lost.',
  videoErrorGeneric: 'Something went wrong with the call.',
  permissionDeniedTitle: 'Camera or microphone blocked',
  permissionDeniedHint:
    'Allow this site to use your camera and microphone (the icon in the address bar), then check again.',
  permissionSystemDeniedTitle: 'Your computer blocks the browser',
  permissionSystemDeniedHint:
    'Allow your browser to use the camera and microphone in your system’s privacy settings, then restart the browser.',
  permissionNotFoundTitle: 'No camera or microphone found',
  permissionNotFoundHint:
    'Connect a camera or microphone, then check again. You can also join with the camera off.',
  permissionInUseTitle: 'The device is busy',
  permissionInUseHint:
    'Close other apps or tabs that use the camera or microphone, then check again.',
  permissionOverconstrainedTitle: 'The chosen device is not available',
  permissionOverconstrainedHint: 'Pick another camera or microphone.',
  permissionInsecureTitle: 'Media is not allowed on this page',
  permissionInsecureHint:
    'Open this page over https, or ask the site owner to allow camera and microphone.',
  permissionUnknownTitle: 'The camera or microphone could not start',
  permissionUnknownHint: 'Check your devices, then try again.',
  checkAgain: 'Check again',
} as const;

/**
 * A key of the web-call strings.
 *
 * @example
 * ```ts
 * t('joinCall' satisfies VideoMessageKey); // 'Join call'
 * ```
 */
export type VideoMessageKey = keyof typeof enVideoMessages;
