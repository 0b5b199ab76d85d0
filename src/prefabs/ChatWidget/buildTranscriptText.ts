import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { interactiveOf } from '../../core/chat/interactive/interactiveOf';
import type { Formatter } from '../../i18n/createFormatter';
import type { Translate } from '../../i18n/messages';
import { eventText, senderName } from '../../components/MessageBubble/SystemNote';

/**
 * Options of {@link buildTranscriptText}.
 *
 * @example
 * ```ts
 * const { t, format } = useI18n();
 * const text = buildTranscriptText(items, { t, format, title: 'Acme support' });
 * ```
 */
export interface BuildTranscriptTextOptions {
  /** Strings in the customer's locale. */
  t: Translate;
  /** Dates and times in the customer's locale and time zone. */
  format: Formatter;
  /** First line of the file. Defaults to the catalog's "Chat transcript". */
  title?: string;
}

function interactiveText(item: ChatItem): string {
  const template = interactiveOf(item);
  if (!template) {
    return item.content ?? '';
  }
  switch (template.templateType) {
    case 'ListPicker':
    case 'Panel':
    case 'QuickReply': {
      const { title, elements } = template.data.content;
      return `${title} [${elements.map((element) => element.title).join(' | ')}]`;
    }
    case 'TimePicker':
      return template.data.content.title;
    case 'Carousel':
      return `${template.data.content.title ?? ''} [${template.data.content.elements
        .map((card) => card.data.content.title)
        .join(' | ')}]`.trim();
    default:
      return '';
  }
}

function body(item: ChatItem, t: Translate): string {
  if (item.type === 'event') {
    return eventText(item, t);
  }
  if (item.type === 'unsupported') {
    return t('unsupportedMessage');
  }
  if (item.type === 'attachment') {
    return (item.attachments ?? []).map((file) => `[${file.name}]`).join(' ');
  }
  if (interactiveOf(item)) {
    return interactiveText(item);
  }
  return item.content ?? '';
}

/**
 * The transcript as plain text for the customer to keep: a title line, then one line per item,
 * `[date, time] Name: text`, dates and names in the customer's locale. Events read as sentences
 * ("Sam joined the chat"), attachments as `[file name]`, interactive messages as their title and
 * options; messages that failed to send are left out.
 *
 * @example
 * ```ts
 * const text = buildTranscriptText(session.getSnapshot().items, { t, format });
 * // Chat transcript
 * //
 * // [Mar 4, 2026, 3:04 PM] Sam: Hello! How can I help?
 * ```
 */
export function buildTranscriptText(
  items: readonly ChatItem[],
  options: BuildTranscriptTextOptions,
): string {
  const { t, format } = options;
  const lines = [options.title ?? t('transcriptFileTitle'), ''];
  for (const item of items) {
    if (item.status === 'failed') {
      continue;
    }
    const when = format.dateTime(item.time);
    const text = body(item, t).replace(/\r\n?/g, '\n').replace(/\n/g, '\n    ');
    lines.push(
      item.type === 'event' ? `[${when}] ${text}` : `[${when}] ${senderName(item, t)}: ${text}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A file name for the transcript download, e.g. `chat-transcript-2026-03-04.txt`.
 *
 * @example
 * ```ts
 * transcriptFileName(format, new Date()); // 'chat-transcript-2026-03-04.txt'
 * ```
 */
export function transcriptFileName(format: Formatter, at: Date): string {
  return `chat-transcript-${format.dayKey(at)}.txt`;
}
