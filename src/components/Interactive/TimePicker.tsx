import { forwardRef, useId, useMemo, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { styled } from '../../theme/styled';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { TimeSlot } from '../../core/chat/interactive/interactiveTemplate';
import { accentButton } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';
import * as S from './Interactive.styles';
import { InteractiveNote } from './InteractiveNote';
import { interactiveState } from './interactiveState';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import { useInteractiveAnswer } from './useInteractiveAnswer';

const Fieldset = styled.fieldset`
  margin: 0;
  padding: 0 ${themeVars.space.sm} ${themeVars.space.sm};
  border: 0;
  min-inline-size: 0;
  display: grid;
  gap: ${themeVars.space.sm};
`;

const Day = styled.div`
  display: grid;
  gap: ${themeVars.space.xs};
`;

const DayLabel = styled.p`
  margin: 0;
  padding-inline: ${themeVars.space.xs};
  font-size: ${themeVars.font.sizeSm};
  font-weight: ${themeVars.font.weightBold};
  color: ${themeVars.color.textMuted};
`;

const Slots = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${themeVars.space.xs};
`;

const SlotLabel = styled.label`
  position: relative;
  display: inline-flex;
  align-items: center;
  gap: ${themeVars.space.xs};
  min-block-size: 2.5rem;
  padding: ${themeVars.space.xs} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  cursor: pointer;

  & input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }

  &:has(input:focus-visible) {
    outline: ${themeVars.size.focusWidth} solid ${themeVars.color.focus};
    outline-offset: 2px;
  }

  &:has(input:checked) {
    border-color: ${themeVars.color.accent};
    background: ${themeVars.color.accent};
    color: ${themeVars.color.onAccent};
  }

  &:has(input:disabled) {
    cursor: default;
  }

  &:has(input:disabled:not(:checked)) {
    background: ${themeVars.color.surfaceMuted};
    color: ${themeVars.color.textMuted};
  }
`;

const Duration = styled.span`
  font-size: ${themeVars.font.sizeSm};
  opacity: 0.85;
`;

const Confirm = styled.button`
  ${accentButton}
  justify-self: start;
  min-block-size: 2.5rem;
  padding: ${themeVars.space.xs} ${themeVars.space.lg};
  border-radius: ${themeVars.radius.md};

  &[aria-disabled='true'] {
    cursor: default;
    background: ${themeVars.color.surfaceMuted};
    color: ${themeVars.color.textMuted};
  }
`;

const Pin = styled.svg`
  inline-size: 0.9em;
  block-size: 0.9em;
  margin-inline-end: 4px;
  vertical-align: -0.1em;
`;

function PinIcon() {
  return (
    <Pin viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11Z" />
      <circle cx="12" cy="10" r="2.5" />
    </Pin>
  );
}

/**
 * Props of {@link TimePicker}.
 *
 * @example
 * ```tsx
 * <TimePicker item={item} timeZone="Europe/Paris" />
 * ```
 */
export interface TimePickerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** A transcript item holding a TimePicker template. */
  item: ChatItem;
  /**
   * IANA time zone the slots are shown in. Defaults to the `timeZone` of the theme provider, else
   * the customer's (the browser's).
   */
  timeZone?: string;
}

interface DayGroup {
  key: string;
  label: string;
  slots: { index: number; slot: TimeSlot; time: string; instant: number }[];
}

/**
 * Groups slots by day in `timeZone`, in time order, with localized labels. Slots whose date does
 * not parse are left out.
 *
 * @example
 * ```ts
 * groupSlotsByDay(template.data.content.timeslots, 'en', 'UTC')[0]?.label; // 'Monday, March 2'
 * ```
 */
export function groupSlotsByDay(
  slots: readonly TimeSlot[],
  locale: string,
  timeZone: string | undefined,
): DayGroup[] {
  const dayKey = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dayLabel = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const days = new Map<string, DayGroup>();
  slots
    .map((slot, index) => ({ slot, index, instant: Date.parse(slot.date) }))
    .filter((entry) => Number.isFinite(entry.instant))
    .sort((a, b) => a.instant - b.instant)
    .forEach((entry) => {
      const when = new Date(entry.instant);
      const key = dayKey.format(when);
      let day = days.get(key);
      if (!day) {
        day = { key, label: dayLabel.format(when), slots: [] };
        days.set(key, day);
      }
      day.slots.push({ ...entry, time: time.format(when) });
    });
  return [...days.values()];
}

function timeZoneLabel(locale: string, timeZone: string | undefined, at: number): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(
    new Date(at),
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone ?? '';
}

/**
 * A TimePicker (protocol §7.3): appointment slots grouped by day and shown in the customer's time
 * zone (Intl), a location, and a Confirm button. The slots are a radio group (one Tab stop, arrow
 * keys move the choice); Confirm sends the chosen slot's `date` exactly as the bot wrote it.
 *
 * @example
 * ```tsx
 * {interactiveOf(item)?.templateType === 'TimePicker' && <TimePicker item={item} />}
 * ```
 */
export const TimePicker = /* @__PURE__ */ forwardRef<HTMLDivElement, TimePickerProps>(
  function TimePicker({ item, timeZone, ...rest }, ref) {
    const answer = useInteractiveAnswer(item);
    const t = useMessages();
    const format = useFormatter();
    const locale = format.locale;
    const zone = timeZone ?? format.timeZone;
    const name = useId();
    const [selected, setSelected] = useState<number | undefined>(undefined);
    const template = answer.template?.templateType === 'TimePicker' ? answer.template : undefined;
    const timeslots = template?.data.content.timeslots;
    const minutes = useMemo(
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
      [locale],
    );
    const days = useMemo(
      () => (timeslots ? groupSlotsByDay(timeslots, locale, zone) : []),
      [timeslots, locale, zone],
    );
    if (!template || !timeslots) {
      return null;
    }
    const { content } = template.data;
    const state = interactiveState(answer);
    const fromTranscript = timeslots.findIndex((slot) => slot.date === answer.transcriptAnswer);
    const chosenIndex =
      answer.chosenKey !== undefined
        ? Number(answer.chosenKey)
        : fromTranscript >= 0
          ? fromTranscript
          : undefined;
    const checked = answer.isAnswered ? chosenIndex : selected;
    const firstInstant = days[0]?.slots[0]?.instant ?? 0;
    const confirm = () => {
      const slot = selected === undefined ? undefined : timeslots[selected];
      if (answer.isLocked || slot === undefined || selected === undefined) {
        return;
      }
      answer.choose(String(selected), { timeslot: slot });
    };
    return (
      <S.Card ref={ref} data-template="TimePicker" data-state={state} {...rest}>
        <S.Header>
          <S.Title id={`${name}-title`}>{content.title}</S.Title>
          {content.subtitle ? <S.Subtitle>{content.subtitle}</S.Subtitle> : null}
          {content.location ? (
            <S.Subtitle>
              <PinIcon />
              {content.location.title}
            </S.Subtitle>
          ) : null}
          <S.Subtitle>
            {t('timeZoneNote', { timeZone: timeZoneLabel(locale, zone, firstInstant) })}
          </S.Subtitle>
        </S.Header>
        <Fieldset>
          <S.VisuallyHidden as="legend">{content.title}</S.VisuallyHidden>
          {days.map((day) => (
            <Day key={day.key} role="group" aria-labelledby={`${name}-${day.key}`}>
              <DayLabel id={`${name}-${day.key}`}>{day.label}</DayLabel>
              <Slots>
                {day.slots.map(({ index, slot, time }) => (
                  <SlotLabel key={index}>
                    <input
                      type="radio"
                      name={name}
                      value={slot.date}
                      checked={checked === index}
                      disabled={answer.isLocked}
                      onChange={() => setSelected(index)}
                    />
                    <span>{time}</span>
                    <Duration>{minutes.format(slot.duration)}</Duration>
                  </SlotLabel>
                ))}
              </Slots>
            </Day>
          ))}
          <Confirm
            type="button"
            aria-disabled={answer.isLocked || selected === undefined || undefined}
            onClick={confirm}
          >
            {t('submit')}
          </Confirm>
        </Fieldset>
        <InteractiveNote state={state} />
      </S.Card>
    );
  },
);
