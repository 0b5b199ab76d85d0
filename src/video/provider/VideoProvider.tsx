import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useParticipantConnection } from '../../react/hooks/useParticipantConnection';
import type { MeetingAdapter } from '../adapter/MeetingAdapter';
import { createChimeMeetingAdapter } from '../chime/createChimeMeetingAdapter';
import type { ChimeMeetingAdapterOptions } from '../chime/createChimeMeetingAdapter';
import { defaultDeviceChoiceStorage } from '../devices/deviceSelection';
import type { DeviceChoiceStorage } from '../devices/deviceSelection';
import { createVideoSession } from '../session/createVideoSession';
import type { WebRTCConnectionInput } from '../toMeetingSessionInputs';
import { VideoSessionContext } from './VideoSessionContext';

/**
 * Props of {@link VideoProvider}: where the web-call data comes from (a participant token, or the
 * data itself), and optionally the meeting adapter.
 *
 * @example
 * ```tsx
 * <VideoProvider connectionData={startWebRTCContactResponse} autoJoin={false}>
 *   <VideoCall />
 * </VideoProvider>
 * ```
 */
export interface VideoProviderProps {
  /**
   * The participant token of a web-call contact: the provider calls CreateParticipantConnection
   * with `WEBRTC_CONNECTION` (through `useParticipantConnection`, so the endpoint or region comes
   * from `endpoint`/`region` or the enclosing `ContactKitProvider`).
   */
  participantToken?: string | undefined;
  /** The web-call data itself (StartWebRTCContact's `ConnectionData`, or a response carrying it). */
  connectionData?: WebRTCConnectionInput | undefined;
  /** Base URL of the Participant Service, for `participantToken`. */
  endpoint?: string;
  /** AWS region, for `participantToken` when no endpoint is given. */
  region?: string;
  /**
   * The meeting implementation. Defaults to {@link createChimeMeetingAdapter} with
   * `chimeOptions`; the provider then destroys it on unmount. A given adapter is left alive.
   */
  adapter?: MeetingAdapter;
  /** Options of the default Chime adapter (e.g. `urlRewriter` for the emulator). */
  chimeOptions?: ChimeMeetingAdapterOptions;
  /** Join as soon as the provider mounts (no pre-join screen). `{ videoOff: true }` with the camera off. */
  autoJoin?: boolean | { videoOff?: boolean };
  /** Where the device choice persists. Defaults to `localStorage` when there is one; `null` for none. */
  storage?: DeviceChoiceStorage | null;
  children?: ReactNode;
}

function TokenConnection(props: {
  participantToken: string;
  endpoint: string | undefined;
  region: string | undefined;
  onData: (data: WebRTCConnectionInput) => void;
  onError: (error: unknown) => void;
}): null {
  const { data, error } = useParticipantConnection({
    participantToken: props.participantToken,
    types: ['WEBRTC_CONNECTION'],
    ...(props.endpoint !== undefined ? { endpoint: props.endpoint } : {}),
    ...(props.region !== undefined ? { region: props.region } : {}),
  });
  const { onData, onError } = props;
  useEffect(() => {
    if (data) {
      onData(data.WebRTCConnection);
    }
  }, [data, onData]);
  useEffect(() => {
    if (error) {
      onError(error);
    }
  }, [error, onError]);
  return null;
}

/** Uses the app's QueryClient when there is one, else its own. */
function WithQueryClient({ children }: { children: ReactNode }): ReactNode {
  const appClient = useContext(QueryClientContext);
  const [ownClient] = useState(() => (appClient ? undefined : new QueryClient()));
  return ownClient ? (
    <QueryClientProvider client={ownClient}>{children}</QueryClientProvider>
  ) : (
    children
  );
}

/**
 * Runs one web call for the video hooks and `<VideoCall>`: gets Connect's web-call data (from a
 * participant token or as given), builds the Chime meeting configuration from it, joins once
 * (even under `<React.StrictMode>`) when asked, and leaves the call when it unmounts. The
 * meeting state machine and the media state live outside React, in a session the hooks read
 * with `useSyncExternalStore`.
 *
 * @example
 * ```tsx
 * <ContactKitProvider endpoint="http://127.0.0.1:4010">
 *   <VideoProvider participantToken={token}>
 *     <VideoCall />
 *   </VideoProvider>
 * </ContactKitProvider>
 * ```
 */
export function VideoProvider(props: VideoProviderProps): ReactNode {
  const { participantToken, connectionData, autoJoin } = props;
  const [session] = useState(() => {
    const adapter = props.adapter ?? createChimeMeetingAdapter(props.chimeOptions);
    const storage =
      props.storage === null ? undefined : (props.storage ?? defaultDeviceChoiceStorage);
    return createVideoSession({ adapter, storage, ownsAdapter: props.adapter === undefined });
  });

  useEffect(() => session.attach(), [session]);

  useEffect(() => {
    if (connectionData !== undefined) {
      session.setConnection(connectionData);
    }
  }, [session, connectionData]);

  const autoJoinVideoOff = typeof autoJoin === 'object' ? autoJoin.videoOff === true : false;
  const autoJoinRef = useRef(autoJoin !== undefined && autoJoin !== false);
  useEffect(() => {
    // The machine ignores a second JOIN while joining, so StrictMode's double effect joins once.
    if (autoJoinRef.current) {
      session.join({ videoOff: autoJoinVideoOff });
    }
  }, [session, autoJoinVideoOff]);

  const [onData] = useState(() => (data: WebRTCConnectionInput) => session.setConnection(data));
  const [onError] = useState(() => (error: unknown) => session.setConnectionError(error));

  return (
    <VideoSessionContext.Provider value={session}>
      {participantToken !== undefined && connectionData === undefined && (
        <WithQueryClient>
          <TokenConnection
            participantToken={participantToken}
            endpoint={props.endpoint}
            region={props.region}
            onData={onData}
            onError={onError}
          />
        </WithQueryClient>
      )}
      {props.children}
    </VideoSessionContext.Provider>
  );
}
