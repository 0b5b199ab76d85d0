import { forwardRef, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { styled } from '../../theme/styled';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { CarouselCard } from '../../core/chat/interactive/interactiveTemplate';
import { focusRing } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';
import { ChoiceGroup } from './ChoiceGroup';
import type { ChoiceOption } from './ChoiceGroup';
import * as S from './Interactive.styles';
import { InteractiveNote } from './InteractiveNote';
import { TemplateHeading } from './TemplateHeading';
import { interactiveState } from './interactiveState';
import { useMessages } from '../../i18n/I18nProvider';
import { useInteractiveAnswer } from './useInteractiveAnswer';

const Root = styled.section`
  display: grid;
  gap: ${themeVars.space.sm};
  max-inline-size: 100%;
  min-inline-size: 0;
  color: ${themeVars.color.text};

  & > p:last-child {
    padding: 0;
  }
`;

const Bar = styled.div`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
`;

const Nav = styled.button`
  flex: none;
  inline-size: 2.25rem;
  block-size: 2.25rem;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  cursor: pointer;
  ${focusRing}

  [dir='rtl'] & > span {
    display: inline-block;
    transform: scaleX(-1);
  }
`;

const Track = styled.ul`
  display: flex;
  gap: ${themeVars.space.sm};
  margin: 0;
  padding: 0 0 ${themeVars.space.xs};
  list-style: none;
  overflow-x: auto;
  scroll-snap-type: x mandatory;
  overscroll-behavior-x: contain;

  & > li {
    flex: 0 0 auto;
    inline-size: min(16rem, 85%);
    scroll-snap-align: start;
    display: flex;
  }

  & > li > div {
    inline-size: 100%;
  }
`;

/**
 * Props of {@link Carousel}.
 *
 * @example
 * ```tsx
 * <Carousel item={item} className="wide" />
 * ```
 */
export interface CarouselProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** A transcript item holding a Carousel template. */
  item: ChatItem;
}

function cardOptions(card: CarouselCard, cardIndex: number): ChoiceOption[] {
  const elements: readonly { title: string; type?: string; url?: string }[] =
    card.data.content.elements;
  return elements.map((element, index) => ({
    key: `${cardIndex}:${index}`,
    element,
    kind: element.type === 'hyperlink' ? 'link' : 'reply',
  }));
}

/** The option a transcript answer (`{"templateIdentifier","listTitle","selectionText"}`) names. */
function matchCarouselAnswer(
  cards: readonly CarouselCard[],
  answer: string | undefined,
): string | undefined {
  if (!answer) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(answer) as { templateIdentifier?: unknown; selectionText?: unknown };
    const cardIndex = cards.findIndex((c) => c.templateIdentifier === parsed.templateIdentifier);
    const card = cards[cardIndex];
    if (!card) {
      return undefined;
    }
    const index = card.data.content.elements.findIndex((e) => e.title === parsed.selectionText);
    return index >= 0 ? `${cardIndex}:${index}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Carousel (protocol §7.5): a horizontally scrolling row of cards, each a ListPicker or Panel.
 * Choosing sends `{"templateIdentifier","listTitle","selectionText"}` as text. Each card's options
 * are one Tab stop with arrow keys; Previous/Next scroll the row.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'Carousel' && <Carousel item={item} />}
 * ```
 */
export const Carousel = /* @__PURE__ */ forwardRef<HTMLElement, CarouselProps>(function Carousel(
  { item, ...rest },
  ref,
) {
  const answer = useInteractiveAnswer(item);
  const t = useMessages();
  const track = useRef<HTMLUListElement>(null);
  const template = answer.template;
  if (template?.templateType !== 'Carousel') {
    return null;
  }
  const cards = template.data.content.elements;
  const title = template.data.content.title || t('select');
  const state = interactiveState(answer);
  const chosenKey = answer.chosenKey ?? matchCarouselAnswer(cards, answer.transcriptAnswer);

  const scroll = (direction: 1 | -1) => {
    const element = track.current;
    if (!element || typeof element.scrollBy !== 'function') {
      return;
    }
    const rtl = getComputedStyle(element).direction === 'rtl';
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    element.scrollBy({
      left: direction * (rtl ? -1 : 1) * element.clientWidth * 0.85,
      behavior: reduce ? 'auto' : 'smooth',
    });
  };

  return (
    <Root ref={ref} aria-label={title} data-template="Carousel" data-state={state} {...rest}>
      <Bar>
        <S.Title style={{ flex: 1 }}>{title}</S.Title>
        {cards.length > 1 ? (
          <>
            <Nav type="button" aria-label={t('previous')} onClick={() => scroll(-1)}>
              <span aria-hidden="true">‹</span>
            </Nav>
            <Nav type="button" aria-label={t('next')} onClick={() => scroll(1)}>
              <span aria-hidden="true">›</span>
            </Nav>
          </>
        ) : null}
      </Bar>
      <Track ref={track} role="list">
        {cards.map((card, cardIndex) => {
          const content = card.data.content;
          return (
            <li
              key={card.templateIdentifier || cardIndex}
              aria-label={`${content.title}, ${t('slideOf', { index: cardIndex + 1, count: cards.length })}`}
            >
              <S.Card>
                <TemplateHeading content={content} />
                <ChoiceGroup
                  label={content.title}
                  options={cardOptions(card, cardIndex)}
                  chosenKey={chosenKey}
                  locked={answer.isLocked}
                  onChoose={(option) => {
                    answer.choose(option.key, {
                      card,
                      choice: option.element as CarouselCard['data']['content']['elements'][number],
                    });
                  }}
                />
              </S.Card>
            </li>
          );
        })}
      </Track>
      <InteractiveNote state={state} />
    </Root>
  );
});
