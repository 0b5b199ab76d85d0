import { css } from 'styled-components';
import { themeVars } from './tokens';

/**
 * Hides an element visually but keeps it for screen readers.
 *
 * @example
 * ```ts
 * const Hint = styled.span`${visuallyHidden}`;
 * ```
 */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
`;

/**
 * A visible keyboard focus outline in the theme's focus colour (AA against every surface).
 *
 * @example
 * ```ts
 * const Button = styled.button`${focusRing}`;
 * ```
 */
export const focusRing = css`
  &:focus-visible {
    outline: ${themeVars.size.focusWidth} solid ${themeVars.color.focus};
    outline-offset: 2px;
  }
`;

/**
 * A quiet, text-like button (Retry, Download, Dismiss) with a focus ring.
 *
 * @example
 * ```ts
 * const Retry = styled.button`${textButton}`;
 * ```
 */
export const textButton = css`
  appearance: none;
  border: 0;
  background: none;
  padding: 2px 4px;
  margin: 0;
  font: inherit;
  font-weight: ${themeVars.font.weightBold};
  color: inherit;
  text-decoration: underline;
  text-underline-offset: 2px;
  cursor: pointer;
  border-radius: ${themeVars.radius.sm};
  ${focusRing}
`;

/**
 * A filled button in the accent colour (Start chat, Join, Confirm) with a focus ring; size,
 * padding and radius are the component's own.
 *
 * @example
 * ```ts
 * const Join = styled.button`
 *   ${accentButton}
 *   padding: 8px 16px;
 *   border-radius: 999px;
 * `;
 * ```
 */
export const accentButton = css`
  border: 0;
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};
  font: inherit;
  font-weight: ${themeVars.font.weightBold};
  cursor: pointer;
  ${focusRing}
`;
