import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type {
  ListPickerElement,
  ListPickerTemplate,
} from '../../core/chat/interactive/interactiveTemplate';
import { ChoiceGroup } from './ChoiceGroup';
import type { ChoiceOption } from './ChoiceGroup';
import * as S from './Interactive.styles';
import { InteractiveNote } from './InteractiveNote';
import { TemplateHeading } from './TemplateHeading';
import { chosenOption } from './chosenOption';
import { interactiveState } from './interactiveState';
import { useInteractiveAnswer } from './useInteractiveAnswer';

/**
 * Props of {@link ListPicker}.
 *
 * @example
 * ```tsx
 * <ListPicker item={item} aria-describedby="picker-help" />
 * ```
 */
export interface ListPickerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** A transcript item holding a ListPicker template. */
  item: ChatItem;
}

function optionOf(element: ListPickerElement, index: number): ChoiceOption {
  const kind = element.type === 'hyperlink' ? 'link' : element.actionDetail ? 'action' : 'reply';
  return { key: String(index), element, kind };
}

/**
 * Options of a ListPicker template as choice-group options.
 *
 * @example
 * ```ts
 * listPickerOptions(template).filter((o) => o.kind === 'reply');
 * ```
 */
export function listPickerOptions(template: ListPickerTemplate): ChoiceOption[] {
  return template.data.content.elements.map(optionOf);
}

/**
 * A ListPicker (protocol §7.1): a title, an optional image and up to six options with images.
 * Choosing sends the option's title; a hyperlink option opens its page and sends nothing; "Show
 * more" / "Previous options" ask the bot for another page, which then replaces this one (pages
 * share a `referenceId`). One Tab stop; arrow keys move, Enter or Space choose. Once answered the
 * options stay visible, with the answer pressed, but do nothing.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'ListPicker' && <ListPicker item={item} />}
 * ```
 */
export const ListPicker = /* @__PURE__ */ forwardRef<HTMLDivElement, ListPickerProps>(
  function ListPicker({ item, ...rest }, ref) {
    const answer = useInteractiveAnswer(item);
    const template = answer.template;
    if (template?.templateType !== 'ListPicker' || answer.isSuperseded) {
      return null;
    }
    const { content } = template.data;
    const options = listPickerOptions(template);
    const state = interactiveState(answer);
    const chosen = chosenOption(options, answer);
    return (
      <S.Card ref={ref} data-template="ListPicker" data-state={state} {...rest}>
        <TemplateHeading content={content} />
        <ChoiceGroup
          label={content.title}
          options={options}
          chosenKey={chosen?.key}
          locked={answer.isLocked}
          onChoose={(option) => {
            answer.choose(option.key, { choice: option.element }, option.kind === 'action');
          }}
        />
        <InteractiveNote state={state} />
      </S.Card>
    );
  },
);
