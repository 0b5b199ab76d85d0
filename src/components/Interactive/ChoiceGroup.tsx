import type { ReactNode } from 'react';
import type { ListPickerElement } from '../../core/chat/interactive/interactiveTemplate';
import * as S from './Interactive.styles';
import { safeWebUrl } from './safeWebUrl';
import { TemplateImage } from './TemplateImage';
import { useRovingFocus } from './useRovingFocus';
import type { RovingOrientation } from './useRovingFocus';

/**
 * One option of a {@link ChoiceGroup}: a reply, a pagination action or a hyperlink.
 *
 * @example
 * ```tsx
 * <ChoiceGroup label="Pick one" options={[{ key: '0', element: { title: 'Yes' }, kind: 'reply' }]}
 *   onChoose={(option) => answer.choose(option.key, { choice: option.element }, option.kind === 'action')} />
 * ```
 */
export interface ChoiceOption {
  key: string;
  element: ListPickerElement;
  kind: 'reply' | 'action' | 'link';
}

/**
 * Props of {@link ChoiceGroup}.
 *
 * @example
 * ```tsx
 * <ChoiceGroup label={content.title} options={options} variant="chips" chosenKey={chosenKey} locked={answer.isLocked} onChoose={choose} />
 * ```
 */
export interface ChoiceGroupProps {
  /** Accessible name of the group (the template's title). */
  label: string;
  options: readonly ChoiceOption[];
  onChoose: (option: ChoiceOption) => void;
  /** The chosen option's key (shown pressed). */
  chosenKey?: string | undefined;
  /** The options cannot be used (answered, replaced, or busy). */
  locked?: boolean;
  /** `chips` for QuickReply, `list` for pickers and panels. Defaults to `list`. */
  variant?: 'list' | 'chips';
}

/**
 * A labelled group of options with one Tab stop and arrow-key navigation; Enter or Space
 * activates. Answers show as pressed; hyperlinks open in a new tab and send nothing.
 *
 * @remarks Internal building block of ListPicker, Panel, QuickReply and Carousel.
 *
 * @example
 * ```tsx
 * <ChoiceGroup
 *   label="Pick one"
 *   options={[{ key: '0', element: { title: 'Yes' }, kind: 'reply' }]}
 *   onChoose={(option) => console.log(option.element.title)}
 * />
 * ```
 */
export function ChoiceGroup(props: ChoiceGroupProps): ReactNode {
  const { label, options, onChoose, chosenKey, locked = false, variant = 'list' } = props;
  const orientation: RovingOrientation = variant === 'chips' ? 'horizontal' : 'vertical';
  const roving = useRovingFocus(options.length, orientation);

  return (
    <S.Choices role="group" aria-label={label} data-orientation={orientation}>
      {options.map((option, index) => {
        const { element } = option;
        const itemProps = roving.getItemProps(index);
        const content = (
          <>
            {variant === 'list' ? (
              <TemplateImage
                url={element.imageData}
                description={element.imageDescription}
                variant="choice"
              />
            ) : null}
            <S.ChoiceText>
              <S.ChoiceTitle>{element.title}</S.ChoiceTitle>
              {element.subtitle ? <S.ChoiceSubtitle>{element.subtitle}</S.ChoiceSubtitle> : null}
            </S.ChoiceText>
          </>
        );
        const href = option.kind === 'link' ? safeWebUrl(element.url) : undefined;
        if (href) {
          // A hyperlink element sends nothing (protocol §7.7): it stays usable after an answer.
          return (
            <S.ChoiceLink
              key={option.key}
              {...itemProps}
              ref={itemProps.ref}
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              data-kind="link"
            >
              {content}
              <S.LinkMark aria-hidden="true">↗</S.LinkMark>
            </S.ChoiceLink>
          );
        }
        const Button = variant === 'chips' ? S.Chip : S.Choice;
        const pressed = chosenKey === option.key;
        const inert = locked || option.kind === 'link';
        return (
          <Button
            key={option.key}
            type="button"
            {...itemProps}
            ref={itemProps.ref}
            data-kind={option.kind}
            aria-pressed={chosenKey !== undefined && option.kind === 'reply' ? pressed : undefined}
            aria-disabled={inert || undefined}
            onClick={() => {
              if (!inert) {
                onChoose(option);
              }
            }}
          >
            {content}
          </Button>
        );
      })}
    </S.Choices>
  );
}
