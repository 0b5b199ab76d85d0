/**
 * What the sheet needs to know of `window.visualViewport` (the part of the page on screen).
 *
 * @example
 * ```ts
 * const { height, offsetTop, scale } = window.visualViewport!;
 * sheetGeometry({ height, offsetTop, scale }, window.innerHeight);
 * ```
 */
export interface VisualViewportBox {
  height: number;
  offsetTop: number;
  scale: number;
}

/**
 * Where the sheet goes: `top` and `height` in CSS px of the layout viewport.
 *
 * @example
 * ```ts
 * const box = sheetGeometry(viewport, window.innerHeight);
 * if (box) sheet.style.setProperty('--ck-sheet-height', `${box.height}px`);
 * ```
 */
export interface SheetBox {
  top: number;
  height: number;
}

/**
 * The box that keeps the sheet, and so its composer, above an on-screen keyboard: the visual
 * viewport when it is smaller than the layout viewport (the keyboard covers the rest) or scrolled
 * within it. `undefined` when the whole layout viewport is on screen (the stylesheet's `100dvh`
 * holds) and while the customer pinch-zooms (following the zoomed viewport would undo the zoom).
 *
 * @example
 * ```ts
 * sheetGeometry({ height: 544, offsetTop: 0, scale: 1 }, 844); // { top: 0, height: 544 }
 * sheetGeometry({ height: 844, offsetTop: 0, scale: 1 }, 844); // undefined
 * ```
 */
export function sheetGeometry(
  viewport: VisualViewportBox,
  layoutHeight: number,
): SheetBox | undefined {
  if (viewport.scale > 1.01 || viewport.height <= 0) {
    return undefined;
  }
  const offsetTop = Math.max(0, viewport.offsetTop);
  if (layoutHeight - viewport.height < 1 && offsetTop < 1) {
    return undefined;
  }
  return { top: Math.round(offsetTop), height: Math.round(viewport.height) };
}
