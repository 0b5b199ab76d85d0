import type { ReactNode } from 'react';
import * as S from './MessageList.styles';

/**
 * Props of {@link DaySeparator}.
 *
 * @example
 * ```tsx
 * <WithComponents overrides={{ DaySeparator: ({ label }) => <h3 className="day">{label}</h3> }}>
 *   <MessageList />
 * </WithComponents>
 * ```
 */
export interface DaySeparatorProps {
  /** ISO time of the day's first item. */
  time: string;
  /** What to show: "Today", "Yesterday" or the date, in the catalog's language. */
  label: string;
}

/**
 * The line between two days of the transcript, a `role="separator"` named by its label.
 *
 * @example
 * ```tsx
 * <DaySeparator time={item.time} label="Today" />
 * ```
 */
export function DaySeparator({ label }: DaySeparatorProps): ReactNode {
  return (
    <S.DaySeparator role="separator" aria-label={label}>
      <span aria-hidden="true">{label}</span>
    </S.DaySeparator>
  );
}
