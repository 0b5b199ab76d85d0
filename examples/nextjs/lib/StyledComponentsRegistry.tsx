'use client';

import { useState, type ReactNode } from 'react';
import { useServerInsertedHTML } from 'next/navigation';
import { ServerStyleSheet, StyleSheetManager } from 'styled-components';

/**
 * Collects the styles styled-components creates while the server renders a request and puts them
 * in the document head, so the widget's launcher arrives styled and hydrates without a flash. In
 * the browser it renders its children as they are.
 *
 * @example
 * ```tsx
 * <StyledComponentsRegistry>{children}</StyledComponentsRegistry>
 * ```
 */
export function StyledComponentsRegistry({ children }: { children: ReactNode }) {
  // One sheet per request, created on the first render only.
  const [sheet] = useState(() => new ServerStyleSheet());

  useServerInsertedHTML(() => {
    const styles = sheet.getStyleElement();
    sheet.instance.clearTag();
    return <>{styles}</>;
  });

  if (typeof window !== 'undefined') {
    return <>{children}</>;
  }
  return <StyleSheetManager sheet={sheet.instance}>{children}</StyleSheetManager>;
}
