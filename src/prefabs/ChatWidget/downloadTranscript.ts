import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { buildTranscriptText, transcriptFileName } from './buildTranscriptText';
import type { BuildTranscriptTextOptions } from './buildTranscriptText';

/**
 * Saves the conversation so far as a `.txt` file in the customer's language: during the chat (from
 * the header) or after it ended (from the ended footer). The link is added inside `host`, whose
 * document may be a shadow root's (Firefox only downloads links that are in a document).
 *
 * @example
 * ```ts
 * downloadTranscript(items, { t, format }, panel);
 * ```
 */
export function downloadTranscript(
  items: readonly ChatItem[],
  options: BuildTranscriptTextOptions,
  host: Element,
): void {
  const text = buildTranscriptText(items, options);
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = host.ownerDocument.createElement('a');
  link.href = url;
  link.download = transcriptFileName(options.format, new Date());
  link.hidden = true;
  host.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
