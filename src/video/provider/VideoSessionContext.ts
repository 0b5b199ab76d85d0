import { createContext, useContext } from 'react';
import type { VideoSession } from '../session/createVideoSession';

/**
 * The video session of the nearest `VideoProvider`.
 *
 * @internal
 */
export const VideoSessionContext = createContext<VideoSession | null>(null);
VideoSessionContext.displayName = 'ContactKitVideoSessionContext';

/**
 * The {@link VideoSession} of the nearest `<VideoProvider>`. Throws outside one (misuse).
 *
 * @example
 * ```ts
 * const session = useVideoSession();
 * session.adapter.getSnapshot().tiles;
 * ```
 */
export function useVideoSession(): VideoSession {
  const session = useContext(VideoSessionContext);
  if (!session) {
    throw new Error('useVideoSession: render this inside <VideoProvider>');
  }
  return session;
}
