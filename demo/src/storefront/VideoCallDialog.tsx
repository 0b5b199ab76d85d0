import type { ReactNode } from 'react';
import { VideoCall, VideoProvider } from 'contact-kit/video';
import type { StartedWebCall } from '../shared/adminApi';

/**
 * Props of {@link VideoCallDialog}.
 *
 * @example
 * ```tsx
 * const props: VideoCallDialogProps = { call, onClose: () => setCall(undefined) };
 * ```
 */
export interface VideoCallDialogProps {
  /** StartWebRTCContact's answer, from the shop's backend. */
  call: StartedWebCall;
  /** Closes the panel; unmounting the provider leaves the meeting. */
  onClose: () => void;
}

/**
 * The storefront's web-call panel. This module is the only one of the storefront that imports
 * `contact-kit/video`, and the storefront loads it with `import()`: the product page and its chat
 * carry no Chime code until a customer starts a call.
 *
 * @example
 * ```tsx
 * const VideoCallDialog = lazy(() => import('./VideoCallDialog'));
 * <VideoCallDialog call={call} onClose={close} />
 * ```
 */
export default function VideoCallDialog({ call, onClose }: VideoCallDialogProps): ReactNode {
  return (
    <div className="video-panel" role="dialog" aria-label="Video support">
      <button type="button" className="video-panel-close" onClick={onClose}>
        Close video call
      </button>
      <VideoProvider connectionData={call.ConnectionData}>
        <VideoCall title="Video support" agentName="Support" />
      </VideoProvider>
    </div>
  );
}
