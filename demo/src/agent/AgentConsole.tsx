import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { ContactKitThemeProvider } from 'contact-kit';
import type { AdminApi } from '../shared/adminApi';
import { withEmulatorParam } from '../shared/emulatorUrl';
import { AgentChat } from './AgentChat';
import { readSeats, writeSeats } from './agentSeats';
import type { AgentSeat } from './agentSeats';
import { ContactList } from './ContactList';
import { summarizeContact } from './contactSummary';

/**
 * Props of {@link AgentConsole}.
 *
 * @example
 * ```tsx
 * <AgentConsole api={createAdminApi('http://127.0.0.1:4010')} pollMs={1000} />
 * ```
 */
export interface AgentConsoleProps {
  /** The emulator's admin API (contacts, CreateParticipant, StopContact, flow items). */
  api: AdminApi;
  /** How often the contact list refreshes. Defaults to 1,500 ms. */
  pollMs?: number;
}

// Web calls bring the Chime SDK: loaded with the first one answered, never for chats.
const AgentVideoCall = lazy(() => import('./AgentVideoCall'));

const sessionStore = (): Storage | undefined =>
  typeof window === 'undefined' ? undefined : window.sessionStorage;

/**
 * The demo's agent console: the contacts of the emulator (waiting, active, ended), and for each one
 * this agent answers, a chat built from the kit's own providers and components with the agent's
 * participant token.
 *
 * @example
 * ```tsx
 * createRoot(element).render(<AgentConsole api={api} />);
 * ```
 */
export function AgentConsole(props: AgentConsoleProps): ReactNode {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <ContactKitThemeProvider className="console-theme">
        <ConsoleView {...props} />
      </ContactKitThemeProvider>
    </QueryClientProvider>
  );
}

function ConsoleView({ api, pollMs = 1500 }: AgentConsoleProps): ReactNode {
  const [agentName, setAgentName] = useState('Sam');
  const [seats, setSeats] = useState<AgentSeat[]>(() => readSeats(sessionStore()));
  const [selected, setSelected] = useState<string | undefined>(() => seats[0]?.contactId);

  useEffect(() => writeSeats(sessionStore(), seats), [seats]);

  const contacts = useQuery({
    queryKey: ['contact-kit-demo', 'contacts', api.url],
    queryFn: () => api.listContacts(),
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
  });

  const ownIds = useMemo(() => new Set(seats.map((seat) => seat.participantId)), [seats]);
  const rows = useMemo(
    () => (contacts.data?.Contacts ?? []).map((contact) => summarizeContact(contact, ownIds)),
    [contacts.data, ownIds],
  );

  const answer = useMutation({
    mutationFn: async (row: {
      contactId: string;
      customerName: string;
      channel: 'CHAT' | 'VOICE';
    }): Promise<AgentSeat> => {
      const name = agentName.trim() || 'Agent';
      const joined = await api.join(row.contactId, name);
      return {
        agentName: name,
        contactId: row.contactId,
        participantId: joined.ParticipantId,
        participantToken: joined.ParticipantCredentials.ParticipantToken,
        customerName: row.customerName,
        channel: row.channel,
      };
    },
    onSuccess: (seat) => {
      setSeats((current) => [...current.filter((s) => s.contactId !== seat.contactId), seat]);
      setSelected(seat.contactId);
      void contacts.refetch();
    },
  });

  const closeSeat = useCallback((contactId: string) => {
    setSeats((current) => current.filter((seat) => seat.contactId !== contactId));
    setSelected((current) => (current === contactId ? undefined : current));
  }, []);

  const selectedSeat = seats.find((seat) => seat.contactId === selected);

  return (
    <div className="console">
      <header className="console-header">
        <h1>Agent console</h1>
        <label className="console-name">
          Your name
          <input value={agentName} onChange={(event) => setAgentName(event.target.value)} />
        </label>
        <a href={withEmulatorParam('/', window.location.search)}>Open the storefront</a>
      </header>

      <ContactList
        rows={rows}
        selected={selected}
        loading={contacts.isPending}
        error={contacts.isError ? `Cannot reach the emulator at ${api.url}.` : undefined}
        answering={answer.isPending ? answer.variables.contactId : undefined}
        onAnswer={(row) => answer.mutate(row)}
        onSelect={setSelected}
      />

      <main className="console-main">
        {answer.isError ? (
          <p role="alert" className="console-error">
            Could not answer: {answer.error.message}
          </p>
        ) : null}
        {seats.map((seat) =>
          seat.channel === 'VOICE' ? (
            <Suspense key={seat.contactId} fallback={<p role="status">Loading the call…</p>}>
              <AgentVideoCall
                api={api}
                seat={seat}
                visible={seat.contactId === selected}
                onClose={() => closeSeat(seat.contactId)}
              />
            </Suspense>
          ) : (
            <AgentChat
              key={seat.contactId}
              api={api}
              seat={seat}
              visible={seat.contactId === selected}
              onClose={() => closeSeat(seat.contactId)}
            />
          ),
        )}
        {selectedSeat ? null : (
          <div className="console-empty">
            <h2>No chat selected</h2>
            <p>
              Answer a waiting contact on the left. Start one from the storefront&rsquo;s chat
              button.
            </p>
            <p>
              With <code>npm run dev</code> the scripted agent answers every chat as well; run{' '}
              <code>npm run dev -- --agent none</code> to be the only agent.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
