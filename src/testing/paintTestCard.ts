const COLORS: Readonly<Record<string, string>> = {
  'customer-attendee': '#1d4ed8',
  'agent-attendee': '#15803d',
};

/**
 * An `attachMedia` for {@link createFakeMeetingAdapter}: paints a still card (a colour per
 * attendee and the attendee id) into each `<video>`, so tiles show something in Storybook or a
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
  context.fillStyle = COLORS[source.attendeeId ?? 'customer-attendee'] ?? '#7c3aed';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#ffffff';
  context.font = '32px system-ui, sans-serif';
  context.fillText(source.attendeeId ?? 'preview', 24, 56);
  element.srcObject = canvas.captureStream(1);
}
