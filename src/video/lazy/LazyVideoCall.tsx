/**
 * `contact-kit/video/lazy`: a code-split `<VideoCall>` for chat pages. This module imports the
 * video kit only through `import()`, so a page that renders it loads the Chime SDK when the call
 * UI first renders (or on `preloadVideoCall()`), never with the chat. Only `import type` from the
 * video kit here.
 *
 * @packageDocumentation
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import type { VideoCallProps } from '../prefabs/VideoCall/VideoCall';
import type { VideoProviderProps } from '../provider/VideoProvider';

/**
 * Props of {@link LazyVideoCall}: the provider's (token or data, adapter options), the call's
 * under `call`, and what to show while the code loads.
 *
 * @example
 * ```tsx
 * <LazyVideoCall participantToken={token} call={{ agentName: 'Sam' }} fallback={<p>Loading the call…</p>} />
 * ```
 */
export interface LazyVideoCallProps extends Omit<VideoProviderProps, 'children'> {
  call?: VideoCallProps;
  /** Shown while the video code loads. Defaults to nothing. */
  fallback?: ReactNode;
}

/**
 * Starts loading the video kit (and the Chime SDK) ahead of time, e.g. on hover of "Start video
 * call". Resolves when loaded.
 *
 * @example
 * ```tsx
 * <button onPointerEnter={() => void preloadVideoCall()}>Start video call</button>
 * ```
 */
export function preloadVideoCall(): Promise<void> {
  return loadVideoKit().then(() => undefined);
}

const loadVideoKit = () => import('../index');

const LoadedVideoCall = /* @__PURE__ */ lazy(async () => {
  const video = await loadVideoKit();
  function LoadedVideoCall({ call, ...provider }: Omit<LazyVideoCallProps, 'fallback'>): ReactNode {
    return (
      <video.VideoProvider {...provider}>
        <video.VideoCall {...call} />
      </video.VideoProvider>
    );
  }
  return { default: LoadedVideoCall };
});

/**
 * `<VideoProvider><VideoCall/></VideoProvider>` behind `React.lazy`: the chat bundle stays free
 * of Chime until a call is shown.
 *
 * @example
 * ```tsx
 * {inCall && <LazyVideoCall participantToken={token} fallback={<p>Loading video…</p>} />}
 * ```
 */
export function LazyVideoCall({ fallback = null, ...props }: LazyVideoCallProps): ReactNode {
  return (
    <Suspense fallback={fallback}>
      <LoadedVideoCall {...props} />
    </Suspense>
  );
}
