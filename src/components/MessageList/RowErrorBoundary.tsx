import { Component } from 'react';
import type { ReactNode } from 'react';
import * as S from './MessageList.styles';

/**
 * Props of {@link RowErrorBoundary}.
 *
 * @example
 * ```tsx
 * <RowErrorBoundary note={t('rowUnavailable')} resetKey={item}>{renderRow(item)}</RowErrorBoundary>
 * ```
 */
export interface RowErrorBoundaryProps {
  /** The neutral, localized sentence shown instead of a row that failed to render. */
  note: string;
  /** When this changes (a new version of the row's item), the row is tried again. */
  resetKey: unknown;
  children: ReactNode;
}

interface RowErrorBoundaryState {
  failedFor: { key: unknown } | undefined;
}

/**
 * Keeps one row's render error inside that row: the row shows a neutral note and the rest of
 * the transcript (and the chat) keeps working. A new version of the item is rendered again.
 *
 * @example
 * ```tsx
 * <RowErrorBoundary note={t('rowUnavailable')} resetKey={row.item}>
 *   <MessageBubble item={row.item} />
 * </RowErrorBoundary>
 * ```
 */
export class RowErrorBoundary extends Component<RowErrorBoundaryProps, RowErrorBoundaryState> {
  override state: RowErrorBoundaryState = { failedFor: undefined };

  static getDerivedStateFromError(): Partial<RowErrorBoundaryState> {
    // The key is filled in by componentDidCatch's re-render via getDerivedStateFromProps.
    return { failedFor: { key: PENDING } };
  }

  static getDerivedStateFromProps(
    props: RowErrorBoundaryProps,
    state: RowErrorBoundaryState,
  ): Partial<RowErrorBoundaryState> | null {
    if (state.failedFor?.key === PENDING) {
      return { failedFor: { key: props.resetKey } };
    }
    if (state.failedFor && state.failedFor.key !== props.resetKey) {
      return { failedFor: undefined };
    }
    return null;
  }

  override render(): ReactNode {
    if (this.state.failedFor) {
      return <S.RowError data-row-error="">{this.props.note}</S.RowError>;
    }
    return this.props.children;
  }
}

const PENDING = Symbol('pending');
