import { useCallback, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

/**
 * Which arrow keys move the focus: up/down, left/right, or both.
 *
 * @example
 * ```ts
 * const roving = useRovingFocus(options.length, variant === 'chips' ? 'horizontal' : 'vertical');
 * ```
 */
export type RovingOrientation = 'vertical' | 'horizontal' | 'both';

/**
 * The props {@link useRovingFocus} puts on each item of the group.
 *
 * @example
 * ```tsx
 * <button {...roving.getItemProps(0)}>First</button>
 * ```
 */
export interface RovingItemProps {
  tabIndex: number;
  ref: (element: HTMLElement | null) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: () => void;
}

/**
 * What {@link useRovingFocus} returns.
 *
 * @example
 * ```tsx
 * const { getItemProps, activeIndex } = useRovingFocus(3);
 * options.map((option, index) => <button key={option} {...getItemProps(index)} aria-current={index === activeIndex}>{option}</button>);
 * ```
 */
export interface UseRovingFocusResult {
  /** The item that is in the tab order. */
  activeIndex: number;
  /** Props for item `index`. */
  getItemProps: (index: number) => RovingItemProps;
}

function isRtl(element: HTMLElement): boolean {
  const owner = element.closest('[dir]');
  return owner?.getAttribute('dir')?.toLowerCase() === 'rtl';
}

/**
 * Roving tabindex for a group of controls (WAI-ARIA APG): one Tab stop for the whole group, the
 * arrow keys move between items (Left/Right swap in right-to-left text), Home and End jump to the
 * ends. Items keep their own Enter/Space behaviour (buttons and links).
 *
 * @remarks Internal to the interactive message components.
 *
 * @example
 * ```tsx
 * function Chips({ labels }: { labels: string[] }) {
 *   const roving = useRovingFocus(labels.length, 'horizontal');
 *   return (
 *     <div role="group" aria-label="Answers">
 *       {labels.map((label, index) => (
 *         <button key={label} {...roving.getItemProps(index)}>{label}</button>
 *       ))}
 *     </div>
 *   );
 * }
 * ```
 */
export function useRovingFocus(
  count: number,
  orientation: RovingOrientation = 'vertical',
  initialIndex = 0,
): UseRovingFocusResult {
  const [active, setActive] = useState(initialIndex);
  const elements = useRef<(HTMLElement | null)[]>([]);
  const activeIndex = Math.min(Math.max(0, active), Math.max(0, count - 1));

  const move = useCallback((index: number) => {
    const element = elements.current[index];
    if (element) {
      setActive(index);
      element.focus();
    }
  }, []);

  const getItemProps = useCallback(
    (index: number): RovingItemProps => ({
      tabIndex: index === activeIndex ? 0 : -1,
      ref: (element) => {
        elements.current[index] = element;
      },
      onFocus: () => setActive(index),
      onKeyDown: (event) => {
        const vertical = orientation !== 'horizontal';
        const horizontal = orientation !== 'vertical';
        const rtl = horizontal && isRtl(event.currentTarget);
        let next: number | undefined;
        switch (event.key) {
          case 'ArrowDown':
            next = vertical ? index + 1 : undefined;
            break;
          case 'ArrowUp':
            next = vertical ? index - 1 : undefined;
            break;
          case 'ArrowRight':
            next = horizontal ? index + (rtl ? -1 : 1) : undefined;
            break;
          case 'ArrowLeft':
            next = horizontal ? index + (rtl ? 1 : -1) : undefined;
            break;
          case 'Home':
            next = 0;
            break;
          case 'End':
            next = count - 1;
            break;
          default:
            return;
        }
        if (next === undefined) {
          return;
        }
        event.preventDefault();
        // Wrap around, as the APG toolbar and radio group patterns do.
        move((next + count) % count);
      },
    }),
    [activeIndex, count, move, orientation],
  );

  return { activeIndex, getItemProps };
}
