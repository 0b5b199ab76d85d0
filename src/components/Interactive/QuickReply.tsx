import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { styled } from '../../theme/styled';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { themeVars } from '../../theme/tokens';
import { ChoiceGroup } from './ChoiceGroup';
import * as S from './Interactive.styles';
import { InteractiveNote } from './InteractiveNote';
import { chosenOption, replyOptions } from './chosenOption';
import { interactiveState } from './interactiveState';
import { useInteractiveAnswer } from './useInteractiveAnswer';

const Root = styled.div`
  display: grid;
  gap: ${themeVars.space.sm};
  max-inline-size: 100%;
  color: ${themeVars.color.text};

  & > p:last-child {
    padding: 0;
  }
`;

const Bubble = styled.div`
  justify-self: start;
  display: grid;
  gap: 2px;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.otherBubble};
  color: ${themeVars.color.onOtherBubble};
`;

/**
 * Props of {@link QuickReply}.
 *
 * @example
 * ```tsx
 * <QuickReply item={item} data-testid="quick-replies" />
 * ```
 */
export interface QuickReplyProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** A transcript item holding a QuickReply template. */
  item: ChatItem;
}

/**
 * A QuickReply (protocol §7.4): a question with a row of reply chips. Choosing sends the chip's
 * title. One Tab stop; Left/Right (mirrored in right-to-left text) move, Enter or Space choose.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'QuickReply' && <QuickReply item={item} />}
 * ```
 */
export const QuickReply = /* @__PURE__ */ forwardRef<HTMLDivElement, QuickReplyProps>(
  function QuickReply({ item, ...rest }, ref) {
    const answer = useInteractiveAnswer(item);
    const template = answer.template;
    if (template?.templateType !== 'QuickReply') {
      return null;
    }
    const { content } = template.data;
    const options = replyOptions(content.elements);
    const state = interactiveState(answer);
    const chosen = chosenOption(options, answer);
    return (
      <Root ref={ref} data-template="QuickReply" data-state={state} {...rest}>
        <Bubble>
          <S.Title>{content.title}</S.Title>
          {content.subtitle ? <S.Subtitle>{content.subtitle}</S.Subtitle> : null}
        </Bubble>
        <ChoiceGroup
          variant="chips"
          label={content.title}
          options={options}
          chosenKey={chosen?.key}
          locked={answer.isLocked}
          onChoose={(option) => {
            answer.choose(option.key, { choice: option.element });
          }}
        />
        <InteractiveNote state={state} />
      </Root>
    );
  },
);
