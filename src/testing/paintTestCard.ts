const COLORS: Readonly<Record<string, string>> = {
  'customer-attendee': '#1d4ed8',
  'agent-attendee': '#15803d',
};

/** A shared screen's stand-in: a window with a title bar, a heading and lines of text. */
function paintSharedScreen(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  attendeeId: string,
): void {
  context.fillStyle = '#e5e7eb';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(24, 24, width - 48, height - 48);
  context.fillStyle = '#374151';
  context.fillRect(24, 24, width - 48, 28);
  context.fillStyle = '#111827';
  context.font = 'bold 26px system-ui, sans-serif';
  context.fillText('Order #4821 — shipping details', 48, 96);
  context.fillStyle = '#9ca3af';
  for (let line = 0; line < 6; line += 1) {
    context.fillRect(48, 124 + line * 28, (width - 96) * (line % 3 === 2 ? 0.6 : 0.9), 12);
  }
  context.fillStyle = '#6b7280';
  context.font = '14px system-ui, sans-serif';
  context.fillText(attendeeId, 48, height - 40);
}

/**
 * An `attachMedia` for {@link createFakeMeetingAdapter}: paints a still card (a colour per
 * attendee and the attendee id; a document window for a shared screen) into each `<video>`, so tiles show something in Storybook or a
 * demo. Does nothing where canvases cannot be captured (jsdom, SSR).
 *
 * @example
 * ```ts
 * import { createFakeMeetingAdapter, paintTestCard } from 'contact-kit/testing';
 *
 * const adapter = createFakeMeetingAdapter({ attachMedia: paintTestCard });
 * ```
 */
export function paintTestCard(element: HTMLVideoElement, source: { attendeeId?: string }): void {
  if (typeof document === 'undefined' || !('captureStream' in HTMLCanvasElement.prototype)) {
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const context = canvas.getContext('2d');
  if (!context) {
    return;
  }
  if (source.attendeeId?.endsWith('#content')) {
    paintSharedScreen(context, canvas.width, canvas.height, source.attendeeId);
    element.srcObject = canvas.captureStream(1);
    return;
  }
  context.fillStyle = COLORS[source.attendeeId ?? 'customer-attendee'] ?? '#7c3aed';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#ffffff';
  context.font = '32px system-ui, sans-serif';
  context.fillText(source.attendeeId ?? 'preview', 24, 56);
  element.srcObject = canvas.captureStream(1);
}
