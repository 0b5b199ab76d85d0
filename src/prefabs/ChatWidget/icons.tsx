import type { ReactNode } from 'react';
import { IconSvg as Svg } from '../../components/IconSvg/IconSvg';

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

/**
 * An arrow into a tray, for Download transcript.
 *
 * @example
 * ```tsx
 * <DownloadIcon />
 * ```
 */
export function DownloadIcon(): ReactNode {
  return (
    <Svg>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </Svg>
  );
}
