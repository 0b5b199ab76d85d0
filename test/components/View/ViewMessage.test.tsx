import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatError, ContentType } from 'contact-kit/core';
import type { ChatItem, View } from 'contact-kit/core';
import { Composer } from '../../../src/components/Composer';
import { InteractiveMessage } from '../../../src/components/Interactive';
import { MANAGED_VIEWS, SAMPLE_VIEW_DATA } from '../../../src/emulator/managedViews';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { renderWithChat } from '../../fakes/react/renderWithChat';
import { axeViolations, interactiveItem, ownMessage } from '../Interactive/interactiveFixtures';

function viewItem(viewId: string, viewData: unknown = SAMPLE_VIEW_DATA[viewId]): ChatItem {
  return interactiveItem(
    {
      templateType: 'ViewResource',
      version: '1.0',
      data: { content: { viewId, viewToken: `${viewId}-token`, viewData } },
    },
    { id: `item-${viewId}` },
  );
}

/** A session whose DescribeView answers from `views` (by token), recording the tokens asked for. */
function sessionWith(views: Record<string, View>, items: ChatItem[]) {
  const asked: string[] = [];
  const session = Object.assign(new FakeChatSession(), {
    describeView: (token: string) => {
      asked.push(token);
      const view = views[token];
      return view
        ? Promise.resolve(view)
        : Promise.reject(new ChatError('CONNECTION_LOST', 'Could not load the view'));
    },
  });
  session.update({ items });
  return { session, asked };
}

const sent = (session: FakeChatSession) =>
  session.calls.flatMap((call) =>
    call.method === 'sendMessage'
      ? [
          {
            content:
              call.options?.contentType === ContentType.interactiveResponse
                ? (JSON.parse(call.content) as unknown)
                : call.content,
            contentType: call.options?.contentType,
          },
        ]
      : [],
  );

describe('ViewMessage (step-by-step guides)', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('renders the managed Form view with labelled fields, validates, then sends Next with the output', async () => {
    const item = viewItem('form');
    const { session, asked } = sessionWith({ 'form-token': MANAGED_VIEWS.get('form')! }, [item]);
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    const view = await screen.findByRole('group', { name: 'Return an item' });
    expect(asked).toEqual(['form-token']);
    expect(await axeViolations(container)).toEqual([]);

    const user = userEvent.setup();
    await user.click(within(view).getByRole('button', { name: 'Request label' }));
    expect(sent(session)).toEqual([]);
    expect(within(view).getByText('Enter Email.')).toBeInTheDocument();
    expect(within(view).getByLabelText(/Email/)).toHaveFocus();
    expect(within(view).getByLabelText(/Email/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Check the fields marked in the form.');
    expect(await axeViolations(container)).toEqual([]);

    await user.type(within(view).getByLabelText(/Email/), 'ana@example.com');
    await user.selectOptions(within(view).getByLabelText(/Reason/), 'changed-mind');
    await user.click(within(view).getByRole('button', { name: 'Request label' }));
    expect(sent(session)).toEqual([
      {
        content: {
          action: 'Next',
          data: { Email: 'ana@example.com', Reason: 'changed-mind', Comments: '' },
          templateType: 'ViewResource',
          version: '1.0',
        },
        contentType: ContentType.interactiveResponse,
      },
    ]);
    expect(within(view).getByText('You chose: Request label')).toBeInTheDocument();
    expect(within(view).getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });

  it('Cancel sends its action with an empty output and skips validation', async () => {
    const item = viewItem('form');
    const { session } = sessionWith({ 'form-token': MANAGED_VIEWS.get('form')! }, [item]);
    renderWithChat(<InteractiveMessage item={item} />, { session });
    const view = await screen.findByRole('group', { name: 'Return an item' });
    await userEvent.setup().click(within(view).getByRole('button', { name: 'Cancel' }));
    expect(sent(session).map((message) => message.content)).toEqual([
      { action: 'Cancel', data: {}, templateType: 'ViewResource', version: '1.0' },
    ]);
  });

  it('renders an unknown component as a neutral note and the rest of the view as usual', async () => {
    const view: View = {
      Id: 'custom',
      Content: {
        Actions: ['Go'],
        Template: JSON.stringify({
          Head: { Title: '$.Title' },
          Body: [
            { _id: 'Weird', Type: 'Hologram', Props: {} },
            { _id: 'Go', Type: 'Button', Props: { Action: 'Go', Label: '$.Button' } },
          ],
        }),
      },
    };
    const item = viewItem('custom', { Title: 'Custom step', Button: 'Continue' });
    const { session } = sessionWith({ 'custom-token': view }, [item]);
    const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
    const region = await screen.findByRole('group', { name: 'Custom step' });
    expect(
      within(region).getByText('This part of the step can’t be shown here.'),
    ).toBeInTheDocument();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Continue' }));
    expect(sent(session)[0]?.content).toMatchObject({ action: 'Go', data: {} });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows an alert with Try again when DescribeView fails, and loads on retry', async () => {
    const item = viewItem('confirmation');
    const views: Record<string, View> = {};
    const { session, asked } = sessionWith(views, [item]);
    renderWithChat(<InteractiveMessage item={item} />, { session });
    expect((await screen.findByRole('alert')).textContent).toBe('This step could not be loaded.');
    views['confirmation-token'] = MANAGED_VIEWS.get('confirmation')!;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('group', { name: 'Your return is booked' });
    expect(asked).toEqual(['confirmation-token', 'confirmation-token']);
  });

  it('locks a view the other side went past (the Show view block timed out)', async () => {
    const item = viewItem('list');
    const later = makeChatItem({ id: 'later', role: 'SYSTEM', content: 'Let us try another way.' });
    const { session } = sessionWith({ 'list-token': MANAGED_VIEWS.get('list')! }, [item, later]);
    renderWithChat(<InteractiveMessage item={item} />, { session });
    const region = await screen.findByRole('group', { name: 'Which order is it about?' });
    expect(region.getAttribute('data-state')).toBe('expired');
    expect(within(region).getByText('This step is no longer available.')).toBeInTheDocument();
    const order = within(region).getByRole('button', { name: /Order #1042/ });
    expect(order).toBeDisabled();
  });

  it('sends text typed in the composer while a view is shown as the view response', async () => {
    const item = viewItem('detail');
    const { session } = sessionWith({ 'detail-token': MANAGED_VIEWS.get('detail')! }, [item]);
    renderWithChat(
      <>
        <InteractiveMessage item={item} />
        <Composer />
      </>,
      { session },
    );
    const region = await screen.findByRole('group', { name: 'Order #1042' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Where is it?{Enter}');
    expect(sent(session)).toEqual([
      {
        content: {
          action: ' ',
          data: { content: 'Where is it?' },
          templateType: 'ViewResource',
          version: '1.0',
        },
        contentType: ContentType.interactiveResponse,
      },
    ]);
    await waitFor(() => expect(region.getAttribute('data-state')).toBe('answered'));
    expect(within(region).getByText('You replied: Where is it?')).toBeInTheDocument();

    // Once the view is answered, text goes as text again.
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Thanks{Enter}');
    expect(sent(session).at(-1)).toEqual({ content: 'Thanks', contentType: 'text/plain' });
  });

  it('an agent typing while a view is shown sends plain text', async () => {
    const item = viewItem('detail');
    const { session } = sessionWith({ 'detail-token': MANAGED_VIEWS.get('detail')! }, [item]);
    session.update({
      participantId: 'agent-1',
      participants: [
        { participantId: 'agent-1', displayName: 'Sam', role: 'AGENT', status: 'joined' },
      ],
    });
    renderWithChat(<Composer />, { session });
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'One moment{Enter}');
    expect(sent(session)).toEqual([{ content: 'One moment', contentType: 'text/plain' }]);
  });

  it('a later own message answers the view', async () => {
    const item = viewItem('cards');
    const { session } = sessionWith({ 'cards-token': MANAGED_VIEWS.get('cards')! }, [
      item,
      ownMessage('Plus please'),
    ]);
    renderWithChat(<InteractiveMessage item={item} />, { session });
    const region = await screen.findByRole('group', { name: 'Choose a plan' });
    expect(region.getAttribute('data-state')).toBe('answered');
    expect(within(region).getByRole('button', { name: /Plus/ })).toBeDisabled();
  });

  it.each(['detail', 'list', 'form', 'confirmation', 'cards'])(
    'the managed %s view renders its sample data with no axe violations',
    async (viewId) => {
      const item = viewItem(viewId);
      const { session } = sessionWith({ [`${viewId}-token`]: MANAGED_VIEWS.get(viewId)! }, [item]);
      const { container } = renderWithChat(<InteractiveMessage item={item} />, { session });
      const heading = String(SAMPLE_VIEW_DATA[viewId]!.Heading);
      const region = await screen.findByRole('group', { name: heading });
      expect(region.getAttribute('data-state')).toBe('open');
      expect(region.querySelector('[data-view-fallback]')).toBeNull();
      expect(await axeViolations(container)).toEqual([]);
    },
  );
});
