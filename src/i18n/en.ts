/**
 * The English catalog (bundled). Other locales are loaded on demand and must have every key.
 * `{name}` placeholders are filled by `t(key, { name })`; keys ending in `.one`/`.other` (and,
 * for some languages, `.zero`/`.two`/`.few`/`.many`) are plural forms chosen by `count`.
 *
 * @example
 * ```ts
 * enMessages.send; // 'Send'
 * ```
 */
export const enMessages = {
  // Transcript
  transcriptLabel: 'Conversation',
  loadOlder: 'Load earlier messages',
  loadingOlder: 'Loading earlier messages…',
  jumpToLatest: 'Jump to latest',
  'newMessages.one': '{count} new message',
  'newMessages.other': '{count} new messages',
  today: 'Today',
  yesterday: 'Yesterday',
  you: 'You',
  agent: 'Agent',
  bot: 'Bot',
  system: 'System',
  supervisor: 'Supervisor',
  emptyTranscript: 'No messages yet.',
  // Events
  eventJoined: '{name} joined the chat',
  eventLeft: '{name} left the chat',
  eventInvited: '{name} was invited',
  eventIdle: '{name} is idle',
  eventReturned: '{name} is back',
  eventAutoDisconnected: '{name} was disconnected for inactivity',
  eventRenamed: '{name} changed their name',
  eventChatEnded: 'Chat ended',
  eventRehydrated: 'Chat resumed',
  eventTransferSucceeded: 'You were transferred to another agent',
  eventTransferFailed: 'The transfer did not succeed',
  eventAuthInitiated: 'Sign-in requested',
  eventAuthSucceeded: 'Signed in',
  eventAuthFailed: 'Sign-in failed',
  eventAuthTimeout: 'Sign-in timed out',
  eventAuthExpired: 'Sign-in expired',
  eventAuthCancelled: 'Sign-in cancelled',
  someone: 'Someone',
  // Messages
  sending: 'Sending…',
  delivered: 'Delivered',
  read: 'Read',
  notSent: 'Not sent',
  retry: 'Retry',
  unsupportedMessage: 'This message can’t be displayed here.',
  sentAt: 'Sent at {time}',
  messageFrom: '{name} at {time}',
  // Attachments
  attachmentUploading: 'Uploading… {percent}%',
  attachmentScanning: 'Checking the file…',
  attachmentApproved: 'Ready to download',
  attachmentRejected: 'Blocked: the file did not pass the security check',
  attachmentFailed: 'Upload failed',
  download: 'Download',
  downloadFile: 'Download {name}',
  downloadFailed: 'The file could not be downloaded.',
  // Composer
  messageLabel: 'Message',
  messagePlaceholder: 'Type a message…',
  send: 'Send',
  attachFile: 'Attach a file',
  dropFiles: 'Drop files to attach',
  'charactersLeft.one': '{count} character left',
  'charactersLeft.other': '{count} characters left',
  'charactersOver.one': '{count} character over the limit',
  'charactersOver.other': '{count} characters over the limit',
  composerEnded: 'This chat has ended.',
  composerNotConnected: 'You can type once the chat is connected.',
  errorAttachmentType: 'This type of file can’t be sent.',
  errorAttachmentSize: 'This file is too large.',
  errorAttachmentEmpty: 'This file is empty.',
  errorAttachmentQuota: 'No more files can be sent in this chat.',
  errorAttachmentUpload: 'The file could not be sent.',
  errorSendFailed: 'The message could not be sent.',
  dismiss: 'Dismiss',
  // Typing
  typingOne: '{name} is typing…',
  typingMany: '{names} are typing…',
  // Connection
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  reconnectingAttempt: 'Reconnecting (attempt {attempt})…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  connectionFailed: 'The connection was lost.',
  // Widget
  openChat: 'Open chat',
  closeChat: 'Close chat',
  minimize: 'Minimize',
  endChat: 'End chat',
  endChatConfirmTitle: 'End this chat?',
  endChatConfirmBody: 'You won’t be able to send more messages in this conversation.',
  endChatConfirm: 'End chat',
  cancel: 'Cancel',
  startNewChat: 'Start a new chat',
  downloadTranscript: 'Download transcript',
  transcriptFileTitle: 'Chat transcript',
  chatTitle: 'Chat with us',
  chattingWith: 'Chatting with {name}',
  waitingForAgent: 'Waiting for an agent…',
  chatEndedTitle: 'Chat ended',
  chatEndedBody: 'Thanks for chatting with us.',
  'unreadMessages.one': '{count} unread message',
  'unreadMessages.other': '{count} unread messages',
  startingChat: 'Starting the chat…',
  startFailed: 'The chat could not be started.',
  tryAgain: 'Try again',
  // Pre-chat form
  preChatTitle: 'Before we start',
  preChatIntro: 'Tell us a little about yourself so we can help.',
  yourName: 'Your name',
  email: 'Email',
  question: 'How can we help?',
  startChat: 'Start chat',
  required: 'Required',
  optional: 'Optional',
  fieldRequired: 'Please fill in this field.',
  invalidEmail: 'Please enter a valid email address.',
  // Interactive messages
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {count}',
  select: 'Select',
  selected: 'Selected',
  submit: 'Submit',
  openLink: 'Open link',
  chooseTime: 'Choose a time',
  timeZoneNote: 'Times shown in {timeZone}',
  replySent: 'Answer sent',
  replyFailed: 'Your answer could not be sent.',
  slideOf: '{index} of {count}',
} as const;

/**
 * Every string of the English catalog, by key (plural forms included).
 *
 * @example
 * ```ts
 * const key: MessageCatalogKey = 'newMessages.other';
 * ```
 */
export type MessageCatalogKey = keyof typeof enMessages;
