import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { ContentType, parseInteractiveContent, resolveView } from 'contact-kit/core';
import type { View } from 'contact-kit/core';
import { adminTranscript, call, connect, request, startChat } from './support';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

async function describeView(token: string, viewToken: string) {
  return request<{ View?: View; message?: string }>(
    `${emulator.url}/participant/views/${encodeURIComponent(viewToken)}`,
    { headers: { 'x-amz-bearer': token } },
  );
}

async function customer() {
  const chat = await startChat(emulator.url);
  const { connectionToken } = await connect(emulator.url, chat.ParticipantToken);
  return { chat, connectionToken };
}

describe('step-by-step guide views', () => {
  it.each(['detail', 'list', 'form', 'confirmation', 'cards'])(
    'POST /admin/contacts/{id}/views sends the managed %s view; DescribeView serves it for the token',
    async (viewId) => {
      const { chat, connectionToken } = await customer();
      const shown = await request<{ Id: string; ViewToken: string }>(
        `${emulator.url}/admin/contacts/${chat.ContactId}/views`,
        { body: { ViewId: viewId } },
      );
      expect(shown.status).toBe(200);

      const message = (await adminTranscript(emulator.url, chat.ContactId)).find(
        (item) => item.Id === shown.body.Id,
      );
      expect(message).toMatchObject({
        Type: 'MESSAGE',
        ContentType: ContentType.interactive,
        ParticipantRole: 'SYSTEM',
        DisplayName: 'BOT',
      });
      const parsed = parseInteractiveContent(message!.Content!);
      expect(parsed.ok && parsed.template.templateType).toBe('ViewResource');
      const content =
        parsed.ok && parsed.template.templateType === 'ViewResource'
          ? parsed.template.data.content
          : undefined;
      expect(content).toMatchObject({ viewId, viewToken: shown.body.ViewToken });

      const described = await describeView(connectionToken, shown.body.ViewToken);
      expect(described.status).toBe(200);
      expect(described.body.View).toMatchObject({ Id: viewId, Version: 1 });
      expect(typeof described.body.View?.Content?.Template).toBe('string');
      expect(typeof described.body.View?.Content?.InputSchema).toBe('string');
      // The template resolves against the message's view data without errors.
      const resolved = resolveView(described.body.View!, content?.viewData);
      expect(resolved.ok && resolved.view.title).toBe(
        (content?.viewData as { Heading: string }).Heading,
      );
    },
  );

  it('serves a view registered with POST /admin/views, with the given ViewData', async () => {
    const registered = await request<{ View: View }>(`${emulator.url}/admin/views`, {
      body: {
        Id: 'survey',
        Name: 'Survey',
        Template: {
          Head: { Title: '$.Title' },
          Body: [{ Type: 'Button', Props: { Action: 'Done' } }],
        },
        Actions: ['Done'],
      },
    });
    expect(registered.status).toBe(200);
    expect(registered.body.View).toMatchObject({ Id: 'survey', Content: { Actions: ['Done'] } });

    const { chat, connectionToken } = await customer();
    const shown = await request<{ ViewToken: string }>(
      `${emulator.url}/admin/contacts/${chat.ContactId}/views`,
      { body: { ViewId: 'survey', ViewData: { Title: 'Rate us' } } },
    );
    const described = await describeView(connectionToken, shown.body.ViewToken);
    expect(JSON.parse(described.body.View!.Content!.Template!)).toEqual({
      Head: { Title: '$.Title' },
      Body: [{ Type: 'Button', Props: { Action: 'Done' } }],
    });
    const transcript = await adminTranscript(emulator.url, chat.ContactId);
    expect(transcript.at(-1)?.Content).toContain('"viewData":{"Title":"Rate us"}');
  });

  it('refuses unknown views, bad registrations, and tokens of another contact', async () => {
    const { chat } = await customer();
    const unknown = await request(`${emulator.url}/admin/contacts/${chat.ContactId}/views`, {
      body: { ViewId: 'nope' },
    });
    expect(unknown.status).toBe(404);
    const noActions = await request(`${emulator.url}/admin/views`, {
      body: { Template: { Body: [] }, Actions: [] },
    });
    expect(noActions.status).toBe(400);
    const badTemplate = await request(`${emulator.url}/admin/views`, {
      body: { Template: 'not json', Actions: ['A'] },
    });
    expect(badTemplate.status).toBe(400);

    const shown = await request<{ ViewToken: string }>(
      `${emulator.url}/admin/contacts/${chat.ContactId}/views`,
      { body: { ViewId: 'form' } },
    );
    const other = await customer();
    const foreign = await describeView(other.connectionToken, shown.body.ViewToken);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });

  it('the customer response to a view lands in the transcript as sent', async () => {
    const { chat, connectionToken } = await customer();
    await request(`${emulator.url}/admin/contacts/${chat.ContactId}/views`, {
      body: { ViewId: 'confirmation' },
    });
    const content = JSON.stringify({
      action: 'Next',
      data: {},
      templateType: 'ViewResource',
      version: '1.0',
    });
    const sent = await call(emulator.url, 'message', connectionToken, {
      ContentType: ContentType.interactiveResponse,
      Content: content,
    });
    expect(sent.status).toBe(200);
    const last = (await adminTranscript(emulator.url, chat.ContactId)).at(-1);
    expect(last).toMatchObject({
      ContentType: ContentType.interactiveResponse,
      Content: content,
      ParticipantRole: 'CUSTOMER',
    });
  });
});
