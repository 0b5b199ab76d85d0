import { describe, expect, it } from 'vitest';
import { nextFocusMove } from '../../src/prefabs/ChatWidget/nextFocusMove';
import type { FocusScene, FocusTarget } from '../../src/prefabs/ChatWidget/nextFocusMove';

const scene = (
  present: FocusTarget[],
  rest: Partial<Omit<FocusScene, 'has'>> = {},
): FocusScene => ({
  has: (target) => present.includes(target),
  panelHasFocus: false,
  holding: false,
  bodyLoaded: true,
  showForm: false,
  ended: false,
  ...rest,
});

describe('nextFocusMove', () => {
  it('closing goes to the launcher, else back to what had focus, else nowhere', () => {
    expect(nextFocusMove('launcher', scene(['launcher', 'returnFocus']))).toEqual({
      type: 'focus',
      target: 'launcher',
    });
    expect(nextFocusMove('launcher', scene(['returnFocus']))).toEqual({
      type: 'focus',
      target: 'returnFocus',
    });
    expect(nextFocusMove('launcher', scene([]))).toEqual({ type: 'drop' });
  });

  it.each([
    ['confirm', ['confirmCancel'], 'confirmCancel'],
    ['end-button', ['endButton', 'panel'], 'endButton'],
    ['end-button', ['panel'], 'panel'],
    ['ended', ['newChat'], 'newChat'],
  ] as const)('%s with %o focuses %s', (request, present, target) => {
    expect(nextFocusMove(request, scene([...present]))).toEqual({ type: 'focus', target });
  });

  it.each(['confirm', 'end-button', 'ended', 'inside', 'composer'] as const)(
    '%s waits while its target is missing',
    (request) => {
      expect(nextFocusMove(request, scene([]))).toEqual({ type: 'wait' });
    },
  );

  it('opening holds focus on the panel until the body loads, then goes to the form or composer', () => {
    expect(nextFocusMove('inside', scene(['panel'], { bodyLoaded: false }))).toEqual({
      type: 'hold',
    });
    expect(nextFocusMove('inside', scene(['panel', 'composer'], { showForm: true }))).toEqual({
      type: 'focus',
      target: 'form',
    });
    expect(nextFocusMove('composer', scene(['panel', 'composer'], { showForm: true }))).toEqual({
      type: 'focus',
      target: 'composer',
    });
  });

  it('holds on the panel while there is nothing to type in, and goes to New chat once ended', () => {
    expect(nextFocusMove('composer', scene(['panel']))).toEqual({ type: 'hold' });
    expect(nextFocusMove('composer', scene(['panel'], { ended: true }))).toEqual({
      type: 'focus',
      target: 'newChat',
    });
  });

  it('gives up when the customer moved focus off the panel while it was held', () => {
    expect(
      nextFocusMove(
        'inside',
        scene(['panel', 'composer'], { holding: true, panelHasFocus: false }),
      ),
    ).toEqual({ type: 'drop' });
    expect(
      nextFocusMove('inside', scene(['panel', 'composer'], { holding: true, panelHasFocus: true })),
    ).toEqual({ type: 'focus', target: 'composer' });
  });
});
