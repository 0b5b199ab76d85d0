import type { ReactNode } from 'react';

/**
 * The frame of the kit's small inline icons: a 24×24 stroked SVG in the current text colour, hidden
 * from assistive technology (the control around it carries the name). No icon font, nothing fetched.
 *
 * @example
 * ```tsx
 * const CloseIcon = () => (
 *   <IconSvg>
 *     <path d="M6 6l12 12M18 6L6 18" />
 *   </IconSvg>
 * );
 * ```
 */
export function IconSvg({ children }: { children: ReactNode }): ReactNode {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
