import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContentType } from 'contact-kit/core';
import { InteractiveMessage } from '../../../src/components/Interactive';
import { groupSlotsByDay } from '../../../src/components/Interactive/TimePicker';
import { FakeChatSession } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { createSampleTimePicker } from '../../../src/emulator/agents/templates';
import { axeViolations, interactiveItem, ownMessage } from './interactiveFixtures';

// Slots at 10:00 and 14:30 UTC+1 on 2, 3 and 4 March 2026.
const template = createSampleTimePicker(new Date('2026-03-01T12:00:00Z'));

describe('TimePicker', { timeout: 30_000 }, () => {
  afterEach(cleanup);
  beforeAll(() => {
    // jsdom has no CSS.escape; user-event uses it to find a radio's group for the arrow keys.
    if (typeof globalThis.CSS?.escape !== 'function') {
      vi.stubGlobal('CSS', {
        escape: (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`),
      });
    }
  });

  it('shows the slots in the customer time zone, grouped by day', () => {
    const days = groupSlotsByDay(template.data.content.timeslots, 'en-US', 'America/New_York');
    expect(days.map((day) => day.label)).toEqual([
      'Monday, March 2',
      'Tuesday, March 3',
      'Wednesday, March 4',
    ]);
    // 10:00+01:00 is 04:00 in New York (UTC-5 in early March).
    expect(days[0]?.slots.map((slot) => slot.time)).toEqual(['4:00 AM', '8:30 AM']);
    const tokyo = groupSlotsByDay(template.data.content.timeslots, 'en-US', 'Asia/Tokyo');
    expect(tokyo[0]?.slots.map((slot) => slot.time)).toEqual(['6:00 PM', '10:30 PM']);
  });

  it('is a radio group: arrow keys pick a slot, Submit sends its date verbatim', async () => {
    const user = userEvent.setup();
    const item = interactiveItem(template);
    const session = new FakeChatSession();
    session.update({ items: [item] });
    const { container } = renderWithChat(<InteractiveMessage item={item} timeZone="UTC" />, {
      session,
    });
    expect(screen.getByText(/Times shown in Coordinated Universal Time/)).toBeTruthy();
    expect(screen.getByText('Main Street store')).toBeTruthy();
    const monday = screen.getByRole('group', { name: 'Monday, March 2' });
    expect(within(monday).getAllByRole('radio')).toHaveLength(2);
    expect(await axeViolations(container)).toEqual([]);

    const submit = screen.getByRole('button', { name: 'Submit' });
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    await user.click(submit);
    expect(session.callsOf('sendMessage')).toEqual([]);
    submit.blur();

    await user.tab();
    const first = within(monday).getByRole('radio', { name: /9:00 AM/ });
    expect(document.activeElement).toBe(first);
    await user.keyboard(' ');
    expect((first as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    const second = within(monday).getByRole('radio', { name: /1:30 PM/ });
    expect((second as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(submit);
    await user.keyboard('{Enter}');

    expect(session.callsOf('sendMessage')).toEqual([
      {
        method: 'sendMessage',
        content: '2026-03-02T14:30+01:00',
        options: { contentType: ContentType.plainText },
      },
    ]);
    for (const radio of screen.getAllByRole('radio')) {
      expect((radio as HTMLInputElement).disabled).toBe(true);
    }
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Answer sent')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the slot the transcript answered as checked', () => {
    const item = interactiveItem(template);
    const session = new FakeChatSession();
    session.update({ items: [item, ownMessage('2026-03-03T10:00+01:00')] });
    renderWithChat(<InteractiveMessage item={item} timeZone="Europe/Paris" />, { session });
    const checked = screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked);
    expect(checked).toHaveLength(1);
    expect((checked[0] as HTMLInputElement).value).toBe('2026-03-03T10:00+01:00');
  });
});
