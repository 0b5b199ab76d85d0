import { ContentType } from '../../protocol/contentTypes';
import type {
  CarouselCard,
  CarouselTemplate,
  ListPickerElement,
  ListPickerTemplate,
  PanelElement,
  PanelTemplate,
  QuickReplyElement,
  QuickReplyTemplate,
  TimePickerTemplate,
  TimeSlot,
  ViewResourceTemplate,
} from './interactiveTemplate';

/**
 * A message ready for SendMessage: what the customer sends back after an interaction
 * (protocol §7.7).
 *
 * @example
 * ```ts
 * const reply = replyToChoice(template, element);
 * if (reply) session.sendMessage(reply.content, { contentType: reply.contentType });
 * ```
 */
export interface InteractiveReply {
  /** `text/plain` for choices, the interactive response type for actions. */
  contentType: typeof ContentType.plainText | typeof ContentType.interactiveResponse;
  /** The message body. */
  content: string;
}

function assertMember<T>(elements: readonly T[], element: T, what: string): void {
  if (!elements.includes(element)) {
    throw new TypeError(`${what}: the chosen element is not one of this template's elements`);
  }
}

/**
 * The reply to a choice in a ListPicker, Panel or QuickReply: the element's `title` as
 * `text/plain`. A ListPicker hyperlink element sends nothing (`null`: open its `url` instead); a
 * `SHOW_MORE`/`PREVIOUS_OPTIONS` element asks the bot for another page with an interactive
 * response (not shown in the transcript).
 *
 * @throws TypeError when `element` is not one of `template`'s elements (compared by identity).
 *
 * @example
 * ```ts
 * const [first] = template.data.content.elements;
 * replyToChoice(template, first!); // { contentType: 'text/plain', content: 'Apple' }
 * ```
 */
export function replyToChoice(
  template: ListPickerTemplate,
  element: ListPickerElement,
): InteractiveReply | null;
export function replyToChoice(template: PanelTemplate, element: PanelElement): InteractiveReply;
export function replyToChoice(
  template: QuickReplyTemplate,
  element: QuickReplyElement,
): InteractiveReply;
export function replyToChoice(
  template: ListPickerTemplate | PanelTemplate | QuickReplyTemplate,
  element: ListPickerElement | PanelElement | QuickReplyElement,
): InteractiveReply | null {
  const elements: readonly object[] = template.data.content.elements;
  assertMember(elements, element, `replyToChoice(${template.templateType})`);
  if (template.templateType === 'ListPicker') {
    const listElement = element as ListPickerElement;
    if (listElement.type === 'hyperlink') {
      return null;
    }
    if (listElement.actionDetail) {
      const { listId, referenceId, preIndex, nextIndex } = template.data.content;
      return {
        contentType: ContentType.interactiveResponse,
        content: JSON.stringify({
          version: '1.0',
          data: {
            actionName: listElement.title,
            preIndex,
            nextIndex,
            listId,
            templateType: 'ListPicker',
            referenceId,
          },
          action: listElement.actionDetail,
        }),
      };
    }
  }
  return { contentType: ContentType.plainText, content: element.title };
}

/**
 * The reply to a TimePicker: the chosen slot's `date` string, verbatim, as `text/plain`.
 *
 * @throws TypeError when `slot` is not one of the template's timeslots (compared by identity).
 *
 * @example
 * ```ts
 * replyToTimePicker(template, template.data.content.timeslots[0]!);
 * // { contentType: 'text/plain', content: '2020-10-31T17:00+00:00' }
 * ```
 */
export function replyToTimePicker(template: TimePickerTemplate, slot: TimeSlot): InteractiveReply {
  assertMember(template.data.content.timeslots, slot, 'replyToTimePicker');
  return { contentType: ContentType.plainText, content: slot.date };
}

/**
 * The reply to a choice on a Carousel card: `text/plain` holding the JSON
 * `{"templateIdentifier","listTitle","selectionText"}`.
 *
 * @throws TypeError when `card` is not one of the carousel's cards or `element` not one of the
 * card's elements (compared by identity).
 *
 * @example
 * ```ts
 * const card = template.data.content.elements[0]!;
 * replyToCarousel(template, card, card.data.content.elements[0]!);
 * ```
 */
export function replyToCarousel(
  template: CarouselTemplate,
  card: CarouselCard,
  element: ListPickerElement | PanelElement,
): InteractiveReply {
  assertMember(template.data.content.elements, card, 'replyToCarousel');
  const elements: readonly object[] = card.data.content.elements;
  assertMember(elements, element, 'replyToCarousel');
  return {
    contentType: ContentType.plainText,
    content: JSON.stringify({
      templateIdentifier: card.templateIdentifier,
      listTitle: card.data.content.title,
      selectionText: element.title,
    }),
  };
}

/**
 * The reply to an action of a displayed view (step-by-step guide): an interactive response
 * carrying the action name and the view's output.
 *
 * @throws TypeError when `action` is empty (the service rejects an empty action).
 *
 * @example
 * ```ts
 * replyToViewResource(template, 'Submit', { orderId: '42' });
 * ```
 */
export function replyToViewResource(
  template: ViewResourceTemplate,
  action: string,
  output?: unknown,
): InteractiveReply {
  if (action.length === 0) {
    throw new TypeError('replyToViewResource: action must not be empty');
  }
  return {
    contentType: ContentType.interactiveResponse,
    content: JSON.stringify({
      action,
      data: output ?? {},
      templateType: template.templateType,
      version: '1.0',
    }),
  };
}

/**
 * Free text typed while a view is displayed, wrapped the way the view expects it: an interactive
 * response with the action `" "` (a single space, because an empty action is rejected).
 *
 * @example
 * ```ts
 * replyToViewResourceWithText(template, 'I need help');
 * ```
 */
export function replyToViewResourceWithText(
  template: ViewResourceTemplate,
  text: string,
): InteractiveReply {
  return {
    contentType: ContentType.interactiveResponse,
    content: JSON.stringify({
      action: ' ',
      data: { content: text },
      templateType: template.templateType,
      version: '1.0',
    }),
  };
}
