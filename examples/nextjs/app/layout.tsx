import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { StyledComponentsRegistry } from '../lib/StyledComponentsRegistry';

export const metadata: Metadata = {
  title: 'Acme store',
  description: 'A storefront page with contact-kit’s chat widget',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <StyledComponentsRegistry>{children}</StyledComponentsRegistry>
      </body>
    </html>
  );
}
