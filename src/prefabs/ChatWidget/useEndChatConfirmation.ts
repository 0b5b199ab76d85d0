import { useState } from 'react';

/** The question on screen: end the chat, or end it and close the panel (asked by Close). */
export type EndChatQuestion = 'end' | 'end-and-close';

/** Options of {@link useEndChatConfirmation}: what happens around each answer. */
export interface UseEndChatConfirmationOptions {
  /** The question shows. */
  onAsk: (question: EndChatQuestion) => void;
  /** The customer kept chatting. */
  onCancel: () => void;
  /** The customer confirmed `question`; it is already gone from the screen. */
  onConfirm: (question: EndChatQuestion) => void;
}

/** What {@link useEndChatConfirmation} returns. */
export interface UseEndChatConfirmationResult {
  /** The question on screen, if any. */
  confirming: EndChatQuestion | undefined;
  /** Shows `question`. */
  ask: (question: EndChatQuestion) => void;
  /** Keeps chatting: hides the question and calls `onCancel`. */
  cancel: () => void;
  /** Ends the chat: hides the question and calls `onConfirm` with it. */
  confirm: () => void;
  /** Hides the question without an answer (the panel is minimised). */
  dismiss: () => void;
}

/**
 * The "End chat?" confirmation: no question, or one of `end` and `end-and-close`, until the
 * customer confirms, cancels, or the panel is minimised.
 *
 * @example
 * ```tsx
 * const confirmation = useEndChatConfirmation({
 *   onAsk: () => undefined,
 *   onCancel: () => endButton.current?.focus(),
 *   onConfirm: (question) => {
 *     void chat.end();
 *     if (question === 'end-and-close') setOpen(false);
 *   },
 * });
 * return confirmation.confirming ? (
 *   <EndChatConfirm onConfirm={confirmation.confirm} onCancel={confirmation.cancel} cancelRef={cancel} />
 * ) : (
 *   <button onClick={() => confirmation.ask('end')}>End chat</button>
 * );
 * ```
 */
export function useEndChatConfirmation(
  options: UseEndChatConfirmationOptions,
): UseEndChatConfirmationResult {
  const [confirming, setConfirming] = useState<EndChatQuestion | undefined>(undefined);
  return {
    confirming,
    ask: (question) => {
      options.onAsk(question);
      setConfirming(question);
    },
    cancel: () => {
      options.onCancel();
      setConfirming(undefined);
    },
    confirm: () => {
      const question = confirming ?? 'end';
      setConfirming(undefined);
      options.onConfirm(question);
    },
    dismiss: () => setConfirming(undefined),
  };
}
