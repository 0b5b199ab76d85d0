/**
 * Where the widget wants focus after an action: `inside` the panel on open (the form, else the
 * composer), the `composer` once a chat was started, the `launcher`, the confirmation, back to
 * End chat, or the `ended` view's new-chat button.
 */
export type FocusRequest = 'inside' | 'composer' | 'launcher' | 'confirm' | 'end-button' | 'ended';

/**
 * The elements a request can end on: `returnFocus` is what had focus before a widget without a
 * launcher opened; `form` is the pre-chat form's first field.
 */
export type FocusTarget =
  | 'launcher'
  | 'returnFocus'
  | 'confirmCancel'
  | 'endButton'
  | 'panel'
  | 'form'
  | 'composer'
  | 'newChat';

/** What the widget shows at the moment a request is looked at. */
export interface FocusScene {
  /** Whether the element is in the document (and can take focus). */
  has: (target: FocusTarget) => boolean;
  /** Whether the panel itself has focus. */
  panelHasFocus: boolean;
  /** Whether the panel took focus earlier to hold it for the composer. */
  holding: boolean;
  /** Whether the panel's body has loaded. */
  bodyLoaded: boolean;
  /** Whether the pre-chat form shows. */
  showForm: boolean;
  /** Whether the chat has ended. */
  ended: boolean;
}

/**
 * The step for a pending request: `focus` a target (the request is then done), `hold` focus on
 * the panel until the target exists, `wait` for a later render, or `drop` the request and leave
 * focus where it is.
 */
export type FocusMove =
  { type: 'focus'; target: FocusTarget } | { type: 'hold' } | { type: 'wait' } | { type: 'drop' };

const focus = (target: FocusTarget): FocusMove => ({ type: 'focus', target });
const HOLD: FocusMove = { type: 'hold' };
const WAIT: FocusMove = { type: 'wait' };
const DROP: FocusMove = { type: 'drop' };

/**
 * Decides where a focus request goes now. The widget asks after every render, so a move waits
 * until its target exists (the composer appears once the chat has a session; the launcher once
 * the panel is gone).
 *
 * @example
 * ```ts
 * const move = nextFocusMove('launcher', {
 *   has: (target) => target === 'launcher',
 *   panelHasFocus: false,
 *   holding: false,
 *   bodyLoaded: true,
 *   showForm: false,
 *   ended: false,
 * });
 * // move: { type: 'focus', target: 'launcher' }
 * ```
 */
export function nextFocusMove(request: FocusRequest, scene: FocusScene): FocusMove {
  const { has } = scene;
  switch (request) {
    case 'launcher':
      return has('launcher') ? focus('launcher') : has('returnFocus') ? focus('returnFocus') : DROP;
    case 'confirm':
      return has('confirmCancel') ? focus('confirmCancel') : WAIT;
    case 'end-button':
      return has('endButton') ? focus('endButton') : has('panel') ? focus('panel') : WAIT;
    case 'ended':
      return has('newChat') ? focus('newChat') : WAIT;
    case 'inside':
    case 'composer':
      break;
  }
  if (!has('panel')) {
    return WAIT;
  }
  // While focus waits on the panel (for the body to load, then for the composer), the customer
  // may move it elsewhere: then it stays where they put it.
  if (scene.holding && !scene.panelHasFocus) {
    return DROP;
  }
  if (!scene.bodyLoaded) {
    return HOLD;
  }
  if (scene.showForm && request === 'inside') {
    return focus('form');
  }
  if (has('composer')) {
    return focus('composer');
  }
  if (scene.ended) {
    return focus('newChat');
  }
  // Nothing to type in yet: hold focus on the panel and move on once the composer is ready.
  return HOLD;
}
