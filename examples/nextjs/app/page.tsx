import { ChatWidget } from 'contact-kit';
import { startChat } from './startChat';

// The endpoint comes from the server's environment at request time.
export const dynamic = 'force-dynamic';

/**
 * A Server Component: it imports ChatWidget from 'contact-kit' with no wrapper of its own and
 * hands it a Server Action to start chats.
 */
export default function Page() {
  const endpoint = process.env.CONTACT_KIT_PARTICIPANT_ENDPOINT;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Acme store</h1>
      <p>Questions about an order? Chat with us.</p>
      <ChatWidget
        {...(endpoint ? { endpoint } : { region: 'us-east-1' })}
        startChat={startChat}
        title="Acme support"
      />
    </main>
  );
}
