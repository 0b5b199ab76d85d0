import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { addAgent, call, request, startChat } from '../support';
import { type WebCall, startWebCall } from './support';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('POST /admin/webrtc', () => {
  it('answers like StartWebRTCContact, with the signaling URL on the emulator', async () => {
    emulator = await startEmulator({ port: 0 });
    const answer = await request<WebCall>(`${emulator.url}/admin/webrtc`, {
      body: {
        ParticipantDetails: { DisplayName: 'Ana' },
        AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
      },
    });
    expect(answer.status).toBe(200);
    const { ContactId, ParticipantId, ParticipantToken, ConnectionData } = answer.body;
    expect([ContactId, ParticipantId, ParticipantToken].every((value) => value.length > 0)).toBe(
      true,
    );
    expect(Object.keys(answer.body).sort()).toEqual([
      'ConnectionData',
      'ContactId',
      'ParticipantId',
      'ParticipantToken',
    ]);
    const { Meeting, Attendee } = ConnectionData;
    expect(Object.keys(Attendee).sort()).toEqual(['AttendeeId', 'JoinToken']);
    expect(Meeting.MediaRegion).toBe('us-east-1');
    expect(Meeting.MediaPlacement.SignalingUrl).toBe(
      `ws://127.0.0.1:${emulator.port}/chime/control/${Meeting.MeetingId}`,
    );
    expect(Meeting.MediaPlacement.AudioHostUrl).not.toBe('');
    expect(Meeting.MediaPlacement).not.toHaveProperty('TurnControlUrl');
    expect(Meeting.MediaPlacement).not.toHaveProperty('EventIngestionUrl');
    const contact = await request<{ Participants: { DisplayName: string }[] }>(
      `${emulator.url}/admin/contacts/${ContactId}`,
    );
    // No bot agent unless asked for (webCallAgent, or a chat agent).
    expect(contact.body.Participants.map((participant) => participant.DisplayName)).toEqual([
      'Ana',
    ]);
  });

  it('adds the bot agent as a contact participant when the emulator runs one', async () => {
    emulator = await startEmulator({ port: 0, agent: 'echo' });
    const webCall = await startWebCall(emulator.url);
    const contact = await request<{
      Participants: { DisplayName: string; ParticipantRole: string }[];
    }>(`${emulator.url}/admin/contacts/${webCall.ContactId}`);
    expect(contact.body.Participants).toEqual([
      expect.objectContaining({ DisplayName: 'Ana', ParticipantRole: 'CUSTOMER' }),
      expect.objectContaining({ DisplayName: 'Agent (emulated)', ParticipantRole: 'AGENT' }),
    ]);
  });

  it('validates the body', async () => {
    emulator = await startEmulator({ port: 0 });
    for (const body of [
      {},
      { ParticipantDetails: {} },
      { ParticipantDetails: { DisplayName: 'A' }, AllowedCapabilities: { Robot: {} } },
      { ParticipantDetails: { DisplayName: 'A' }, AllowedCapabilities: { Agent: { Video: 'X' } } },
    ]) {
      const answer = await request(`${emulator.url}/admin/webrtc`, { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('CreateParticipantConnection with WEBRTC_CONNECTION', () => {
  it("returns each participant's own attendee of the contact's meeting", async () => {
    emulator = await startEmulator({ port: 0 });
    const webCall = await startWebCall(emulator.url);
    const customer = await call<{ WebRTCConnection: WebCall['ConnectionData'] }>(
      emulator.url,
      'connection',
      webCall.ParticipantToken,
      { Type: ['WEBRTC_CONNECTION', 'CONNECTION_CREDENTIALS'] },
    );
    expect(customer.status).toBe(200);
    const { Meeting, Attendee } = customer.body.WebRTCConnection;
    expect(Attendee).toEqual(webCall.ConnectionData.Attendee);
    expect(Meeting.MeetingId).toBe(webCall.ConnectionData.Meeting.MeetingId);
    expect(Object.keys(Meeting.MediaPlacement).sort()).toEqual([
      'AudioFallbackUrl',
      'AudioHostUrl',
      'SignalingUrl',
    ]);
    expect(Meeting).not.toHaveProperty('MediaRegion');

    const agent = await addAgent(emulator.url, webCall.ContactId);
    const agentConnection = await call<{ WebRTCConnection: WebCall['ConnectionData'] }>(
      emulator.url,
      'connection',
      agent.ParticipantToken,
      { Type: ['WEBRTC_CONNECTION'] },
    );
    const agentAttendee = agentConnection.body.WebRTCConnection.Attendee;
    expect(agentAttendee.AttendeeId).not.toBe(Attendee.AttendeeId);
    expect(agentAttendee.JoinToken).not.toBe(Attendee.JoinToken);
    expect(agentConnection.body.WebRTCConnection.Meeting.MeetingId).toBe(Meeting.MeetingId);
    // Asking again returns the same attendee.
    const again = await call<{ WebRTCConnection: WebCall['ConnectionData'] }>(
      emulator.url,
      'connection',
      agent.ParticipantToken,
      { Type: ['WEBRTC_CONNECTION'] },
    );
    expect(again.body.WebRTCConnection.Attendee).toEqual(agentAttendee);
  });

  it('omits WebRTCConnection for a chat contact', async () => {
    emulator = await startEmulator({ port: 0 });
    const chat = await startChat(emulator.url);
    const answer = await call(emulator.url, 'connection', chat.ParticipantToken, {
      Type: ['WEBRTC_CONNECTION'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
  });

  it('lists a web call as a VOICE contact and a chat as CHAT, like DescribeContact', async () => {
    emulator = await startEmulator({ port: 0 });
    const chat = await startChat(emulator.url);
    const webCall = await startWebCall(emulator.url);
    const listed = await request<{ Contacts: { ContactId: string; Channel: string }[] }>(
      `${emulator.url}/admin/contacts`,
    );
    expect(listed.body.Contacts.map(({ ContactId, Channel }) => [ContactId, Channel])).toEqual([
      [webCall.ContactId, 'VOICE'],
      [chat.ContactId, 'CHAT'],
    ]);
    const one = await request<{ Channel: string; Meeting: unknown }>(
      `${emulator.url}/admin/contacts/${webCall.ContactId}`,
    );
    expect(one.body.Channel).toBe('VOICE');
    // Nobody has joined the meeting's signaling yet.
    expect(one.body.Meeting).toEqual({
      MeetingId: webCall.ConnectionData.Meeting.MeetingId,
      Status: 'ACTIVE',
      Attendees: [
        {
          AttendeeId: webCall.ConnectionData.Attendee.AttendeeId,
          ParticipantId: webCall.ParticipantId,
          Status: 'ACTIVE',
          Joined: false,
          Joins: 0,
          Muted: false,
        },
      ],
    });
    const chatView = await request<Record<string, unknown>>(
      `${emulator.url}/admin/contacts/${chat.ContactId}`,
    );
    expect(chatView.body).not.toHaveProperty('Meeting');
  });
});
