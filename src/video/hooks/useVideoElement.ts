import { useCallback } from 'react';
import type { RefCallback } from 'react';
import { useVideoSession } from '../provider/VideoSessionContext';

/**
 * A ref callback that shows tile `tileId` in a `<video>` (and unbinds it when the element goes
 * or the tile changes). `undefined` binds nothing.
 *
 * @example
 * ```tsx
 * const ref = useVideoElement(participant.tile?.tileId);
 * <video ref={ref} autoPlay playsInline muted />;
 * ```
 */
export function useVideoElement(tileId: number | undefined): RefCallback<HTMLVideoElement> {
  const { adapter } = useVideoSession();
  return useCallback(
    (element: HTMLVideoElement | null) => {
      if (tileId === undefined || !element) {
        return undefined;
      }
      adapter.bindVideoElement(tileId, element);
      return () => adapter.unbindVideoElement(tileId);
    },
    [adapter, tileId],
  );
}

/**
 * A ref callback that shows the pre-join camera preview in a `<video>`.
 *
 * @example
 * ```tsx
 * <video ref={usePreviewElement()} autoPlay playsInline muted />;
 * ```
 */
export function usePreviewElement(): RefCallback<HTMLVideoElement> {
  const { adapter } = useVideoSession();
  return useCallback(
    (element: HTMLVideoElement | null) => {
      adapter.bindPreviewElement(element);
      return () => adapter.bindPreviewElement(null);
    },
    [adapter],
  );
}
