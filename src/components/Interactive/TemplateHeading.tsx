import * as S from './Interactive.styles';
import { TemplateImage } from './TemplateImage';

/**
 * Props of {@link TemplateHeading}: the title block shared by ListPicker, Panel and Carousel
 * cards.
 *
 * @example
 * ```tsx
 * <TemplateHeading content={{ title: 'How can we help?', subtitle: 'Pick a topic' }} />
 * ```
 */
export interface TemplateHeadingProps {
  content: { title: string; subtitle?: string; imageData?: string; imageDescription?: string };
}

/**
 * The optional hero image, title and subtitle at the top of an interactive card.
 *
 * @example
 * ```tsx
 * <S.Card><TemplateHeading content={template.data.content} />…</S.Card>
 * ```
 */
export function TemplateHeading({ content }: TemplateHeadingProps) {
  return (
    <>
      <TemplateImage
        url={content.imageData}
        description={content.imageDescription}
        variant="hero"
      />
      <S.Header>
        <S.Title>{content.title}</S.Title>
        {content.subtitle ? <S.Subtitle>{content.subtitle}</S.Subtitle> : null}
      </S.Header>
    </>
  );
}
