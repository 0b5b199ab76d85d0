import { useContext, useId } from 'react';
import type { ReactNode } from 'react';
import type { AuthenticationStatus } from '../../core/chat/authentication/customerAuthentication';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { useMessages } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import {
  useCustomerAuthentication,
  type CustomerAuthenticationPhase,
} from '../../react/hooks/useCustomerAuthentication';
import * as I from '../Interactive/Interactive.styles';
import * as S from '../MessageBubble/MessageBubble.styles';
import { CustomerAuthenticationOptionsContext } from './CustomerAuthenticationOptionsContext';

const SETTLED_KEYS: Readonly<Record<Exclude<AuthenticationStatus, 'pending'>, MessageKey>> = {
  succeeded: 'eventAuthSucceeded',
  failed: 'eventAuthFailed',
  timeout: 'eventAuthTimeout',
  expired: 'eventAuthExpired',
  cancelled: 'eventAuthCancelled',
};

/**
 * Props of {@link SignInPromptView}.
 *
 * @example
 * ```tsx
 * const { active, phase, signIn, continueWithout } = useCustomerAuthentication();
 * if (active) return (
 *   <SignInPromptView status={active.status} phase={phase} canSignIn canContinue onSignIn={signIn} onContinueWithout={continueWithout} />
 * );
 * ```
 */
export interface SignInPromptViewProps {
  /** Where the sign-in request is. */
  status: AuthenticationStatus;
  /** What the sign-in is doing. Defaults to `idle`. */
  phase?: CustomerAuthenticationPhase;
  /** Whether **Sign in** acts. */
  canSignIn: boolean;
  /** Whether **Continue without signing in** acts. */
  canContinue: boolean;
  /** Show that the last action failed. */
  failed?: boolean;
  /** **Sign in** was clicked (call the popup-opening action synchronously here). */
  onSignIn?: () => void;
  /** **Continue without signing in** was clicked. */
  onContinueWithout?: () => void;
}

/**
 * The sign-in card, presentational: title, **Sign in**, **Continue without signing in**, a status
 * line (`role="status"`) and an error (`role="alert"`). Buttons that do not act are
 * `aria-disabled` (they keep focus). `data-auth-status` and `data-phase` expose the state.
 *
 * @example
 * ```tsx
 * <SignInPromptView status="pending" phase="idle" canSignIn canContinue onSignIn={signIn} onContinueWithout={continueWithout} />
 * ```
 */
export function SignInPromptView(props: SignInPromptViewProps): ReactNode {
  const { status, phase = 'idle', canSignIn, canContinue, failed = false } = props;
  const t = useMessages();
  const titleId = useId();
  let statusText: string | undefined;
  if (status !== 'pending') {
    statusText = t(SETTLED_KEYS[status]);
  } else if (phase === 'opening') {
    statusText = t('authOpening');
  } else if (phase === 'waiting') {
    statusText = t('authWaiting');
  } else if (phase === 'cancelling') {
    statusText = t('authCancelling');
  }
  return (
    <S.NoteRow>
      <I.Card
        role="group"
        aria-labelledby={titleId}
        data-event="authentication.initiated"
        data-auth-status={status}
        data-phase={phase}
      >
        <I.Header>
          <I.Title id={titleId}>{t('authPromptTitle')}</I.Title>
          <I.Subtitle>{t('authPromptBody')}</I.Subtitle>
        </I.Header>
        <I.Choices>
          <I.Choice
            type="button"
            data-kind="action"
            data-action="sign-in"
            aria-disabled={!canSignIn}
            onClick={canSignIn ? props.onSignIn : undefined}
          >
            {t('authSignIn')}
          </I.Choice>
          <I.Choice
            type="button"
            data-action="continue-without"
            aria-disabled={!canContinue}
            onClick={canContinue ? props.onContinueWithout : undefined}
          >
            {t('authContinueWithout')}
          </I.Choice>
        </I.Choices>
        <I.Note role="status">{statusText}</I.Note>
        {failed ? (
          <I.Note role="alert" data-tone="error">
            {t('authError')}
          </I.Note>
        ) : null}
      </I.Card>
    </S.NoteRow>
  );
}

/**
 * Props of {@link SignInPrompt}.
 *
 * @example
 * ```tsx
 * if (item.event === 'authentication.initiated') return <SignInPrompt item={item} />;
 * ```
 */
export interface SignInPromptProps {
  /** The `authentication.initiated` event item. */
  item: ChatItem;
}

/**
 * The transcript row of an "Authenticate customer" request, bound to the chat with
 * `useCustomerAuthentication`: **Sign in** (a popup, or the page itself when popups are blocked)
 * and **Continue without signing in**. The buttons act only while this is the flow's current
 * request; then the row says how it ended. Options (`redirectUri`) come from
 * `CustomerAuthenticationOptionsContext`.
 *
 * @example
 * ```tsx
 * {item.event === 'authentication.initiated' && <SignInPrompt item={item} />}
 * ```
 */
export function SignInPrompt({ item }: SignInPromptProps): ReactNode {
  const options = useContext(CustomerAuthenticationOptionsContext);
  const auth = useCustomerAuthentication(options);
  const prompt = auth.byItemId.get(item.id);
  const isActive = auth.active !== undefined && auth.active.itemId === item.id;
  // A request whose SessionId could not be read can never be acted on: shown as expired.
  const status: AuthenticationStatus =
    prompt && (prompt.status !== 'pending' || isActive) ? prompt.status : 'expired';
  const phase = isActive ? auth.phase : 'idle';
  return (
    <SignInPromptView
      status={status}
      phase={phase}
      canSignIn={isActive && phase === 'idle'}
      canContinue={isActive && (phase === 'idle' || phase === 'waiting')}
      failed={isActive && auth.error !== undefined}
      onSignIn={auth.signIn}
      onContinueWithout={auth.continueWithout}
    />
  );
}
