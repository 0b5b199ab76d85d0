import { useEffect } from 'react';

interface Lock {
  count: number;
  release: () => void;
}

// One lock per document, shared by every widget that asks (two widgets, StrictMode's re-run).
const locks = new WeakMap<Document, Lock>();

function lock(doc: Document): () => void {
  const held = locks.get(doc);
  if (held) {
    held.count += 1;
  } else {
    const view = doc.defaultView;
    const html = doc.documentElement;
    const body = doc.body;
    const x = view?.scrollX ?? 0;
    const y = view?.scrollY ?? 0;
    const saved = {
      htmlOverflow: html.style.overflow,
      htmlOverscroll: html.style.overscrollBehavior,
      bodyOverflow: body.style.overflow,
      bodyPaddingRight: body.style.paddingRight,
    };
    // Hiding the scrollbar would widen the page under a desktop sheet: pad it by as much.
    const scrollbar = view ? view.innerWidth - html.clientWidth : 0;
    if (scrollbar > 0 && view) {
      const padding = parseFloat(view.getComputedStyle(body).paddingRight) || 0;
      body.style.paddingRight = `${padding + scrollbar}px`;
    }
    html.style.overflow = 'hidden';
    html.style.overscrollBehavior = 'none';
    body.style.overflow = 'hidden';
    locks.set(doc, {
      count: 1,
      release: () => {
        html.style.overflow = saved.htmlOverflow;
        html.style.overscrollBehavior = saved.htmlOverscroll;
        body.style.overflow = saved.bodyOverflow;
        body.style.paddingRight = saved.bodyPaddingRight;
        // A browser that moved the page anyway (iOS with the keyboard up) gets it back, at once.
        if (view && (view.scrollX !== x || view.scrollY !== y)) {
          view.scrollTo({ left: x, top: y, behavior: 'instant' });
        }
      },
    });
  }
  let released = false;
  return () => {
    const current = locks.get(doc);
    if (released || !current) {
      return;
    }
    released = true;
    current.count -= 1;
    if (current.count === 0) {
      locks.delete(doc);
      current.release();
    }
  };
}

/**
 * While `active`, the page behind stops scrolling (wheel, touch, keys): the document's root and
 * body get `overflow: hidden` and `overscroll-behavior: none`. On release the styles come back as
 * they were and the page stays where it was. Locks from several widgets nest. Internal to the
 * widget, which locks while its full-screen sheet is open.
 *
 * @example
 * ```tsx
 * useScrollLock(open && layout === 'sheet');
 * ```
 */
export function useScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof document === 'undefined') {
      return undefined;
    }
    return lock(document);
  }, [active]);
}
