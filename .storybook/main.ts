import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook 10 on Vite: stories mirror src/components and the prefabs under stories/. The
 * project's vite.config.ts builds the library (lib mode, peers external), so Storybook gets a
 * small config of its own: the React plugin and the `contact-kit` aliases.
 */
const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
