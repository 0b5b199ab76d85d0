import type { WidgetPosition } from './ChatWidget.styles';

/**
 * How the open panel is laid out: `floating` is the card in a corner of the page, `sheet` covers
 * the whole screen (a phone's layout), and `auto` picks per device: a sheet on a narrow window or
 * a touch screen (an `inline` widget stays in the page flow).
 *
 * @example
 * ```tsx
 * <ChatWidget layout="sheet" startChat={startChat} />
 * ```
 */
export type WidgetLayout = 'auto' | 'sheet' | 'floating';

/**
 * The media query under which `auto` is a sheet: a narrow window, or a touch screen as the primary
 * pointer (phones and tablets, where a floating card leaves no room for the on-screen keyboard).
 *
 * @example
 * ```ts
 * const onPhone = window.matchMedia(SHEET_MEDIA_QUERY).matches;
 * ```
 */
export const SHEET_MEDIA_QUERY = '(max-width: 640px), (pointer: coarse)';

/**
 * Resolves the `layout` prop to the layout the panel shows. `auto` is a sheet when
 * {@link SHEET_MEDIA_QUERY} matches, except for an `inline` widget, which stays in the page flow.
 *
 * @example
 * ```ts
 * chooseLayout('auto', 'bottom-right', true); // 'sheet'
 * chooseLayout('floating', 'bottom-right', true); // 'floating'
 * ```
 */
export function chooseLayout(
  layout: WidgetLayout,
  position: WidgetPosition,
  sheetMediaMatches: boolean,
): 'sheet' | 'floating' {
  if (layout !== 'auto') {
    return layout;
  }
  return sheetMediaMatches && position !== 'inline' ? 'sheet' : 'floating';
}
