import { forwardRef, useCallback, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatAttachment } from '../../core/chat/transcript/chatItem';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { safeHref } from '../Markdown/parseMarkdown';
import * as S from './AttachmentView.styles';
import { ImagePreview, isImageAttachment } from './ImagePreview';
import { useAttachmentUrlGetter } from './useAttachmentUrlGetter';
import type { GetAttachmentUrl } from './useAttachmentUrlGetter';

const STATUS_KEYS: Readonly<Record<ChatAttachment['status'], MessageKey>> = {
  uploading: 'attachmentUploading',
  in_progress: 'attachmentScanning',
  approved: 'attachmentApproved',
  rejected: 'attachmentRejected',
  failed: 'attachmentFailed',
};

const ERROR_KEYS: Partial<Record<string, MessageKey>> = {
  ATTACHMENT_TYPE_NOT_ALLOWED: 'errorAttachmentType',
  ATTACHMENT_TOO_LARGE: 'errorAttachmentSize',
  ATTACHMENT_EMPTY: 'errorAttachmentEmpty',
  ATTACHMENT_QUOTA_EXCEEDED: 'errorAttachmentQuota',
  ATTACHMENT_LOST_ON_RELOAD: 'errorAttachmentLost',
};

function openInNewTab(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.download = name;
  link.click();
}

/**
 * Props of {@link AttachmentView}.
 *
 * @example
 * ```tsx
 * <AttachmentView
 *   attachment={{ name: 'a.pdf', contentType: 'application/pdf', status: 'approved', id: 'att-1' }}
 *   onDownload={(url) => window.open(url, '_blank', 'noopener')}
 * />
 * ```
 */
export interface AttachmentViewProps extends ComponentPropsWithoutRef<'div'> {
  attachment: ChatAttachment;
  /**
   * Resolves a short-lived download URL (GetAttachment). Defaults to the chat session's
   * `getAttachmentUrl`.
   */
  getAttachmentUrl?: GetAttachmentUrl;
  /** Called with the download URL instead of opening it in a new tab. */
  onDownload?: (url: string, attachment: ChatAttachment) => void;
}

/**
 * One attached file: name, size, upload progress or scan verdict, and a download action once the
 * service approved it. `data-state` is the attachment's status.
 *
 * @example
 * ```tsx
 * {item.attachments?.map((file) => <AttachmentView key={file.id ?? file.name} attachment={file} />)}
 * ```
 */
export const AttachmentView = /* @__PURE__ */ forwardRef<HTMLDivElement, AttachmentViewProps>(
  function AttachmentView({ attachment, getAttachmentUrl, onDownload, ...rest }, ref) {
    const t = useMessages();
    const format = useFormatter();
    const getUrl = useAttachmentUrlGetter(getAttachmentUrl);
    const [download, setDownload] = useState<'idle' | 'pending' | 'failed'>('idle');
    const percent = Math.round((attachment.progress ?? 0) * 100);
    const extension = /\.([a-z0-9]{1,4})$/i.exec(attachment.name)?.[1] ?? 'file';
    const canDownload = attachment.status === 'approved' && attachment.id !== undefined && getUrl;

    const onClick = useCallback(async () => {
      if (!attachment.id || !getUrl) {
        return;
      }
      setDownload('pending');
      try {
        const url = safeHref(await getUrl(attachment.id));
        if (!url) {
          throw new TypeError('AttachmentView: the download URL is not an http(s) URL');
        }
        (onDownload ?? ((href: string) => openInNewTab(href, attachment.name)))(url, attachment);
        setDownload('idle');
      } catch {
        setDownload('failed');
      }
    }, [attachment, getUrl, onDownload]);

    return (
      <S.Root ref={ref} data-state={attachment.status} {...rest}>
        <S.Icon aria-hidden="true">{extension}</S.Icon>
        <S.Name>{attachment.name}</S.Name>
        <S.Details>
          {attachment.size !== undefined && <span>{format.fileSize(attachment.size)}</span>}
          <S.Status data-state={attachment.status}>
            {t(STATUS_KEYS[attachment.status], { percent })}
          </S.Status>
          {attachment.status === 'failed' && attachment.error && (
            <span>{t(ERROR_KEYS[attachment.error.code] ?? 'errorAttachmentUpload')}</span>
          )}
          {canDownload && (
            <S.Download
              type="button"
              aria-label={t('downloadFile', { name: attachment.name })}
              disabled={download === 'pending'}
              onClick={() => void onClick()}
            >
              {t('download')}
            </S.Download>
          )}
          {download === 'failed' && <span role="alert">{t('downloadFailed')}</span>}
        </S.Details>
        {canDownload && attachment.id !== undefined && isImageAttachment(attachment) ? (
          <ImagePreview attachment={{ ...attachment, id: attachment.id }} getUrl={getUrl} />
        ) : null}
        {attachment.status === 'uploading' && (
          <S.Progress
            max={100}
            value={percent}
            aria-label={t('attachmentUploading', { percent })}
          />
        )}
      </S.Root>
    );
  },
);
