import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { ArtifactStatus, Item, ParticipantRole, Receipt } from '../core/protocol/types';

/**
 * Lifecycle of a contact in the emulator.
 *
 * @example
 * ```ts
 * if (contact.status === ('ended' satisfies ContactStatus)) throw accessDenied();
 * ```
 */
export type ContactStatus = 'active' | 'ended';

/**
 * A participant of a contact. `left` after DisconnectParticipant or when the contact ended.
 *
 * @example
 * ```ts
 * const agent = store.addParticipant(contact, { role: 'AGENT', displayName: 'Sam' });
 * console.log(agent.participantToken, agent.status); // 'joined'
 * ```
 */
export interface ParticipantRecord {
  readonly participantId: string;
  readonly contactId: string;
  readonly role: ParticipantRole;
  readonly displayName: string;
  readonly participantToken: string;
  readonly createdAt: number;
  status: 'joined' | 'left';
  /** Set by `ConnectParticipant: true` or the legacy `connection.acknowledged` event. */
  acknowledged: boolean;
}

/**
 * A stored transcript item with its global sequence number (the transcript order).
 *
 * @example
 * ```ts
 * const newest = contact.items.at(-1);
 * if (newest?.item.Type === 'MESSAGE') console.log(newest.seq, newest.item.Content);
 * ```
 */
export interface StoredItem {
  readonly seq: number;
  item: Item;
}

/**
 * An attachment between StartAttachmentUpload and its download.
 *
 * @example
 * ```ts
 * const record = store.startAttachment(participant, { contentType: 'text/plain', name: 'a.txt', size: 5 });
 * console.log(record.attachmentId, record.uploadKey);
 * ```
 */
export interface AttachmentRecord {
  readonly attachmentId: string;
  readonly contactId: string;
  readonly participantId: string;
  readonly contentType: string;
  readonly name: string;
  readonly declaredSize: number;
  readonly uploadKey: string;
  readonly uploadExpiresAt: number;
  status: 'pending' | 'uploaded' | 'completed';
  bytes: Buffer | undefined;
  /** The simulated scan: `IN_PROGRESS` until its verdict; `undefined` when the file is not scanned. */
  scanStatus: ArtifactStatus | undefined;
}

/**
 * How a contact's attachments are scanned (`POST /admin/contacts/{ContactId}/scanning`).
 *
 * @example
 * ```ts
 * contact.scanning = { result: 'REJECTED', delayMs: 1000 } satisfies ScanningSetting;
 * ```
 */
export interface ScanningSetting {
  /** The verdict every scanned file of the contact gets. */
  result: 'APPROVED' | 'REJECTED';
  /** How long a file stays `IN_PROGRESS`. */
  delayMs: number;
}

/**
 * Where the contact's "Authenticate customer" flow block is (`POST
 * /admin/contacts/{ContactId}/authenticate`): `INITIATED` until the customer signs in
 * (`SUCCEEDED`), is denied (`FAILED`), continues without (`CANCELLED`) or the block times out
 * (`TIMEOUT`).
 *
 * @example
 * ```ts
 * contact.authentication = { sessionId, status: 'INITIATED', timeoutSeconds: 300, urlIssued: false };
 * ```
 */
export interface AuthenticationRecord {
  readonly sessionId: string;
  status: 'INITIATED' | 'SUCCEEDED' | 'FAILED' | 'TIMEOUT' | 'CANCELLED';
  readonly timeoutSeconds: number;
  /** GetAuthenticationUrl was called for this session. */
  urlIssued: boolean;
}

/**
 * The contact's simulated message processing (`POST /admin/contacts/{ContactId}/processing`):
 * customer messages containing `match` (case-insensitive; every message when absent) get `status`.
 *
 * @example
 * ```ts
 * contact.processing = { status: 'REJECTED', match: 'secret' };
 * ```
 */
export interface ProcessingRule {
  readonly status: 'REJECTED' | 'FAILED';
  readonly match: string | undefined;
}

/**
 * A contact (one chat) and everything the service holds about it.
 *
 * @example
 * ```ts
 * const contact = store.getContact(contactId);
 * if (!contact) throw new ServiceError('ResourceNotFoundException', 'No such contact');
 * ```
 */
export interface ContactRecord {
  readonly contactId: string;
  readonly initialContactId: string;
  readonly createdAt: number;
  readonly attributes: Readonly<Record<string, string>>;
  /** The content types participants may send; always contains `text/plain`. */
  readonly supportedContentTypes: readonly string[];
  /** Past contacts whose transcripts this contact shows (persistent chat), oldest first. */
  readonly pastContactIds: readonly string[];
  status: ContactStatus;
  endedAt: number | undefined;
  /** Participant ids in join order; the first is the customer. */
  readonly participantIds: string[];
  readonly items: StoredItem[];
  /** messageId -> recipientParticipantId -> aggregated receipt. */
  readonly receipts: Map<string, Map<string, Receipt>>;
  /** True until the `chat.rehydrated` event of a persistent chat was emitted. */
  rehydrationPending: boolean;
  lastItemMs: number;
  /** The synthetic flow/bot participant injected items are attributed to. */
  readonly systemParticipantId: string;
  /** Simulated attachment scanning; `undefined` scans only files named like a test virus. */
  scanning: ScanningSetting | undefined;
  /** The latest "Authenticate customer" block run on the contact, if any. */
  authentication: AuthenticationRecord | undefined;
  /** Simulated message processing of customer messages; `undefined`: every message is delivered. */
  processing: ProcessingRule | undefined;
}

interface ConnectionTokenRecord {
  readonly participantId: string;
  readonly expiresAt: number;
  revoked: boolean;
}

interface WebsocketUrlRecord {
  readonly participantId: string;
  readonly expiresAt: number;
  revoked: boolean;
}

interface DownloadRecord {
  readonly attachmentId: string;
  readonly expiresAt: number;
}

/**
 * Dependencies and windows of the store.
 *
 * @example
 * ```ts
 * const store = new EmulatorStore({ clock: systemClock, connectionTokenTtlMs: 86_400_000, websocketUrlTtlMs: 100_000, uploadUrlTtlMs: 300_000 });
 * store.now(); // read from the clock given here
 * ```
 */
export interface EmulatorStoreOptions {
  clock: Clock;
  connectionTokenTtlMs: number;
  websocketUrlTtlMs: number;
  /** How long an upload URL may be used. */
  uploadUrlTtlMs: number;
  newId?: () => string;
  newSecret?: () => string;
}

/**
 * What CreateParticipantConnection hands out.
 *
 * @example
 * ```ts
 * const issued = store.issueConnection(participant, { websocket: true, credentials: true });
 * const expiresIn = issued.websocketExpiresAt - store.now();
 * ```
 */
export interface IssuedConnection {
  websocketKey: string | undefined;
  websocketExpiresAt: number;
  connectionToken: string | undefined;
  connectionTokenExpiresAt: number;
}

/**
 * Fields of a new item; the store fills `Id` (unless given), `AbsoluteTime`, `ContactId`, `InitialContactId`.
 *
 * @example
 * ```ts
 * const item = store.appendItem(contact, { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' });
 * console.log(item.Id, item.AbsoluteTime); // filled in by the store
 * ```
 */
export type NewItem = Omit<Item, 'AbsoluteTime' | 'ContactId' | 'InitialContactId'>;

/**
 * One page-able view of a transcript: the items and the id of the contact they belong to.
 *
 * @example
 * ```ts
 * const entries = store.transcriptView(contact, undefined);
 * const newestFirst = entries.toReversed();
 * ```
 */
export interface TranscriptEntry {
  stored: StoredItem;
  contactId: string;
}

/**
 * Milliseconds to an ISO-8601 UTC timestamp with milliseconds.
 *
 * @example
 * ```ts
 * isoTime(0); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/**
 * The emulator's in-memory model: contacts, participants, tokens, transcript items, receipts,
 * attachments and ClientToken replays. It performs no I/O; the HTTP and websocket shells call it and
 * fan out what it returns.
 *
 * @example
 * ```ts
 * const store = new EmulatorStore({ clock: systemClock, connectionTokenTtlMs: 86_400_000, websocketUrlTtlMs: 100_000, uploadUrlTtlMs: 300_000 });
 * const { contact, customer } = store.createContact({ displayName: 'Ana' });
 * store.appendItem(contact, { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi', ParticipantId: customer.participantId });
 * ```
 */
export class EmulatorStore {
  private readonly options: EmulatorStoreOptions;
  private readonly newId: () => string;
  private readonly newSecret: () => string;
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly participants = new Map<string, ParticipantRecord>();
  private readonly participantTokens = new Map<string, string>();
  private readonly connectionTokens = new Map<string, ConnectionTokenRecord>();
  private readonly websocketUrls = new Map<string, WebsocketUrlRecord>();
  private readonly attachments = new Map<string, AttachmentRecord>();
  private readonly uploadKeys = new Map<string, string>();
  private readonly downloads = new Map<string, DownloadRecord>();
  private readonly replays = new Map<string, unknown>();
  private seq = 0;

  constructor(options: EmulatorStoreOptions) {
    this.options = options;
    this.newId = options.newId ?? randomUUID;
    this.newSecret = options.newSecret ?? (() => randomBytes(48).toString('base64url'));
  }

  /** Current time of the injected clock. */
  now(): number {
    return this.options.clock.now();
  }

  /** Creates a chat contact with its customer participant. */
  createContact(init: {
    displayName: string;
    attributes?: Record<string, string>;
    supportedContentTypes?: readonly string[];
    pastContactIds?: readonly string[];
  }): { contact: ContactRecord; customer: ParticipantRecord } {
    const contactId = this.newId();
    const contact: ContactRecord = {
      contactId,
      initialContactId: contactId,
      createdAt: this.now(),
      attributes: { ...init.attributes },
      supportedContentTypes: init.supportedContentTypes ?? [
        'text/plain',
        'text/markdown',
        'application/json',
        'application/vnd.amazonaws.connect.message.interactive.response',
      ],
      pastContactIds: init.pastContactIds ?? [],
      status: 'active',
      endedAt: undefined,
      participantIds: [],
      items: [],
      receipts: new Map(),
      rehydrationPending: (init.pastContactIds ?? []).length > 0,
      lastItemMs: 0,
      systemParticipantId: this.newId(),
      scanning: undefined,
      authentication: undefined,
      processing: undefined,
    };
    this.contacts.set(contactId, contact);
    const customer = this.addParticipant(contact, {
      role: 'CUSTOMER',
      displayName: init.displayName,
    });
    return { contact, customer };
  }

  /** The contact with this id, if any. */
  getContact(contactId: string): ContactRecord | undefined {
    return this.contacts.get(contactId);
  }

  /** Every contact, newest first. */
  listContacts(): ContactRecord[] {
    return [...this.contacts.values()].reverse();
  }

  /** Adds a participant (customer, agent, bot, supervisor, system) to a contact. */
  addParticipant(
    contact: ContactRecord,
    init: { role: ParticipantRole; displayName: string },
  ): ParticipantRecord {
    const participant: ParticipantRecord = {
      participantId: this.newId(),
      contactId: contact.contactId,
      role: init.role,
      displayName: init.displayName,
      participantToken: this.newSecret(),
      createdAt: this.now(),
      status: 'joined',
      acknowledged: false,
    };
    this.participants.set(participant.participantId, participant);
    this.participantTokens.set(participant.participantToken, participant.participantId);
    contact.participantIds.push(participant.participantId);
    return participant;
  }

  /** The participant with this id, if any. */
  getParticipant(participantId: string): ParticipantRecord | undefined {
    return this.participants.get(participantId);
  }

  /** The participants of a contact in join order. */
  participantsOf(contact: ContactRecord): ParticipantRecord[] {
    return contact.participantIds.flatMap((id) => {
      const participant = this.participants.get(id);
      return participant ? [participant] : [];
    });
  }

  /** The participant a participant token belongs to, whatever its state. */
  participantForToken(participantToken: string): ParticipantRecord | undefined {
    const id = this.participantTokens.get(participantToken);
    return id === undefined ? undefined : this.participants.get(id);
  }

  /**
   * The participant a connection token belongs to, or undefined when the token is unknown, expired
   * or revoked. The participant may have left or its contact may have ended: callers decide.
   */
  participantForConnectionToken(connectionToken: string): ParticipantRecord | undefined {
    const record = this.connectionTokens.get(connectionToken);
    if (!record || record.revoked || this.now() >= record.expiresAt) {
      return undefined;
    }
    return this.participants.get(record.participantId);
  }

  /** Issues a websocket URL key and/or a connection token. Every token stays valid until its own expiry. */
  issueConnection(
    participant: ParticipantRecord,
    want: { websocket: boolean; credentials: boolean },
  ): IssuedConnection {
    const now = this.now();
    const issued: IssuedConnection = {
      websocketKey: undefined,
      websocketExpiresAt: now + this.options.websocketUrlTtlMs,
      connectionToken: undefined,
      connectionTokenExpiresAt: now + this.options.connectionTokenTtlMs,
    };
    if (want.websocket) {
      issued.websocketKey = this.newSecret();
      this.websocketUrls.set(issued.websocketKey, {
        participantId: participant.participantId,
        expiresAt: issued.websocketExpiresAt,
        revoked: false,
      });
    }
    if (want.credentials) {
      issued.connectionToken = this.newSecret();
      this.connectionTokens.set(issued.connectionToken, {
        participantId: participant.participantId,
        expiresAt: issued.connectionTokenExpiresAt,
        revoked: false,
      });
    }
    return issued;
  }

  /** The participant whose websocket URL this is, if it may still be opened (within its window). */
  participantForWebsocketKey(key: string): ParticipantRecord | undefined {
    const record = this.websocketUrls.get(key);
    if (!record || record.revoked || this.now() > record.expiresAt) {
      return undefined;
    }
    return this.participants.get(record.participantId);
  }

  /** Makes every websocket URL issued so far unusable (fault `expireWebsocketUrls`). */
  revokeWebsocketUrls(): void {
    for (const record of this.websocketUrls.values()) {
      record.revoked = true;
    }
  }

  /** Makes every connection token issued so far unusable (fault `expireConnectionTokens`). */
  revokeConnectionTokens(): void {
    for (const record of this.connectionTokens.values()) {
      record.revoked = true;
    }
  }

  /**
   * Appends an item to a contact's transcript. `AbsoluteTime` strictly increases within a contact
   * (the clock, bumped by 1 ms when needed) so that sorting by time equals transcript order.
   */
  appendItem(contact: ContactRecord, fields: NewItem): Item {
    const ms = Math.max(this.now(), contact.lastItemMs + 1);
    contact.lastItemMs = ms;
    const item: Item = {
      ...fields,
      Id: fields.Id ?? this.newId(),
      AbsoluteTime: isoTime(ms),
    };
    if (item.Type !== 'MESSAGEMETADATA') {
      item.ContactId = contact.contactId;
      item.InitialContactId = contact.initialContactId;
    }
    this.seq += 1;
    contact.items.push({ seq: this.seq, item });
    return item;
  }

  /**
   * Stores a streaming chunk: when an item with the same `Id` exists, the new one replaces it in
   * place and keeps the first chunk's `AbsoluteTime`; otherwise it is appended.
   */
  upsertItem(contact: ContactRecord, fields: NewItem): Item {
    const existing =
      fields.Id === undefined
        ? undefined
        : contact.items.find((entry) => entry.item.Id === fields.Id);
    if (!existing) {
      return this.appendItem(contact, fields);
    }
    const item: Item = {
      ...fields,
      Id: existing.item.Id,
      AbsoluteTime: existing.item.AbsoluteTime,
      ContactId: contact.contactId,
      InitialContactId: contact.initialContactId,
    };
    existing.item = item;
    return item;
  }

  /**
   * Rewrites a stored item in place (same `Id`, time and transcript position), e.g. with a scan
   * verdict. Returns the new item, or undefined when the contact holds no item with that id.
   */
  updateItem(
    contact: ContactRecord,
    itemId: string,
    update: (item: Item) => Item,
  ): Item | undefined {
    const entry = contact.items.find((stored) => stored.item.Id === itemId);
    if (!entry) {
      return undefined;
    }
    entry.item = {
      ...update(entry.item),
      Id: entry.item.Id,
      AbsoluteTime: entry.item.AbsoluteTime,
    };
    return entry.item;
  }

  /** The stored item with this id in the contact's own transcript. */
  findItem(contact: ContactRecord, itemId: string): Item | undefined {
    return contact.items.find((entry) => entry.item.Id === itemId)?.item;
  }

  /**
   * Records a receipt. Returns false when the same recipient already sent this kind of receipt for
   * the message (the first timestamp wins).
   */
  recordReceipt(
    contact: ContactRecord,
    messageId: string,
    recipientId: string,
    kind: 'delivered' | 'read',
    at: string,
  ): boolean {
    let byRecipient = contact.receipts.get(messageId);
    if (!byRecipient) {
      byRecipient = new Map();
      contact.receipts.set(messageId, byRecipient);
    }
    const receipt = byRecipient.get(recipientId) ?? { RecipientParticipantId: recipientId };
    const key = kind === 'read' ? 'ReadTimestamp' : 'DeliveredTimestamp';
    if (receipt[key] !== undefined) {
      return false;
    }
    receipt[key] = at;
    byRecipient.set(recipientId, receipt);
    return true;
  }

  /** A copy of the item with the receipts aggregated on `MessageMetadata.Receipts`, as GetTranscript shows it. */
  withReceipts(contact: ContactRecord, item: Item): Item {
    const byRecipient = item.Id === undefined ? undefined : contact.receipts.get(item.Id);
    if (!byRecipient || byRecipient.size === 0 || item.Type === 'MESSAGEMETADATA') {
      return item;
    }
    return {
      ...item,
      MessageMetadata: {
        ...item.MessageMetadata,
        MessageId: item.Id,
        Receipts: [...byRecipient.values()].map((receipt) => ({ ...receipt })),
      },
    };
  }

  /**
   * The transcript a participant of `contact` can page through for `requestedContactId`: the
   * contact itself (past contacts first, then its own items), one past contact of its chain, or
   * nothing for an unrelated id.
   */
  transcriptView(
    contact: ContactRecord,
    requestedContactId: string | undefined,
  ): TranscriptEntry[] {
    const own = (record: ContactRecord): TranscriptEntry[] =>
      record.items.map((stored) => ({ stored, contactId: record.contactId }));
    if (requestedContactId === undefined || requestedContactId === contact.contactId) {
      const past = contact.pastContactIds.flatMap((id) => {
        const record = this.contacts.get(id);
        return record ? own(record) : [];
      });
      return [...past, ...own(contact)];
    }
    if (contact.pastContactIds.includes(requestedContactId)) {
      const record = this.contacts.get(requestedContactId);
      return record ? own(record) : [];
    }
    return [];
  }

  /** Marks the contact ended and every participant left. Returns false when it had already ended. */
  endContact(contact: ContactRecord): boolean {
    if (contact.status === 'ended') {
      return false;
    }
    contact.status = 'ended';
    contact.endedAt = this.now();
    return true;
  }

  /** Marks a participant as gone. */
  leave(participant: ParticipantRecord): void {
    participant.status = 'left';
  }

  /** Starts an upload; the caller checks quotas first. */
  startAttachment(
    participant: ParticipantRecord,
    init: { contentType: string; name: string; size: number },
  ): AttachmentRecord {
    const record: AttachmentRecord = {
      attachmentId: this.newId(),
      contactId: participant.contactId,
      participantId: participant.participantId,
      contentType: init.contentType,
      name: init.name,
      declaredSize: init.size,
      uploadKey: this.newSecret(),
      uploadExpiresAt: this.now() + this.options.uploadUrlTtlMs,
      status: 'pending',
      bytes: undefined,
      scanStatus: undefined,
    };
    this.attachments.set(record.attachmentId, record);
    this.uploadKeys.set(record.uploadKey, record.attachmentId);
    return record;
  }

  /** The attachment with this id, if any. */
  getAttachment(attachmentId: string): AttachmentRecord | undefined {
    return this.attachments.get(attachmentId);
  }

  /** Attachments of a contact that were started or completed (for the quota). */
  attachmentsOf(contactId: string): AttachmentRecord[] {
    return [...this.attachments.values()].filter((record) => record.contactId === contactId);
  }

  /** The attachment an upload URL key belongs to. */
  attachmentForUploadKey(key: string): AttachmentRecord | undefined {
    const id = this.uploadKeys.get(key);
    return id === undefined ? undefined : this.attachments.get(id);
  }

  /** Creates a download URL key valid until `expiresAt`. */
  createDownload(attachment: AttachmentRecord, expiresAt: number): string {
    const key = this.newSecret();
    this.downloads.set(key, { attachmentId: attachment.attachmentId, expiresAt });
    return key;
  }

  /** Resolves a download key: the attachment, or `expired`, or undefined when unknown. */
  attachmentForDownloadKey(key: string): AttachmentRecord | 'expired' | undefined {
    const record = this.downloads.get(key);
    if (!record) {
      return undefined;
    }
    if (this.now() > record.expiresAt) {
      return 'expired';
    }
    return this.attachments.get(record.attachmentId);
  }

  /** The response recorded for (participant, operation, ClientToken), if any. */
  getReplay(participantId: string, operation: string, clientToken: string): unknown {
    return this.replays.get(`${participantId}\u0000${operation}\u0000${clientToken}`);
  }

  /** Records a successful response for ClientToken replay. */
  setReplay(
    participantId: string,
    operation: string,
    clientToken: string,
    response: unknown,
  ): void {
    this.replays.set(`${participantId}\u0000${operation}\u0000${clientToken}`, response);
  }

  /** A fresh random id (item ids, request ids). */
  id(): string {
    return this.newId();
  }

  /** A fresh unguessable secret (tokens, URL keys). */
  secret(): string {
    return this.newSecret();
  }
}
