import type { ChatEventKind, ChatItem, ChatParticipant } from '../transcript/chatItem';
import { compareTimes } from '../transcript/itemOrder';

/** What we remember per participant so that the result does not depend on arrival order. */
interface ParticipantRecord {
  readonly participant: ChatParticipant;
  /** Earliest item that mentions them: the list is ordered by it. */
  readonly first: ItemKey;
  /** The item that set `status`; a later-timed status event wins. */
  readonly statusFrom: ItemKey | undefined;
  /** The item that set `displayName`; a later-timed item wins. */
  readonly nameFrom: ItemKey | undefined;
}

interface ItemKey {
  readonly time: string;
  readonly id: string;
}

/**
 * The participants the transcript has seen, derived from membership events and from the senders
 * of messages. Items from past contacts (`relatedContactId`) do not count.
 *
 * @example
 * ```ts
 * const agents = state.list.filter((p) => p.role === 'AGENT');
 * ```
 */
export interface ParticipantsState {
  /** Ordered by first appearance in the transcript. Same array while unchanged. */
  readonly list: readonly ChatParticipant[];
  /** @internal Bookkeeping by participant id. */
  readonly records: ReadonlyMap<string, ParticipantRecord>;
}

const STATUS_OF: Partial<Record<ChatEventKind, ChatParticipant['status']>> = {
  'participant.joined': 'joined',
  'participant.returned': 'joined',
  'participant.idle': 'idle',
  'participant.left': 'left',
  'participant.autodisconnection': 'left',
};

const EMPTY: ParticipantsState = { list: [], records: new Map() };

/**
 * No participants yet.
 *
 * @example
 * ```ts
 * let participants = createParticipantsState();
 * ```
 */
export function createParticipantsState(): ParticipantsState {
  return EMPTY;
}

function compareKeys(a: ItemKey, b: ItemKey): number {
  return compareTimes(a.time, b.time) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function mentionsParticipant(item: ChatItem): boolean {
  if (item.type === 'event') {
    return (
      item.event !== undefined &&
      item.event.startsWith('participant.') &&
      item.event !== 'participant.invited'
    );
  }
  return true;
}

/**
 * Folds transcript items into the participants: `participant.joined`/`returned` → `joined`,
 * `idle` → `idle`, `left`/`autodisconnection` → `left` (the latest-timed event wins, whatever the
 * arrival order); the sender of a message or attachment is added as `joined` when unknown; the
 * display name comes from the latest-timed item that carries one. Returns the same state when
 * nothing changed.
 *
 * @example
 * ```ts
 * participants = applyToParticipants(participants, selectItems(transcript));
 * ```
 */
export function applyToParticipants(
  state: ParticipantsState,
  items: readonly ChatItem[],
): ParticipantsState {
  let records: Map<string, ParticipantRecord> | undefined;
  for (const item of items) {
    const participantId = item.participantId;
    if (!participantId || item.relatedContactId !== undefined || !mentionsParticipant(item)) {
      continue;
    }
    const current = (records ?? state.records).get(participantId);
    const key: ItemKey = { time: item.time, id: item.id };
    const statusEvent = item.type === 'event' && item.event ? STATUS_OF[item.event] : undefined;
    let { participant, first, statusFrom, nameFrom } = current ?? {
      participant: { participantId, status: 'joined' as const },
      first: key,
      statusFrom: undefined,
      nameFrom: undefined,
    };
    if (compareKeys(key, first) < 0) {
      first = key;
    }
    if (statusEvent && (!statusFrom || compareKeys(key, statusFrom) > 0)) {
      statusFrom = key;
      if (participant.status !== statusEvent) {
        participant = { ...participant, status: statusEvent };
      }
    }
    if (item.displayName && (!nameFrom || compareKeys(key, nameFrom) > 0)) {
      nameFrom = key;
      if (participant.displayName !== item.displayName) {
        participant = { ...participant, displayName: item.displayName };
      }
    }
    if (item.role && participant.role === undefined) {
      participant = { ...participant, role: item.role };
    }
    if (
      current &&
      current.participant === participant &&
      current.first === first &&
      current.statusFrom === statusFrom &&
      current.nameFrom === nameFrom
    ) {
      continue;
    }
    records ??= new Map(state.records);
    records.set(participantId, { participant, first, statusFrom, nameFrom });
  }
  if (!records) {
    return state;
  }
  const ordered = [...records.values()].sort((a, b) => compareKeys(a.first, b.first));
  const list = ordered.map((record) => record.participant);
  const unchanged =
    list.length === state.list.length &&
    list.every((participant, i) => participant === state.list[i]);
  return { list: unchanged ? state.list : list, records };
}
