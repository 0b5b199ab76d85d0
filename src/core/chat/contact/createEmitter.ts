import type { Logger } from '../../logger';

/**
 * Typed events: `on` subscribes to one type, `emit` calls its listeners in order. A listener
 * that throws is logged and does not stop the others.
 *
 * @example
 * ```ts
 * const events = createEmitter<{ ready: number }>(logger);
 * events.on('ready', (value) => console.log(value));
 * events.emit('ready', 1);
 * ```
 */
export interface Emitter<TEvents extends object> {
  on<K extends keyof TEvents>(type: K, listener: (value: TEvents[K]) => void): () => void;
  emit<K extends keyof TEvents>(type: K, value: TEvents[K]): void;
  clear(): void;
}

/**
 * Creates an {@link Emitter}.
 *
 * @example
 * ```ts
 * const events = createEmitter<{ ended: undefined }>(defaultLogger);
 * const stop = events.on('ended', () => showSurvey());
 * ```
 */
export function createEmitter<TEvents extends object>(logger: Logger): Emitter<TEvents> {
  const listeners = new Map<keyof TEvents, Set<(value: never) => void>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener as (value: never) => void);
      listeners.set(type, set);
      return () => {
        set.delete(listener as (value: never) => void);
      };
    },
    emit(type, value) {
      for (const listener of [...(listeners.get(type) ?? [])]) {
        try {
          (listener as (value: TEvents[typeof type]) => void)(value);
        } catch (error) {
          logger.error(`A ${String(type)} listener threw`, error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
