import { useCallback, useState } from 'react';

/**
 * A value that is controlled (the caller passes `value`: changes are only asked for, through
 * `onChange`) or uncontrolled (kept here, starting from `defaultValue`), the pattern of React's own
 * `<input value>` / `<input defaultValue>`. `onChange` hears every change in both modes.
 *
 * @example
 * ```tsx
 * function Toggle(props: { on?: boolean; onChange?: (on: boolean) => void }) {
 *   const [on, setOn] = useControllableState(props.on, false, props.onChange);
 *   return <button aria-pressed={on} onClick={() => setOn(!on)}>Toggle</button>;
 * }
 * ```
 *
 * @internal
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T | (() => T),
  onChange: ((next: T) => void) | undefined,
): [value: T, setValue: (next: T) => void, controlled: boolean] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const setValue = useCallback(
    (next: T) => {
      if (!controlled) {
        setOwn(() => next);
      }
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [controlled ? value : own, setValue, controlled];
}
