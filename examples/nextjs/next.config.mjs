/**
 * contact-kit needs nothing here: its built modules carry 'use client' where React lives, so a
 * Server Component imports `ChatWidget` directly. `compiler.styledComponents` is for the shop's own
 * styled components (stable class names between the server and the browser).
 *
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  compiler: { styledComponents: true },
};

export default nextConfig;
