import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatError, ContentType } from 'contact-kit/core';
import {
  addPendingMessage,
  confirmPending,
  failPending,
  retryPending,
} from '../../../../src/core/chat/transcript/pendingItems';
import { applyServerItems } from '../../../../src/core/chat/transcript/applyServerItems';
import {
  createTranscript,
  pendingLocalIds,
  selectItems,
} from '../../../../src/core/chat/transcript/transcript';
import type { ChatItem, Item, Receipt } from 'contact-kit/core';
import type { Transcript } from '../../../../src/core/chat/transcript/transcript';

/**
 * Property: whatever the socket does (drops, duplicates, reordering), with history pages that
 * cover the transcript and own sends resolved in any order against their echoes, the transcript
 * ends up equal to the server's displayable transcript: same ids, order, content and receipts,
 * nothing twice, nothing lost.
 */

const ME = 'p-me';
const AGENTS = ['p-agent-1', 'p-agent-2'] as const;
const BOT = 'p-bot';
const START = Date.UTC(2024, 6, 14, 22, 0, 0);

type Outcome = 'ok' | 'lost' | 'retry';

/** One displayable server item, the way the server stores it, plus how this session took part. */
interface ServerEntry {
  item: Item;
  /** The wire copies the socket may deliver (Lex: the partial chunks, then the completed item). */
  socketCopies: Item[];
  /** Own send from this session: how its SendMessage call ends. */
  own?: { localId: string; outcome: Outcome };
}

type Op =
  | { kind: 'socket'; item: Item }
  | { kind: 'history'; items: Item[] }
  | { kind: 'add'; entry: ServerEntry }
  | { kind: 'confirm'; entry: ServerEntry }
  | { kind: 'fail'; entry: ServerEntry }
  | { kind: 'retry'; entry: ServerEntry };

const entryKind = fc.constantFrom(
  'agent',
  'agent',
  'own',
  'own',
  'otherTab',
  'event',
  'attachment',
  'lex',
  'typing',
  'malformed',
);

function buildServer(g: fc.GeneratorValue): {
  entries: ServerEntry[];
  noise: Item[];
  receipts: Item[];
} {
  const kinds = g(fc.array, entryKind, { minLength: 1, maxLength: 18 });
  const entries: ServerEntry[] = [];
  const noise: Item[] = [];
  let time = START;
  kinds.forEach((kind, index) => {
    time += g(fc.constantFrom, 0, 1, 1000);
    const id = `${g(fc.constantFrom, 'a', 'm', 'z')}-${index}`;
    const base = {
      Id: id,
      AbsoluteTime: new Date(time).toISOString(),
      ContactId: 'c0',
      InitialContactId: 'c0',
    };
    switch (kind) {
      case 'agent': {
        const agent = g(fc.constantFrom, ...AGENTS);
        const item: Item = {
          ...base,
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: `agent says ${index}`,
          ParticipantId: agent,
          DisplayName: agent,
          ParticipantRole: 'AGENT',
        };
        entries.push({ item, socketCopies: [item] });
        break;
      }
      case 'own':
      case 'otherTab': {
        const item: Item = {
          ...base,
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: `${kind} ${index}`,
          ParticipantId: ME,
          DisplayName: 'Me',
          ParticipantRole: 'CUSTOMER',
        };
        entries.push({
          item,
          socketCopies: [item],
          ...(kind === 'own'
            ? {
                own: {
                  localId: `local-${index}`,
                  outcome: g(fc.constantFrom, 'ok', 'ok', 'lost', 'retry') as Outcome,
                },
              }
            : {}),
        });
        break;
      }
      case 'event': {
        const suffix = g(
          fc.constantFrom,
          'participant.joined',
          'participant.left',
          'participant.idle',
          'transfer.succeeded',
        );
        const item: Item = {
          ...base,
          Type: 'EVENT',
          ContentType: `application/vnd.amazonaws.connect.event.${suffix}`,
          ParticipantId: AGENTS[0],
          DisplayName: AGENTS[0],
          ParticipantRole: 'AGENT',
        };
        entries.push({ item, socketCopies: [item] });
        break;
      }
      case 'attachment': {
        const item: Item = {
          ...base,
          Type: 'ATTACHMENT',
          ParticipantId: AGENTS[1],
          DisplayName: AGENTS[1],
          ParticipantRole: 'AGENT',
          Attachments: [
            {
              AttachmentId: `att-${index}`,
              AttachmentName: 'a.pdf',
              ContentType: 'application/pdf',
              Status: 'APPROVED',
            },
          ],
        };
        entries.push({ item, socketCopies: [item] });
        break;
      }
      case 'lex': {
        const pieces = g(fc.array, fc.constantFrom('Hel', 'lo', ' there', '!'), {
          minLength: 1,
          maxLength: 3,
        });
        const lex = {
          ...base,
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          ParticipantId: BOT,
          DisplayName: 'BOT',
          ParticipantRole: 'SYSTEM',
        };
        const completed: Item = {
          ...lex,
          Content: pieces.join(''),
          MessageMetadata: { MessageId: id, MessageCompleted: true },
        };
        const chunks: Item[] = pieces.map((piece, i) => ({
          ...lex,
          Content: piece,
          MessageMetadata: { MessageId: id, MessageCompleted: false, ChunkNumber: i + 1 },
        }));
        // Transcript pages carry the final message without streaming metadata (SDK v3 drops it).
        entries.push({
          item: { ...lex, Content: pieces.join('') },
          socketCopies: [...chunks, completed],
        });
        break;
      }
      case 'typing':
        noise.push({
          ...base,
          Type: 'EVENT',
          ContentType: ContentType.typing,
          ParticipantId: AGENTS[0],
        });
        break;
      case 'malformed':
        noise.push({
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'no id',
          AbsoluteTime: base.AbsoluteTime,
        });
        break;
    }
  });
  const messages = entries.filter((entry) => entry.item.Type === 'MESSAGE');
  const receipts: Item[] = [];
  if (messages.length > 0) {
    const count = g(fc.integer, { min: 0, max: 12 });
    for (let i = 0; i < count; i++) {
      const target = messages[g(fc.integer, { min: 0, max: messages.length - 1 })]!;
      const reader = g(fc.constantFrom, ME, ...AGENTS);
      const delivered = g(fc.option, fc.integer({ min: 0, max: 50 }), { nil: undefined });
      const read = g(fc.option, fc.integer({ min: 0, max: 50 }), { nil: undefined });
      const receipt: Receipt = { RecipientParticipantId: reader };
      if (delivered !== undefined) {
        receipt.DeliveredTimestamp = new Date(time + 10_000 + delivered * 1000).toISOString();
      }
      if (read !== undefined) {
        receipt.ReadTimestamp = new Date(time + 10_000 + read * 1000).toISOString();
      }
      receipts.push({
        Id: `receipt-${i}`,
        Type: 'MESSAGEMETADATA',
        ContentType: ContentType.messageMetadata,
        MessageMetadata: { MessageId: target.item.Id!, Receipts: [receipt] },
      });
    }
  }
  return { entries, noise, receipts };
}

/** The server's view: aggregated receipts on each message (latest delivered, latest read). */
function aggregatedReceipts(receipts: Item[], messageId: string): Receipt[] {
  const byReader = new Map<string, { delivered?: string; read?: string }>();
  for (const item of receipts) {
    if (item.MessageMetadata?.MessageId !== messageId) {
      continue;
    }
    for (const receipt of item.MessageMetadata.Receipts ?? []) {
      const current = byReader.get(receipt.RecipientParticipantId!) ?? {};
      const max = (a?: string, b?: string) =>
        a === undefined ? b : b === undefined ? a : a > b ? a : b;
      byReader.set(receipt.RecipientParticipantId!, {
        ...(max(current.delivered, receipt.DeliveredTimestamp)
          ? { delivered: max(current.delivered, receipt.DeliveredTimestamp) }
          : {}),
        ...(max(current.read, receipt.ReadTimestamp)
          ? { read: max(current.read, receipt.ReadTimestamp) }
          : {}),
      });
    }
  }
  return [...byReader.entries()].map(([reader, { delivered, read }]) => ({
    RecipientParticipantId: reader,
    ...(delivered ? { DeliveredTimestamp: delivered } : {}),
    ...(read ? { ReadTimestamp: read } : {}),
  }));
}

function expectedRows(entries: ServerEntry[], receipts: Item[]) {
  return entries
    .map(({ item }) => ({
      id: item.Id!,
      time: item.AbsoluteTime!,
      content: item.Content,
      participantId: item.ParticipantId,
      displayName: item.DisplayName,
      contactId: item.ContactId,
      isOwn: item.ParticipantId === ME,
      status: item.ParticipantId === ME ? 'sent' : undefined,
      attachments: item.Attachments?.map((a) => a.AttachmentId),
      receipts: aggregatedReceipts(receipts, item.Id!)
        .map((r) => ({
          participantId: r.RecipientParticipantId!,
          deliveredAt: r.DeliveredTimestamp,
          readAt: r.ReadTimestamp,
        }))
        .sort((a, b) => (a.participantId < b.participantId ? -1 : 1)),
      streaming: undefined,
    }))
    .sort(
      (a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

function actualRows(items: readonly ChatItem[]) {
  return items.map((item) => ({
    id: item.id,
    time: item.time,
    content: item.content,
    participantId: item.participantId,
    displayName: item.displayName,
    contactId: item.contactId,
    isOwn: item.isOwn,
    status: item.status,
    attachments: item.attachments?.map((a) => a.id),
    receipts: item.receipts.map((r) => ({
      participantId: r.participantId,
      deliveredAt: r.deliveredAt,
      readAt: r.readAt,
    })),
    streaming: item.streaming,
  }));
}

function buildSchedule(
  g: fc.GeneratorValue,
  entries: ServerEntry[],
  noise: Item[],
  receipts: Item[],
): Op[] {
  const keyed: { key: number; op: Op; entry?: ServerEntry }[] = [];
  const key = () => g(fc.double, { min: 0, max: 1, noNaN: true });
  const copies = () => g(fc.constantFrom, 0, 1, 1, 1, 2);
  for (const entry of entries) {
    for (const copy of entry.socketCopies) {
      for (let n = copies(); n > 0; n--) {
        keyed.push({ key: key(), op: { kind: 'socket', item: copy }, entry });
      }
    }
  }
  for (const item of [...noise, ...receipts]) {
    const entry = entries.find((e) => e.item.Id === item.MessageMetadata?.MessageId);
    for (let n = copies(); n > 0; n--) {
      keyed.push({ key: key(), op: { kind: 'socket', item }, ...(entry ? { entry } : {}) });
    }
  }
  // History pages cover the whole transcript (so every drop is filled), each page ascending or
  // descending, some pages fetched twice.
  const history = entries.map(({ item }) => {
    const aggregated = aggregatedReceipts(receipts, item.Id!);
    return aggregated.length > 0
      ? { ...item, MessageMetadata: { MessageId: item.Id!, Receipts: aggregated } }
      : item;
  });
  for (let start = 0; start < history.length;) {
    const size = g(fc.integer, { min: 1, max: 6 });
    const page = history.slice(start, start + size);
    start += size;
    const ordered = g(fc.boolean) ? page : [...page].reverse();
    for (let n = g(fc.constantFrom, 1, 1, 2); n > 0; n--) {
      const pageKey = key();
      keyed.push({ key: pageKey, op: { kind: 'history', items: ordered } });
      // Own sends on this page must have been added before the page was fetched.
      for (const item of page) {
        const entry = entries.find((e) => e.item.Id === item.Id);
        if (entry?.own) {
          keyed.push({ key: pageKey, op: { kind: 'history', items: [] }, entry });
        }
      }
    }
  }
  for (const entry of entries) {
    if (!entry.own) {
      continue;
    }
    const outcomeKeys = [key(), key(), key()].sort();
    if (entry.own.outcome === 'ok') {
      keyed.push({ key: outcomeKeys[0]!, op: { kind: 'confirm', entry }, entry });
    } else if (entry.own.outcome === 'lost') {
      keyed.push({ key: outcomeKeys[0]!, op: { kind: 'fail', entry }, entry });
    } else {
      keyed.push({ key: outcomeKeys[0]!, op: { kind: 'fail', entry }, entry });
      keyed.push({ key: outcomeKeys[1]!, op: { kind: 'retry', entry }, entry });
      keyed.push({ key: outcomeKeys[2]!, op: { kind: 'confirm', entry }, entry });
    }
    const first = Math.min(...keyed.filter((k) => k.entry === entry).map((k) => k.key));
    keyed.push({ key: first - 1e-9, op: { kind: 'add', entry } });
  }
  return keyed
    .sort((a, b) => a.key - b.key)
    .map((k) => k.op)
    .filter((op) => op.kind !== 'history' || op.items.length > 0);
}

function run(ops: Op[]): Transcript {
  let t = createTranscript({ ownParticipantId: ME });
  const failure = new ChatError('SEND_FAILED', 'lost', { retryable: true });
  for (const op of ops) {
    switch (op.kind) {
      case 'socket':
        t = applyServerItems(t, [op.item], { source: 'socket' }).transcript;
        break;
      case 'history':
        t = applyServerItems(t, op.items, { source: 'history' }).transcript;
        break;
      case 'add':
        t = addPendingMessage(t, {
          localId: op.entry.own!.localId,
          contentType: 'text/plain',
          content: op.entry.item.Content!,
          // The local clock is a little behind or ahead of the service's.
          time: new Date(Date.parse(op.entry.item.AbsoluteTime!) - 500).toISOString(),
        });
        break;
      case 'confirm':
        t = confirmPending(t, op.entry.own!.localId, {
          Id: op.entry.item.Id,
          AbsoluteTime: op.entry.item.AbsoluteTime,
        });
        break;
      case 'fail':
        t = failPending(t, op.entry.own!.localId, failure);
        break;
      case 'retry':
        t = retryPending(t, op.entry.own!.localId);
        break;
    }
  }
  return t;
}

describe('transcript convergence (property)', () => {
  it('ends equal to the server transcript whatever the delivery order, drops, duplicates and send outcomes', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { entries, noise, receipts } = buildServer(g);
        const ops = buildSchedule(g, entries, noise, receipts);
        const t = run(ops);
        const items = selectItems(t);
        expect(actualRows(items)).toEqual(expectedRows(entries, receipts));
        expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
        expect(pendingLocalIds(t)).toEqual([]);
        // Applying everything again changes nothing: same object.
        const again = applyServerItems(
          t,
          ops.flatMap((op) =>
            op.kind === 'socket' ? [op.item] : op.kind === 'history' ? op.items : [],
          ),
        );
        expect(again.transcript).toBe(t);
      }),
      { numRuns: 300 },
    );
  });
});
