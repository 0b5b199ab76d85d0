import { useState } from 'react';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import * as S from './Interactive.styles';
import { safeImageUrl } from './safeWebUrl';

/**
 * Props of {@link TemplateImage}.
 *
 * @example
 * ```tsx
 * <TemplateImage url={element.imageData} description={element.imageDescription} variant="choice" />
 * ```
 */
export interface TemplateImageProps {
  /** The template's `imageData`; anything but an absolute https URL shows nothing. */
  url: string | undefined;
  /** The template's `imageDescription` (alt text); empty for a decorative image. */
  description: string | undefined;
  /** `hero` at the top of a card, `choice` beside a list option. */
  variant: 'hero' | 'choice';
}

/**
 * An image from an interactive template, loaded safely: https only, without a `Referer` (the
 * image host does not learn the storefront page), lazily; if it fails to load, a neutral box of
 * the same size stands in (never the browser's broken-image icon).
 *
 * @example
 * ```tsx
 * <TemplateImage url={content.imageData} description={content.imageDescription} variant="hero" />
 * ```
 */
export function TemplateImage({ url, description, variant }: TemplateImageProps): ReactNode {
  const t = useMessages();
  const src = safeImageUrl(url);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (!src) {
    return null;
  }
  const alt = description ?? '';
  if (failed === src) {
    const Placeholder = variant === 'hero' ? S.HeroPlaceholder : S.ChoicePlaceholder;
    return alt ? (
      <Placeholder role="img" aria-label={alt} data-image-failed="" title={t('imageUnavailable')} />
    ) : (
      <Placeholder aria-hidden="true" data-image-failed="" />
    );
  }
  const Image = variant === 'hero' ? S.HeroImage : S.ChoiceImage;
  return (
    <Image
      src={src}
      alt={alt}
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      onError={() => setFailed(src)}
    />
  );
}
