export { VideoCall } from './VideoCall';
export type { VideoCallProps } from './VideoCall';
