import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardEvent, ReactNode } from 'react';
import type { ChatAttachment } from '../../core/chat/transcript/chatItem';
import { useMessages } from '../../i18n/I18nProvider';
import { safeHref } from '../Markdown/parseMarkdown';
import * as S from './AttachmentView.styles';
import type { GetAttachmentUrl } from './useAttachmentUrlGetter';

/** Download URLs are short-lived: one is reused for a minute, so scrolling back does not ask again. */
const URL_REUSE_MS = 60_000;
const urls = new Map<string, { url: Promise<string>; at: number }>();

function urlOf(id: string, getUrl: GetAttachmentUrl): Promise<string> {
  const known = urls.get(id);
  if (known && Date.now() - known.at < URL_REUSE_MS) {
    return known.url;
  }
  const url = getUrl(id).then((raw) => {
    const safe = safeHref(raw);
    if (!safe) {
      throw new TypeError('ImagePreview: the image URL is not an http(s) URL');
    }
    return safe;
  });
  urls.set(id, { url, at: Date.now() });
  url.catch(() => urls.delete(id));
  return url;
}

/**
 * Whether an attachment is an image the transcript can show as a thumbnail.
 *
 * @example
 * ```ts
 * isImageAttachment({ name: 'photo.png', contentType: 'image/png', status: 'approved' }); // true
 * ```
 */
export function isImageAttachment(attachment: ChatAttachment): boolean {
  return /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(attachment.contentType);
}

/**
 * An approved image attachment as a thumbnail that opens a larger view: a modal that closes with
 * Escape or its Close button and gives focus back to the thumbnail. An image that cannot be loaded
 * shows a neutral placeholder instead of a broken-image icon.
 *
 * @example
 * ```tsx
 * <ImagePreview attachment={attachment} getUrl={getAttachmentUrl} />
 * ```
 */
export function ImagePreview(props: {
  attachment: ChatAttachment & { id: string };
  getUrl: GetAttachmentUrl;
}): ReactNode {
  const { attachment, getUrl } = props;
  const t = useMessages();
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const thumbnail = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  // The viewer covers the screen from the kit's root: a row of the list is moved with a
  // transform, which would trap a fixed overlay inside the row.
  const host = useRef<Element | null>(null);

  useEffect(() => {
    let live = true;
    urlOf(attachment.id, getUrl).then(
      (next) => live && setUrl(next),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attachment.id, getUrl]);

  useEffect(() => {
    if (open) {
      close.current?.focus();
    }
  }, [open]);

  const hide = () => {
    setOpen(false);
    thumbnail.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      hide();
    } else if (event.key === 'Tab') {
      // One control inside: keep focus on it.
      event.preventDefault();
      close.current?.focus();
    }
  };

  if (failed) {
    return <S.ImageFallback data-state="unavailable">{t('imageUnavailable')}</S.ImageFallback>;
  }
  return (
    <>
      <S.Thumbnail
        ref={thumbnail}
        type="button"
        aria-label={t('viewImage', { name: attachment.name })}
        aria-haspopup="dialog"
        aria-busy={url === undefined || undefined}
        onClick={(event) => {
          host.current =
            event.currentTarget.closest('[data-ck-root]') ?? event.currentTarget.ownerDocument.body;
          setOpen(true);
        }}
        disabled={url === undefined}
      >
        {url !== undefined ? <img src={url} alt="" onError={() => setFailed(true)} /> : null}
      </S.Thumbnail>
      {open && url !== undefined && host.current
        ? createPortal(
            <S.Viewer
              role="dialog"
              aria-modal="true"
              aria-label={attachment.name}
              onKeyDown={onKeyDown}
              onClick={(event) => {
                if (event.target === event.currentTarget) {
                  hide();
                }
              }}
            >
              <img src={url} alt={attachment.name} onError={() => setFailed(true)} />
              <S.ViewerClose ref={close} type="button" onClick={hide}>
                {t('closeImage')}
              </S.ViewerClose>
            </S.Viewer>,
            host.current,
          )
        : null}
    </>
  );
}
