import { ContentType } from '../../protocol/contentTypes';
import type { ChatItem } from '../transcript/chatItem';
import type { InteractiveTemplate } from './interactiveTemplate';
import { parseInteractiveContent } from './parseInteractiveContent';
import type { ParseInteractiveResult } from './parseInteractiveContent';

// Items are immutable snapshots, so one parse per item object is enough for every reader (the
// bubble, its answer state, the transcript download, the open view).
const parsed = new WeakMap<ChatItem, ParseInteractiveResult | undefined>();

/**
 * The interactive template of a transcript item, parsed from its content on first read and kept
 * for that item: the chat session keeps interactive messages as they came (`contentType` and raw
 * `content`), so that a session that never shows one never loads the parser. `ok: false` carries
 * the `INTERACTIVE_INVALID` error saying what is wrong with a malformed template; `undefined` for
 * an item that is not an interactive message. An item that already carries `interactive` (built
 * by hand or by a custom session) is taken as is.
 *
 * @example
 * ```ts
 * const result = readInteractive(item);
 * if (result?.ok) console.log(result.template.templateType);
 * ```
 */
export function readInteractive(item: ChatItem): ParseInteractiveResult | undefined {
  if (item.interactive) {
    return { ok: true, template: item.interactive };
  }
  if (item.contentType !== ContentType.interactive || item.type !== 'message') {
    return undefined;
  }
  if (!parsed.has(item)) {
    parsed.set(item, parseInteractiveContent(item.content ?? ''));
  }
  return parsed.get(item);
}

/**
 * The interactive template of a transcript item, or `undefined` when it is not an interactive
 * message or its template is malformed (see {@link readInteractive} for why).
 *
 * @example
 * ```ts
 * if (interactiveOf(item)?.templateType === 'ListPicker') render(item);
 * ```
 */
export function interactiveOf(item: ChatItem): InteractiveTemplate | undefined {
  const result = readInteractive(item);
  return result?.ok ? result.template : undefined;
}
