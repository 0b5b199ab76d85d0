/**
 * A contact this console answers: the agent participant it created for it.
 *
 * @example
 * ```ts
 * const seat: AgentSeat = { contactId, participantId, participantToken, customerName: 'Ana' };
 * ```
 */
export interface AgentSeat {
  contactId: string;
  participantId: string;
  participantToken: string;
  customerName: string;
  /** The name the agent joined with. */
  agentName?: string;
  /** `VOICE` for a web call; chats leave it out. */
  channel?: 'CHAT' | 'VOICE';
}

const KEY = 'contact-kit-demo:agent-seats';

/**
 * The seats of this tab, so a reload of the console rejoins its chats. Kept in `sessionStorage`
 * (per tab, gone with it), like the kit keeps the customer's contact.
 *
 * @example
 * ```ts
 * const seats = readSeats(window.sessionStorage);
 * ```
 */
export function readSeats(storage: Storage | undefined): AgentSeat[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (seat): seat is AgentSeat =>
            typeof seat === 'object' &&
            seat !== null &&
            typeof (seat as AgentSeat).contactId === 'string' &&
            typeof (seat as AgentSeat).participantToken === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * Stores the seats of this tab (see {@link readSeats}).
 *
 * @example
 * ```ts
 * writeSeats(window.sessionStorage, [...seats, seat]);
 * ```
 */
export function writeSeats(storage: Storage | undefined, seats: readonly AgentSeat[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(seats));
  } catch {
    // A full or blocked storage only costs the rejoin after a reload.
  }
}
