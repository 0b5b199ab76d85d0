import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEndChatConfirmation } from '../../src/prefabs/ChatWidget/useEndChatConfirmation';

const setup = () => {
  const options = { onAsk: vi.fn(), onCancel: vi.fn(), onConfirm: vi.fn() };
  const { result } = renderHook(() => useEndChatConfirmation(options));
  return { options, result };
};

describe('useEndChatConfirmation', () => {
  it('asks, then confirms the question it asked', () => {
    const { options, result } = setup();
    expect(result.current.confirming).toBeUndefined();
    act(() => result.current.ask('end-and-close'));
    expect(options.onAsk).toHaveBeenCalledWith('end-and-close');
    expect(result.current.confirming).toBe('end-and-close');
    act(() => result.current.confirm());
    expect(options.onConfirm).toHaveBeenCalledWith('end-and-close');
    expect(result.current.confirming).toBeUndefined();
  });

  it('cancels with onCancel, and dismisses without an answer', () => {
    const { options, result } = setup();
    act(() => result.current.ask('end'));
    act(() => result.current.cancel());
    expect(options.onCancel).toHaveBeenCalledTimes(1);
    expect(result.current.confirming).toBeUndefined();
    act(() => result.current.ask('end'));
    act(() => result.current.dismiss());
    expect(result.current.confirming).toBeUndefined();
    expect(options.onCancel).toHaveBeenCalledTimes(1);
    expect(options.onConfirm).not.toHaveBeenCalled();
  });
});
