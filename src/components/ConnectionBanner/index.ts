export { ConnectionBanner, connectionBannerState } from './ConnectionBanner';
export type { ConnectionBannerProps, ConnectionBannerState } from './ConnectionBanner';
