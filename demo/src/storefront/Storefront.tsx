import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { ChatWidget } from 'contact-kit';
import type { PreChatValues, StartChatRequest, StartChatResult } from 'contact-kit';
import type { AdminApi, StartedWebCall } from '../shared/adminApi';
import { withEmulatorParam } from '../shared/emulatorUrl';
import { KettleArt } from './KettleArt';

// The video kit (and the Chime SDK in it) loads only when a call starts, or on hover of its button.
const loadVideoCallDialog = () => import('./VideoCallDialog');
const VideoCallDialog = lazy(loadVideoCallDialog);

/**
 * Props of {@link Storefront}.
 *
 * @example
 * ```tsx
 * <Storefront api={createAdminApi('http://127.0.0.1:4010')} />
 * ```
 */
export interface StorefrontProps {
  /** The emulator's admin API: `startChat` stands in for the shop's backend (StartChatContact). */
  api: AdminApi;
}

/**
 * The demo's product page with the support widget in the corner.
 *
 * @example
 * ```tsx
 * createRoot(element).render(<Storefront api={api} />);
 * ```
 */
export function Storefront({ api }: StorefrontProps): ReactNode {
  const [inCart, setInCart] = useState(0);
  const [quantity, setQuantity] = useState(1);
  const [call, setCall] = useState<StartedWebCall>();
  const [callState, setCallState] = useState<'idle' | 'starting' | 'failed'>('idle');

  // In production this is your backend calling Amazon Connect's StartWebRTCContact.
  const startVideoCall = async (): Promise<void> => {
    setCallState('starting');
    try {
      const [started] = await Promise.all([
        api.startWebCall('Customer', { product: 'aurora-kettle' }),
        loadVideoCallDialog(),
      ]);
      setCall(started);
      setCallState('idle');
    } catch {
      setCallState('failed');
    }
  };

  // In production this is a call to your own backend, which calls Amazon Connect's
  // StartChatContact with its AWS credentials and returns only the participant's details.
  const startChat = (
    details: PreChatValues | undefined,
    request: StartChatRequest,
  ): Promise<StartChatResult> =>
    api.startChat(
      details?.name || 'Customer',
      {
        product: 'aurora-kettle',
        ...(details?.fields.order ? { order: details.fields.order } : {}),
      },
      request.previousContactId,
    );

  return (
    <div className="shop">
      <header className="shop-header">
        <a className="shop-logo" href="/">
          <span aria-hidden="true">☕</span> Northwind Coffee
        </a>
        <nav aria-label="Shop">
          <a href="/">Brewing</a>
          <a href="/">Beans</a>
          <a href="/">Grinders</a>
        </nav>
        <span className="shop-cart" aria-live="polite">
          Cart ({inCart})
        </span>
      </header>

      <main className="product">
        <div className="product-art">
          <KettleArt />
        </div>
        <section className="product-details" aria-labelledby="product-title">
          <p className="product-kicker">Brewing · Kettles</p>
          <h1 id="product-title">Aurora pour-over kettle</h1>
          <p className="product-rating" aria-label="Rated 4.8 out of 5 from 212 reviews">
            <span aria-hidden="true">★★★★★</span> 4.8 · 212 reviews
          </p>
          <p className="product-price">$64.00</p>
          <p>
            A 0.9 litre gooseneck kettle with a precise, slow pour for filter coffee. Stainless
            steel with a matte teal finish; works on gas, electric and induction hobs.
          </p>
          <form
            className="product-buy"
            onSubmit={(event) => {
              event.preventDefault();
              setInCart((count) => count + quantity);
            }}
          >
            <label>
              Quantity
              <input
                type="number"
                min={1}
                max={9}
                value={quantity}
                onChange={(event) => setQuantity(Math.max(1, Number(event.target.value) || 1))}
              />
            </label>
            <button type="submit">Add to cart</button>
          </form>
          <ul className="product-facts">
            <li>Free delivery over $50</li>
            <li>30-day returns</li>
            <li>Two-year warranty</li>
          </ul>
          <p className="product-help">
            Questions about brewing or your order? Our team is one click away: use the chat button
            in the corner, or see a barista on video.
          </p>
          <p className="product-video">
            <button
              type="button"
              className="video-start"
              disabled={callState === 'starting' || call !== undefined}
              onPointerEnter={() => void loadVideoCallDialog()}
              onFocus={() => void loadVideoCallDialog()}
              onClick={() => void startVideoCall()}
            >
              Start video call
            </button>
            {callState === 'starting' ? <span role="status">Starting the call…</span> : null}
            {callState === 'failed' ? (
              <span role="alert">The video call could not start. Try again.</span>
            ) : null}
          </p>
        </section>
      </main>

      <footer className="shop-footer">
        <p>
          A contact-kit demo: the chat runs against the local Participant Service emulator. Open the{' '}
          <a href={withEmulatorParam('/agent.html', window.location.search)}>agent console</a> to
          answer chats as a person.
        </p>
      </footer>

      {call ? (
        <Suspense fallback={<p role="status">Loading the video call…</p>}>
          <VideoCallDialog call={call} onClose={() => setCall(undefined)} />
        </Suspense>
      ) : null}

      <ChatWidget
        endpoint={api.url}
        startChat={startChat}
        title="Support"
        authenticationRedirectUri={new URL('/signed-in.html', window.location.origin).href}
        preChatForm={{
          intro: 'Tell us your name and we will connect you with the team.',
          fields: [{ name: 'order', label: 'Order number' }],
        }}
      />
    </div>
  );
}
