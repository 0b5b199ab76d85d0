import type { Decorator, Preview } from '@storybook/react-vite';
import { ContactKitThemeProvider } from 'contact-kit';

/**
 * Every story renders inside the kit's theme provider, with the toolbar's theme and locale (RTL
 * for Arabic comes from the locale).
 */
const withThemeAndLocale: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  return (
    <ContactKitThemeProvider
      theme={theme}
      locale={locale}
      style={{
        padding: 16,
        minHeight: '100vh',
        boxSizing: 'border-box',
        background: 'var(--ck-color-background)',
      }}
    >
      <Story />
    </ContactKitThemeProvider>
  );
};

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withThemeAndLocale],
};

export default preview;
