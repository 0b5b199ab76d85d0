/**
 * Locale-aware formatting of times, dates, days and sizes, all through `Intl`.
 *
 * @example
 * ```ts
 * const format = createFormatter('fr');
 * format.fileSize(2_500_000); // '2,5 Mo'
 * ```
 */
export interface Formatter {
  readonly locale: string;
  /** IANA time zone used for times and days; `undefined` is the runtime's own. */
  readonly timeZone: string | undefined;
  /** Short time of day, e.g. `3:04 PM`. */
  time(value: Date | string | number): string;
  /** Medium date, e.g. `Mar 4, 2025`. */
  date(value: Date | string | number): string;
  /** Date and time, e.g. `Mar 4, 2025, 3:04 PM`. */
  dateTime(value: Date | string | number): string;
  /** Calendar day in the time zone as `YYYY-MM-DD`, for grouping. */
  dayKey(value: Date | string | number): string;
  /** A number in the locale, e.g. `1,024`. */
  number(value: number): string;
  /** Bytes as B, kB, MB or GB in the locale. */
  fileSize(bytes: number): string;
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * A {@link Formatter} for a locale and, optionally, a time zone (defaults to the runtime's).
 *
 * @example
 * ```ts
 * const format = createFormatter('en', 'Europe/Paris');
 * format.time('2025-03-04T14:04:00Z'); // '3:04 PM'
 * ```
 */
export function createFormatter(locale: string, timeZone?: string): Formatter {
  const zone = timeZone ? { timeZone } : {};
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...zone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...zone,
  });
  // en-CA formats as YYYY-MM-DD: a stable key whatever the display locale.
  const day = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...zone,
  });
  const number = new Intl.NumberFormat(locale);
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  const sizes = units.map(
    (unit) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 'byte' ? 0 : 1,
      }),
  );
  return {
    locale,
    timeZone,
    time: (value) => time.format(toDate(value)),
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    dayKey: (value) => day.format(toDate(value)),
    number: (value) => number.format(value),
    fileSize: (bytes) => {
      let index = 0;
      let value = bytes;
      while (value >= 1000 && index < units.length - 1) {
        value /= 1000;
        index += 1;
      }
      return (sizes[index] ?? sizes[0]!).format(value);
    },
  };
}
