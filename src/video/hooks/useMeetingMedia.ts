import { useStoreSelector } from '../../react/hooks/internal/useStoreSelector';
import type { MeetingMediaState } from '../adapter/MeetingAdapter';
import { useVideoSession } from '../provider/VideoSessionContext';

/**
 * A slice of the call's media state (roster, tiles, devices, preview, level), re-rendering only
 * when the slice changes by `isEqual`.
 *
 * @example
 * ```ts
 * const tileCount = useMeetingMedia((media) => media.tiles.length);
 * ```
 */
export function useMeetingMedia<T>(
  selector: (media: MeetingMediaState) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  const { adapter } = useVideoSession();
  return useStoreSelector(adapter, selector, isEqual);
}
