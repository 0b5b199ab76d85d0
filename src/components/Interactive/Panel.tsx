import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { ChoiceGroup } from './ChoiceGroup';
import * as S from './Interactive.styles';
import { InteractiveNote } from './InteractiveNote';
import { TemplateHeading } from './TemplateHeading';
import { chosenOption, replyOptions } from './chosenOption';
import { interactiveState } from './interactiveState';
import { useInteractiveAnswer } from './useInteractiveAnswer';

/**
 * Props of {@link Panel}.
 *
 * @example
 * ```tsx
 * <Panel item={item} className="compact" />
 * ```
 */
export interface PanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** A transcript item holding a Panel template. */
  item: ChatItem;
}

/**
 * A Panel (protocol §7.2): a title, an optional image and a column of up to ten buttons. Choosing
 * sends the button's title. One Tab stop; arrow keys move, Enter or Space choose.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'Panel' && <Panel item={item} />}
 * ```
 */
export const Panel = /* @__PURE__ */ forwardRef<HTMLDivElement, PanelProps>(function Panel(
  { item, ...rest },
  ref,
) {
  const answer = useInteractiveAnswer(item);
  const template = answer.template;
  if (template?.templateType !== 'Panel') {
    return null;
  }
  const { content } = template.data;
  const options = replyOptions(content.elements);
  const state = interactiveState(answer);
  const chosen = chosenOption(options, answer);
  return (
    <S.Card ref={ref} data-template="Panel" data-state={state} {...rest}>
      <TemplateHeading content={content} />
      <ChoiceGroup
        label={content.title}
        options={options}
        chosenKey={chosen?.key}
        locked={answer.isLocked}
        onChoose={(option) => {
          answer.choose(option.key, { choice: option.element });
        }}
      />
      <InteractiveNote state={state} />
    </S.Card>
  );
});
