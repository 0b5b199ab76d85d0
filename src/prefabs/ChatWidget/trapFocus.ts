const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[contenteditable="true"]',
  '[tabindex]',
].join(', ');

function tabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.closest('[hidden], [inert]')) {
    return false;
  }
  // Not in jsdom; there everything not hidden counts.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/**
 * Keeps Tab and Shift+Tab inside `container`: from its last tabbable element Tab goes to the
 * first, and from the first (or the container itself) Shift+Tab goes to the last. Call it from
 * the container's keydown handler; it returns whether it moved focus (and prevented the default).
 *
 * @example
 * ```tsx
 * <section tabIndex={-1} onKeyDown={(event) => trapFocus(event.nativeEvent, event.currentTarget)} />
 * ```
 */
export function trapFocus(event: KeyboardEvent, container: HTMLElement): boolean {
  if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey) {
    return false;
  }
  const elements = [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(tabbable);
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = elements[0];
  const last = elements[elements.length - 1];
  let target: HTMLElement | undefined;
  if (!first || !last) {
    target = container;
  } else if (event.shiftKey && (active === first || active === container)) {
    target = last;
  } else if (!event.shiftKey && active === last) {
    target = first;
  } else if (active && !container.contains(active)) {
    target = event.shiftKey ? last : first;
  }
  if (!target) {
    return false;
  }
  event.preventDefault();
  target.focus();
  return true;
}
