import { useEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { nextFocusMove } from './nextFocusMove';
import type { FocusRequest, FocusTarget } from './nextFocusMove';
import type { PreChatFormHandle } from './PreChatForm';
import { trapFocus } from './trapFocus';

/** Options of {@link usePanelFocus}: what the widget shows now. */
export interface UsePanelFocusOptions {
  /** Whether the panel shows. */
  open: boolean;
  /** Whether `open` comes from the widget's props. */
  controlled: boolean;
  /** Whether the widget has its own launcher. */
  showLauncher: boolean;
  /** Whether the panel is the full-screen sheet (focus stays inside it). */
  sheet: boolean;
  /** Whether the panel's body has loaded. */
  bodyLoaded: boolean;
  /** Whether the pre-chat form shows. */
  showForm: boolean;
  /** Whether the chat has ended. */
  ended: boolean;
}

/** What {@link usePanelFocus} returns: refs for the elements focus moves between, and actions. */
export interface PanelFocus {
  rootRef: RefObject<HTMLDivElement | null>;
  launcherRef: RefObject<HTMLButtonElement | null>;
  panelRef: RefObject<HTMLElement | null>;
  endButtonRef: RefObject<HTMLButtonElement | null>;
  confirmCancelRef: RefObject<HTMLButtonElement | null>;
  newChatRef: RefObject<HTMLButtonElement | null>;
  formRef: RefObject<PreChatFormHandle | null>;
  /** Moves focus to `target` as soon as it exists (after this render, or a later one). */
  request: (target: FocusRequest) => void;
  /** In the sheet, keeps Tab inside the panel; returns whether the key was Tab in a sheet. */
  keepTabInSheet: (event: KeyboardEvent<HTMLElement>) => boolean;
}

function activeElementOf(node: Element): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * The panel's focus rules: opening moves focus inside (the form, else the composer, holding it on
 * the panel until the composer is usable); closing returns it to the launcher, or without a
 * launcher to what had it when the panel opened; an `open` changed from outside moves focus as
 * the launcher would; the sheet keeps Tab inside.
 *
 * @example
 * ```tsx
 * const focus = usePanelFocus({ open, controlled, showLauncher, sheet, bodyLoaded, showForm, ended });
 * const openPanel = () => {
 *   focus.request('inside');
 *   setOpen(true);
 * };
 * return <section ref={focus.panelRef} tabIndex={-1} onKeyDown={focus.keepTabInSheet} />;
 * ```
 */
export function usePanelFocus(options: UsePanelFocusOptions): PanelFocus {
  const { open, controlled, showLauncher, sheet } = options;
  const rootRef = useRef<HTMLDivElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const endButtonRef = useRef<HTMLButtonElement>(null);
  const confirmCancelRef = useRef<HTMLButtonElement>(null);
  const newChatRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<PreChatFormHandle>(null);
  // Without a launcher, closing gives focus back to what had it when the panel opened.
  const returnFocus = useRef<Element | null>(null);
  // Opening by default (on page load) does not take focus from the page.
  const focusRequest = useRef<FocusRequest | undefined>(undefined);
  // True while the panel itself holds focus, waiting for the composer to become usable.
  const holdingFocus = useRef(false);

  // Controlled from outside (a "Chat with us" link on the page): focus follows the panel as it
  // does for the launcher. A change the widget asked for already set its own focus request.
  const shownOpen = useRef(open);
  useEffect(() => {
    if (shownOpen.current === open) {
      return;
    }
    shownOpen.current = open;
    if (open && !showLauncher) {
      const active = rootRef.current?.ownerDocument.activeElement;
      returnFocus.current = active && !rootRef.current?.contains(active) ? active : null;
    }
    if (controlled && focusRequest.current === undefined) {
      const owner = rootRef.current?.ownerDocument;
      const focusLeftWithPanel =
        !open && (owner?.activeElement === owner?.body || owner?.activeElement == null);
      if (open || focusLeftWithPanel) {
        focusRequest.current = open ? 'inside' : 'launcher';
      }
    }
  });

  // Runs after every render: a focus move waits until its target exists.
  useEffect(() => {
    const request = focusRequest.current;
    if (!request) {
      return;
    }
    const box = panelRef.current;
    const before = returnFocus.current;
    const elements: Record<FocusTarget, { focus(): void } | null | undefined> = {
      launcher: launcherRef.current,
      returnFocus: before instanceof HTMLElement && before.isConnected ? before : undefined,
      confirmCancel: confirmCancelRef.current,
      endButton: endButtonRef.current,
      panel: box,
      form: formRef.current,
      composer: box?.querySelector<HTMLTextAreaElement>('textarea:not(:disabled)'),
      newChat: newChatRef.current,
    };
    const move = nextFocusMove(request, {
      has: (target) => elements[target] != null,
      panelHasFocus: box != null && activeElementOf(box) === box,
      holding: holdingFocus.current,
      bodyLoaded: options.bodyLoaded,
      showForm: options.showForm,
      ended: options.ended,
    });
    switch (move.type) {
      case 'focus':
        elements[move.target]?.focus();
        focusRequest.current = undefined;
        break;
      case 'hold':
        holdingFocus.current = true;
        box?.focus();
        break;
      case 'drop':
        holdingFocus.current = false;
        focusRequest.current = undefined;
        break;
      case 'wait':
        break;
    }
  });
  useEffect(() => {
    if (focusRequest.current === undefined) {
      holdingFocus.current = false;
    }
  });

  return {
    rootRef,
    launcherRef,
    panelRef,
    endButtonRef,
    confirmCancelRef,
    newChatRef,
    formRef,
    request: (target) => {
      focusRequest.current = target;
    },
    keepTabInSheet: (event) => {
      if (!sheet || event.key !== 'Tab') {
        return false;
      }
      trapFocus(event.nativeEvent, event.currentTarget);
      return true;
    },
  };
}
