export { AttachmentView } from './AttachmentView';
export type { AttachmentViewProps } from './AttachmentView';
export type { GetAttachmentUrl } from './useAttachmentUrlGetter';
