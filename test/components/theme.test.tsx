import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import {
  CONTRAST_PAIRS,
  ChatProvider,
  Composer,
  ContactKitProvider,
  ContactKitThemeProvider,
  checkThemeContrast,
  contrastRatio,
  cssVariableName,
  darkTheme,
  lightTheme,
  mergeTheme,
  resolveTheme,
  themeToCssVariables,
  themeVars,
} from 'contact-kit';
import { FakeChatSession } from 'contact-kit/testing';
import { expectNoAxeViolations } from './support';

function allCss(root: Document | ShadowRoot = document): string {
  return Array.from(root.querySelectorAll('style'))
    .map((style) => style.textContent ?? '')
    .join('\n')
    .replace(/\s+/g, '');
}

describe('theme tokens', () => {
  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ] as const)(
    'every colour pair the components draw meets WCAG AA in the %s theme',
    (_name, theme) => {
      for (const pair of CONTRAST_PAIRS) {
        const ratio = contrastRatio(theme.color[pair.foreground], theme.color[pair.background]);
        expect(ratio, `${pair.foreground} on ${pair.background}`).toBeGreaterThanOrEqual(
          pair.minimum,
        );
      }
      expect(checkThemeContrast(theme)).toEqual([]);
    },
  );

  it('computes contrast per WCAG and catches a failing override', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    const washedOut = mergeTheme(lightTheme, { color: { onAccent: '#dbeafe', accent: '#93c5fd' } });
    expect(
      checkThemeContrast(washedOut).map((pair) => `${pair.foreground}/${pair.background}`),
    ).toContain('onAccent/accent');
  });

  it('names CSS variables --ck-<group>-<kebab key> and references them with fallbacks', () => {
    expect(cssVariableName('color', 'onAccent')).toBe('--ck-color-on-accent');
    expect(themeToCssVariables(darkTheme)['--ck-color-background']).toBe(
      darkTheme.color.background,
    );
    expect(themeVars.color.accent).toBe(
      `var(--ck-color-accent, var(--ck-default-color-accent, ${lightTheme.color.accent}))`,
    );
    // The corner radii fall back to the one-knob --ck-radius; pills stay pills.
    expect(themeVars.radius.md).toBe(
      `var(--ck-radius-md, var(--ck-radius, var(--ck-default-radius-md, ${lightTheme.radius.md})))`,
    );
    expect(themeVars.radius.pill).not.toContain('--ck-radius,');
    expect(resolveTheme({ base: 'dark', color: { accent: '#7dd3fc' } }).tokens.color).toMatchObject(
      {
        accent: '#7dd3fc',
        background: darkTheme.color.background,
      },
    );
  });
});

describe('ContactKitThemeProvider', () => {
  it('puts the theme on its root as --ck-default-* custom properties (so host --ck-* win), with partial overrides', async () => {
    const { container } = render(
      <ContactKitThemeProvider theme={{ color: { accent: '#6b21a8' } }}>
        <p>content</p>
      </ContactKitThemeProvider>,
    );
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute('data-ck-theme', 'light');
    expect(root).toHaveAttribute('dir', 'ltr');
    expect(root).toHaveAttribute('lang', 'en');
    const css = allCss();
    expect(css).toContain('--ck-default-color-accent:#6b21a8;');
    expect(css).toContain(`--ck-default-color-background:${lightTheme.color.background};`);
    await expectNoAxeViolations(container);
  });

  it('applies the dark theme, and both with a media query for auto', () => {
    const { container, rerender } = render(<ContactKitThemeProvider theme="dark" />);
    expect(container.firstElementChild).toHaveAttribute('data-ck-theme', 'dark');
    expect(allCss()).toContain(`--ck-default-color-background:${darkTheme.color.background};`);
    rerender(<ContactKitThemeProvider theme="auto" />);
    expect(allCss()).toContain('@media(prefers-color-scheme:dark)');
    expect(allCss()).toContain('@media(prefers-reduced-motion:reduce)');
  });

  it('puts the CSP nonce on its style tags', () => {
    render(
      <ContactKitThemeProvider nonce="n0nce-123" theme={{ color: { accent: '#123456' } }}>
        x
      </ContactKitThemeProvider>,
    );
    const tags = Array.from(document.querySelectorAll('style[nonce="n0nce-123"]'));
    expect(tags.length).toBeGreaterThan(0);
  });

  it('injects its styles into a shadow root when given one', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    shadow.append(mount);
    const root = createRoot(mount);
    act(() =>
      root.render(
        <ContactKitThemeProvider styleTarget={shadow} theme={{ color: { accent: '#654321' } }}>
          inside
        </ContactKitThemeProvider>,
      ),
    );
    expect(allCss(shadow)).toContain('--ck-default-color-accent:#654321;');
    act(() => root.unmount());
    host.remove();
  });

  it('takes theme and locale from ContactKitProvider, with RTL for Arabic', async () => {
    const session = new FakeChatSession();
    session.setConnection({ status: 'open' });
    const { container } = render(
      <ContactKitProvider
        endpoint="http://127.0.0.1:1"
        participantToken="token"
        storage={null}
        theme="dark"
        locale="ar"
        queryClient={new QueryClient()}
      >
        <ChatProvider session={session}>
          <ContactKitThemeProvider>
            <Composer />
          </ContactKitThemeProvider>
        </ChatProvider>
      </ContactKitProvider>,
    );
    const root = container.querySelector('[data-ck-root]')!;
    expect(root).toHaveAttribute('data-ck-theme', 'dark');
    await waitFor(() => expect(root).toHaveAttribute('dir', 'rtl'));
    expect(root).toHaveAttribute('lang', 'ar');
    expect(screen.getByRole('textbox', { name: 'الرسالة' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'إرسال' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
