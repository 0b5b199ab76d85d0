import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useControllableOpen } from '../../src/prefabs/ChatWidget/useControllableOpen';

describe('useControllableOpen', () => {
  it('keeps its own state when uncontrolled, and reports every change', () => {
    const onOpenChange = vi.fn();
    const { result } = renderHook(() =>
      useControllableOpen({ open: undefined, defaultOpen: false, onOpenChange }),
    );
    expect(result.current).toMatchObject({ open: false, controlled: false });
    act(() => result.current.setOpen(true));
    expect(result.current.open).toBe(true);
    expect(onOpenChange).toHaveBeenCalledWith(true);
  });

  it('reads a lazy default once', () => {
    const defaultOpen = vi.fn(() => true);
    const { result, rerender } = renderHook(() =>
      useControllableOpen({ open: undefined, defaultOpen, onOpenChange: undefined }),
    );
    rerender();
    expect(result.current.open).toBe(true);
    expect(defaultOpen).toHaveBeenCalledTimes(1);
  });

  it('only asks for a change when controlled', () => {
    const onOpenChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ open }: { open: boolean }) =>
        useControllableOpen({ open, defaultOpen: true, onOpenChange }),
      { initialProps: { open: false } },
    );
    expect(result.current).toMatchObject({ open: false, controlled: true });
    act(() => result.current.setOpen(true));
    expect(result.current.open).toBe(false);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    rerender({ open: true });
    expect(result.current.open).toBe(true);
  });
});
