import { useState } from 'react';
import type { ReactNode } from 'react';
import { VideoCall, VideoProvider } from 'contact-kit/video';
import type { AdminApi } from '../shared/adminApi';
import type { AgentSeat } from './agentSeats';

/**
 * Props of {@link AgentVideoCall}.
 *
 * @example
 * ```tsx
 * <AgentVideoCall api={api} seat={seat} visible onClose={() => leave(seat)} />
 * ```
 */
export interface AgentVideoCallProps {
  api: AdminApi;
  seat: AgentSeat;
  /** Only the selected contact shows; the others stay in their calls. */
  visible: boolean;
  onClose: () => void;
}

/**
 * One web call the agent answers: the kit's `VideoProvider` with the agent's participant token (it
 * asks CreateParticipantConnection for `WEBRTC_CONNECTION`, as a customer's page would) and the
 * `VideoCall` prefab, plus a button that ends the contact for everyone. Loaded with `import()`, so
 * the console's chat code carries no Chime.
 *
 * @example
 * ```tsx
 * const AgentVideoCall = lazy(() => import('./AgentVideoCall'));
 * ```
 */
export default function AgentVideoCall({
  api,
  seat,
  visible,
  onClose,
}: AgentVideoCallProps): ReactNode {
  const [problem, setProblem] = useState<string>();
  const [ended, setEnded] = useState(false);
  const end = () => {
    setProblem(undefined);
    api.stop(seat.contactId).then(
      () => setEnded(true),
      (error: unknown) => setProblem((error as Error).message),
    );
  };
  return (
    <section
      className="agent-chat agent-video"
      hidden={!visible}
      aria-label={`Video call with ${seat.customerName}`}
      data-contact-id={seat.contactId}
    >
      <div className="agent-chat-header">
        <div>
          <h2>{seat.customerName}</h2>
          <p className="agent-chat-status">Web call</p>
        </div>
        {ended ? (
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <button type="button" className="danger" onClick={end}>
            End call for everyone
          </button>
        )}
      </div>
      {problem ? (
        <p role="alert" className="console-error">
          {problem}
        </p>
      ) : null}
      <VideoProvider participantToken={seat.participantToken} endpoint={api.url} storage={null}>
        <VideoCall title={`Call with ${seat.customerName}`} agentName={seat.customerName} />
      </VideoProvider>
    </section>
  );
}
