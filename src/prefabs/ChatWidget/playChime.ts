type AudioContextLike = {
  readonly currentTime: number;
  readonly destination: unknown;
  createOscillator(): {
    frequency: { value: number };
    connect(target: unknown): unknown;
    start(at?: number): void;
    stop(at?: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, at: number): unknown;
      exponentialRampToValueAtTime(value: number, at: number): unknown;
    };
    connect(target: unknown): unknown;
  };
};

let context: AudioContextLike | undefined;

/**
 * Plays a short, quiet two-note chime with Web Audio (no sound file to load). Does nothing where
 * audio is unavailable or the browser refuses to play before the customer interacted.
 *
 * @example
 * ```ts
 * if (document.visibilityState === 'hidden') playChime();
 * ```
 */
export function playChime(): void {
  try {
    const Context = (globalThis as { AudioContext?: new () => AudioContextLike }).AudioContext;
    if (Context === undefined) {
      return;
    }
    context ??= new Context();
    const now = context.currentTime;
    for (const [index, frequency] of [880, 1320].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const start = now + index * 0.12;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      oscillator.connect(gain);
      gain.connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.26);
    }
  } catch {
    // Audio is a courtesy: a refusal (autoplay policy, no device) changes nothing else.
  }
}
