/**
 * `contact-kit/testing`: fakes for your own tests and stories of UI built with contact-kit. An
 * in-memory chat session to put under a `ChatProvider` (or a `ChatWidget`'s `createSession`),
 * transcript items, and a fake meeting adapter with web-call data for a `VideoProvider`. No
 * network, no AWS, no Chime SDK, and no test framework: use it with Vitest, Jest or Storybook.
 *
 * @packageDocumentation
 */
export {
  FakeChatSession,
  type FakeChatAgent,
  type FakeChatCall,
  type FakeChatSessionInit,
} from './FakeChatSession';
export { makeChatItem } from './makeChatItem';
export {
  createFakeMeetingAdapter,
  type FakeAttendee,
  type FakeMeetingAdapter,
  type FakeMeetingAdapterOptions,
} from './createFakeMeetingAdapter';
export { fakeWebCallConnectionData } from './fakeWebCallConnectionData';
export { paintTestCard } from './paintTestCard';
