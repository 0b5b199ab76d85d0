import type { ReactNode } from 'react';

/** Small inline icons (no icon font, nothing fetched), hidden from assistive technology. */
function Svg({ children }: { children: ReactNode }): ReactNode {
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

/**
 * A speech bubble, for the launcher.
 *
 * @example
 * ```tsx
 * <ChatIcon />
 * ```
 */
export function ChatIcon(): ReactNode {
  return (
    <Svg>
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" />
    </Svg>
  );
}

/**
 * A bar, for Minimize.
 *
 * @example
 * ```tsx
 * <MinimizeIcon />
 * ```
 */
export function MinimizeIcon(): ReactNode {
  return (
    <Svg>
      <path d="M5 12h14" />
    </Svg>
  );
}

/**
 * A cross, for Close.
 *
 * @example
 * ```tsx
 * <CloseIcon />
 * ```
 */
export function CloseIcon(): ReactNode {
  return (
    <Svg>
      <path d="M6 6l12 12M18 6 6 18" />
    </Svg>
  );
}
