import axe from 'axe-core';
import { ContentType, parseInteractiveContent } from 'contact-kit/core';
import type { ChatItem } from 'contact-kit/core';
import { makeChatItem } from 'contact-kit/testing';

/**
 * A bot's interactive message holding `template`, shaped as the session delivers it: raw content
 * and no `interactive` field, so the components under test parse it through `interactiveOf`.
 */
export function interactiveItem(template: unknown, overrides: Partial<ChatItem> = {}): ChatItem {
  const content = JSON.stringify(template);
  // A fixture with a malformed template is a mistake in the test, not a case under test.
  const parsed = parseInteractiveContent(content);
  if (!parsed.ok) {
    throw parsed.error;
  }
  return makeChatItem({
    contentType: ContentType.interactive,
    content,
    role: 'SYSTEM',
    displayName: 'BOT',
    participantId: 'bot-1',
    ...overrides,
  });
}

/** A message the customer sent. */
export function ownMessage(content: string, overrides: Partial<ChatItem> = {}): ChatItem {
  return makeChatItem({
    content,
    isOwn: true,
    role: 'CUSTOMER',
    participantId: 'customer-1',
    displayName: 'Customer',
    status: 'sent',
    ...overrides,
  });
}

/** Runs axe on `container` (colour contrast needs layout, which jsdom lacks) and returns the violations. */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
}
