import { useState } from 'react';
import { useIsomorphicLayoutEffect } from '../../components/MessageList/useIsomorphicLayoutEffect';
import { sheetGeometry } from './sheetGeometry';
import type { SheetBox } from './sheetGeometry';

/**
 * While `active`, follows `window.visualViewport` (resize and scroll) and returns the box that
 * keeps a full-screen sheet on screen above the on-screen keyboard (see `sheetGeometry`), or
 * `undefined` when the whole viewport shows, when inactive, and where the API is missing.
 * Measures before paint, so the sheet never shows at the old size. Internal to the widget.
 *
 * @example
 * ```tsx
 * const box = useVisualViewport(open && layout === 'sheet');
 * <section style={box ? { top: box.top, height: box.height } : undefined} />;
 * ```
 */
export function useVisualViewport(active: boolean): SheetBox | undefined {
  const [box, setBox] = useState<SheetBox | undefined>(undefined);

  useIsomorphicLayoutEffect(() => {
    const viewport = active ? window.visualViewport : null;
    if (!viewport) {
      setBox(undefined);
      return undefined;
    }
    const update = () => {
      const next = sheetGeometry(
        { height: viewport.height, offsetTop: viewport.offsetTop, scale: viewport.scale },
        window.innerHeight,
      );
      setBox((previous) =>
        previous?.top === next?.top && previous?.height === next?.height ? previous : next,
      );
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
    };
  }, [active]);

  return active ? box : undefined;
}
