/**
 * Setup of the dom test project for component tests: jest-dom matchers, cleanup, and the bits of
 * layout jsdom does not have. jsdom lays nothing out, so the virtualized transcript is given a
 * fixed viewport: the `role="log"` scroller is 360×600 px and each virtual row (`data-index`)
 * 60 px tall; its scroll height is its sizer's
 * inline height. `scrollTo` moves `scrollTop` and fires `scroll`, as a browser would.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

export const TEST_VIEWPORT = { width: 360, height: 600, rowHeight: 60 } as const;

// Files of the dom project that opt into the node environment (SSR tests) have no DOM to patch.
if (typeof document !== 'undefined') {
  installLayout();
}

function isLog(element: Element): boolean {
  return element.getAttribute('role') === 'log';
}

function define(
  name: 'clientHeight' | 'clientWidth' | 'offsetHeight' | 'offsetWidth',
  get: (el: HTMLElement) => number,
) {
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return get(this);
    },
  });
}

function installLayout(): void {
  define('clientHeight', (el) => (isLog(el) ? TEST_VIEWPORT.height : 0));
  define('clientWidth', (el) => (isLog(el) ? TEST_VIEWPORT.width : 0));
  define('offsetHeight', (el) =>
    isLog(el) ? TEST_VIEWPORT.height : el.hasAttribute('data-index') ? TEST_VIEWPORT.rowHeight : 0,
  );
  // The scroller's content is its sizer, whose height the windowing hook sets inline.
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (!isLog(this)) {
        return 0;
      }
      const content = Number.parseFloat(
        (this.firstElementChild as HTMLElement | null)?.style.height ?? '',
      );
      return Math.max(Number.isNaN(content) ? 0 : content, TEST_VIEWPORT.height);
    },
  });
  define('offsetWidth', (el) =>
    isLog(el) || el.hasAttribute('data-index') ? TEST_VIEWPORT.width : 0,
  );

  Element.prototype.scrollTo = function scrollTo(
    this: Element,
    options?: ScrollToOptions | number,
    y?: number,
  ) {
    const top = typeof options === 'number' ? y : options?.top;
    if (top !== undefined) {
      this.scrollTop = Math.max(0, top);
    }
    this.dispatchEvent(new Event('scroll'));
  };

  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}
