import type { Meta, StoryObj } from '@storybook/react-vite';
import { Markdown } from 'contact-kit';

const meta = {
  title: 'Components/Markdown',
  component: Markdown,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Emphasis, lists, code and http(s)/mailto links (new tab, noopener). */
export const Rich: Story = {
  args: {
    source:
      '**Order 1234** is *on its way*.\n\n- Carrier: `UPS`\n- ETA: Friday\n\n1. Open [your orders](https://example.com/orders)\n2. Or write to [support](mailto:help@example.com)',
  },
};

/** Raw HTML and script links are shown as text, never run. */
export const Unsafe: Story = {
  args: { source: '<img src=x onerror=alert(1)> and [click](javascript:alert(1))' },
};
