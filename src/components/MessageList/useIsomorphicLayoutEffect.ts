import { useEffect, useLayoutEffect } from 'react';
import type { DependencyList, EffectCallback } from 'react';

/**
 * @internal `useLayoutEffect` in the browser, `useEffect` on the server (where React 18 warns
 * about layout effects and there is nothing to measure). Decided at render time, so importing
 * the kit reads no browser global; the choice never changes within one environment.
 *
 * @example
 * ```ts
 * useIsomorphicLayoutEffect(() => textarea.current?.focus(), []);
 * ```
 */
export function useIsomorphicLayoutEffect(effect: EffectCallback, deps: DependencyList): void {
  const useChosenEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
  useChosenEffect(effect, deps);
}
