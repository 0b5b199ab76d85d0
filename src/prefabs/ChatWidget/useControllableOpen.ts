import { useControllableState } from '../../react/hooks/internal/useControllableState';

/** Options of {@link useControllableOpen}: the widget's `open`, `defaultOpen` and `onOpenChange`. */
export interface UseControllableOpenOptions {
  /** When set, the panel shows exactly when this is `true` (controlled). */
  open: boolean | undefined;
  /** The uncontrolled start, read once (a function runs once, at first render). */
  defaultOpen: boolean | (() => boolean);
  /** Told of every change: the one made (uncontrolled) or the one asked for (controlled). */
  onOpenChange: ((open: boolean) => void) | undefined;
}

/** What {@link useControllableOpen} returns. */
export interface UseControllableOpenResult {
  /** Whether the panel shows now. */
  open: boolean;
  /** Whether `open` comes from the props. */
  controlled: boolean;
  /** Opens or closes the panel (uncontrolled), and tells `onOpenChange` in either case. */
  setOpen: (next: boolean) => void;
}

/**
 * The panel's open state, controlled (`open` set: changes are only asked for, through
 * `onOpenChange`) or uncontrolled (kept here, starting from `defaultOpen`).
 *
 * @example
 * ```tsx
 * function Disclosure(props: { open?: boolean; onOpenChange?: (open: boolean) => void }) {
 *   const { open, setOpen } = useControllableOpen({
 *     open: props.open,
 *     defaultOpen: false,
 *     onOpenChange: props.onOpenChange,
 *   });
 *   return <button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'}</button>;
 * }
 * ```
 */
export function useControllableOpen(
  options: UseControllableOpenOptions,
): UseControllableOpenResult {
  const [open, setOpen, controlled] = useControllableState(
    options.open,
    options.defaultOpen,
    options.onOpenChange,
  );
  return { open, controlled, setOpen };
}
