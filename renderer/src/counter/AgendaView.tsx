import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaAppointment, AgendaSession, CapacitySetting, DayPart, Slot } from '../../../shared/contract/appointments-channels';
import type { StaffMember } from '../../../shared/contract/staff-channels';
import { pickText } from '../../../shared/content/localized-text';
import { weekdays } from '../../../shared/content/pack-schema';
import { hasStaffRole } from '../../../shared/staff/staff-role';
import type { Bridge } from '../bridge/bridge-client';
import { clockParts, dayInWords } from '../kiosk/appointments/when';
import { errorKey, isSignedOut } from './bridge-errors';
import { usePackWords } from './pack-words';
import { usePolled } from './use-polled';
import './agenda.css';

interface Props {
  bridge: Bridge;
  me: StaffMember;
  onSignedOut(): void;
}

const dayParts: readonly DayPart[] = ['morning', 'afternoon', 'evening'];
/** An appointment staff can still act on: check in, mark, cancel or move. */
const open = (a: AgendaAppointment): boolean => a.state === 'booked' || a.state === 'checked-in' || a.state === 'called';

/**
 * Today's agenda at the desk: the appointments with their states and the day's sessions. Arrow keys
 * choose an appointment; Alt+I checks it in, Alt+S served, Alt+X no-show, Alt+C cancels, Alt+R
 * offers other times to move it to. Times are the shop's (Europe/Amsterdam), whatever the PC says.
 */
export function AgendaView({ bridge, me, onSignedOut }: Props) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState('');
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState(0);
  const [rebooking, setRebooking] = useState<{ code: string; slots: Slot[] | null; key: string } | null>(null);
  const [attendees, setAttendees] = useState<{ sessionId: string; list: Array<{ code: string; firstName: string | null; state: string }> } | null>(null);
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);
  const words = usePackWords(bridge);
  const load = useCallback(() => bridge.call('appointments.today', day ? { day } : {}), [bridge, day]);
  const { data, reload } = usePolled(load, 5000, fail);
  const appointments = data?.appointments ?? [];
  const current = appointments[Math.min(selected, appointments.length - 1)] ?? null;
  const time = (iso: string): string => {
    const { hour, minute } = clockParts(iso, i18n.language);
    return `${hour}:${minute}`;
  };

  const act = useCallback(
    async (appointment: AgendaAppointment | null, action: 'checkIn' | 'served' | 'noShow' | 'cancel') => {
      if (!appointment) return;
      try {
        const code = appointment.code;
        if (action === 'checkIn') await bridge.call('appointments.checkInByStaff', { code });
        else if (action === 'served') await bridge.call('appointments.markServed', { code });
        else if (action === 'noShow') await bridge.call('appointments.markNoShow', { code });
        else await bridge.call('appointments.cancel', { code });
        setStatus(t(`appointments.desk.done.${action}`, { code, time: time(appointment.start) }));
        reload();
      } catch (err) {
        fail(err);
      }
    },
    [bridge, fail, reload, t, i18n.language],
  );

  const startRebook = useCallback(
    async (appointment: AgendaAppointment | null) => {
      if (!appointment) return;
      setRebooking({ code: appointment.code, slots: null, key: crypto.randomUUID() });
      try {
        const result = await bridge.call('appointments.slots', { topic: appointment.topic, days: 14 });
        setRebooking((r) => r && { ...r, slots: result.outcome === 'ok' ? result.slots.slice(0, 12) : [] });
      } catch (err) {
        fail(err);
      }
    },
    [bridge, fail],
  );

  const rebook = async (start: string): Promise<void> => {
    if (!rebooking) return;
    try {
      const result = await bridge.call('appointments.rebook', { code: rebooking.code, start, idempotencyKey: rebooking.key });
      if (result.outcome === 'booked') {
        setStatus(t('appointments.desk.rebooked', { code: result.appointment.code, when: `${dayInWords(result.appointment.start, i18n.language)} ${time(result.appointment.start)}` }));
        setRebooking(null);
      } else {
        setStatus(t('appointments.desk.taken'));
        setRebooking({ ...rebooking, slots: result.alternatives, key: crypto.randomUUID() });
      }
      reload();
    } catch (err) {
      fail(err);
    }
  };

  const showAttendees = async (session: AgendaSession): Promise<void> => {
    try {
      const result = await bridge.call('sessions.attendees', { sessionId: session.id });
      setAttendees({ sessionId: session.id, list: result.attendees });
    } catch (err) {
      fail(err);
    }
  };

  const printAttendees = async (session: AgendaSession): Promise<void> => {
    try {
      const { printJobId } = await bridge.call('sessions.printAttendees', { sessionId: session.id });
      setStatus(printJobId ? t('appointments.desk.printing', { title: pickText(session.title, i18n.language) }) : t('appointments.desk.noPrinter'));
    } catch (err) {
      fail(err);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;
      if (!typing && !e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        setSelected((i) => Math.max(0, Math.min(appointments.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
        return;
      }
      if (!e.altKey || e.ctrlKey) return;
      const key = e.key.toLowerCase();
      if (key === 'i') void act(current, 'checkIn');
      else if (key === 's') void act(current, 'served');
      else if (key === 'x') void act(current, 'noShow');
      else if (key === 'c') void act(current, 'cancel');
      else if (key === 'r') void startRebook(current);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, startRebook, current, appointments.length]);

  return (
    <section aria-labelledby="agenda-title" className="agenda">
      <h2 id="agenda-title">{t('appointments.desk.title')}</h2>
      <p role="status" className="desk-status" data-testid="agenda-status">
        {status}
      </p>
      <div className="desk-actions stats__controls">
        <div className="field">
          <label htmlFor="agenda-day">{t('appointments.desk.day')}</label>
          <input id="agenda-day" type="date" value={day || data?.day || ''} onChange={(e) => setDay(e.target.value)} />
        </div>
      </div>
      <table className="desk-table" data-testid="agenda-appointments">
        <caption>{t('appointments.desk.appointments', { count: appointments.length, day: data ? dayInWords(`${data.day}T12:00:00Z`, i18n.language) : '' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appointments.desk.time')}</th>
            <th scope="col">{t('appointments.desk.code')}</th>
            <th scope="col">{t('appointments.desk.topic')}</th>
            <th scope="col">{t('appointments.desk.name')}</th>
            <th scope="col">{t('appointments.desk.state')}</th>
            <th scope="col">{t('appointments.desk.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {appointments.map((a) => (
            <tr key={a.id} aria-selected={a === current} className={a === current ? 'agenda__row agenda__row--selected' : 'agenda__row'} data-code={a.code} data-state={a.state} onClick={() => setSelected(appointments.indexOf(a))}>
              <td>{`${time(a.start)}–${time(a.end)}`}</td>
              <td>{a.code}</td>
              <td>{words.topic(a.topic)}</td>
              <td>{a.firstName ?? '—'}</td>
              <td>
                {t(`appointments.desk.states.${a.state}`)}
                {a.asWalkIn && ` (${t('appointments.desk.asWalkIn')})`}
                {a.bookedVia === 'central' && ` · ${t('appointments.desk.viaOutpost')}`}
              </td>
              <td>
                <div className="desk-table__actions">
                  {a.state === 'booked' && (
                    <button type="button" className="desk-button" onClick={() => void act(a, 'checkIn')} aria-keyshortcuts={a === current ? 'Alt+I' : undefined}>
                      {t('appointments.desk.checkIn')}
                    </button>
                  )}
                  {(a.state === 'checked-in' || a.state === 'called') && (
                    <button type="button" className="desk-button" onClick={() => void act(a, 'served')}>
                      {t('appointments.desk.served')}
                    </button>
                  )}
                  {open(a) && (
                    <button type="button" className="desk-button" onClick={() => void act(a, 'noShow')}>
                      {t('appointments.desk.noShow')}
                    </button>
                  )}
                  {a.state === 'booked' && (
                    <button type="button" className="desk-button" onClick={() => void startRebook(a)}>
                      {t('appointments.desk.rebook')}
                    </button>
                  )}
                  {open(a) && (
                    <button type="button" className="desk-button" onClick={() => void act(a, 'cancel')}>
                      {t('appointments.desk.cancel')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="desk-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> {t('appointments.desk.keys')}
      </p>
      {rebooking && (
        <section aria-labelledby="rebook-title" className="agenda__rebook" data-testid="agenda-rebook">
          <h3 id="rebook-title">{t('appointments.desk.rebookTitle', { code: rebooking.code })}</h3>
          {rebooking.slots === null ? (
            <p role="status">{t('app.working')}</p>
          ) : rebooking.slots.length === 0 ? (
            <p>{t('appointments.desk.noSlots')}</p>
          ) : (
            <ul className="desk-actions">
              {rebooking.slots.map((slot) => (
                <li key={slot.start}>
                  <button type="button" className="desk-button" onClick={() => void rebook(slot.start)}>
                    {`${dayInWords(slot.start, i18n.language)} ${time(slot.start)}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="desk-button" onClick={() => setRebooking(null)}>
            {t('appointments.desk.close')}
          </button>
        </section>
      )}
      {data && data.sessions.length === 0 ? (
        <p data-testid="agenda-sessions">{t('appointments.desk.noSessions')}</p>
      ) : (
        <table className="desk-table" data-testid="agenda-sessions">
          <caption>{t('appointments.desk.sessions', { count: data?.sessions.length ?? 0 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appointments.desk.time')}</th>
              <th scope="col">{t('appointments.desk.session')}</th>
              <th scope="col">{t('appointments.desk.place')}</th>
              <th scope="col">{t('appointments.desk.signedUp')}</th>
              <th scope="col">{t('appointments.desk.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.sessions ?? []).map((s) => (
              <tr key={s.id} data-session={s.id}>
                <td>{`${time(s.start)}–${time(s.end)}`}</td>
                <td>
                  {pickText(s.title, i18n.language)}
                  {s.cancelled && <strong>{` · ${t('appointments.desk.sessionCancelled')}`}</strong>}
                </td>
                <td>{s.place}</td>
                <td>{t('appointments.desk.seats', { signedUp: s.signedUp, capacity: s.capacity })}</td>
                <td>
                  <div className="desk-table__actions">
                    <button type="button" className="desk-button" onClick={() => void showAttendees(s)}>
                      {t('appointments.desk.showAttendees')}
                    </button>
                    <button type="button" className="desk-button" onClick={() => void printAttendees(s)}>
                      {t('appointments.desk.printAttendees')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attendees && (
        <section aria-labelledby="attendees-title" data-testid="agenda-attendees">
          <h3 id="attendees-title">{t('appointments.desk.attendeesTitle', { count: attendees.list.filter((a) => a.state === 'signed-up').length })}</h3>
          <ul>
            {attendees.list.map((a) => (
              <li key={a.code}>{`${a.code} ${a.firstName ?? ''}${a.state === 'cancelled' ? ` (${t('appointments.desk.states.cancelled')})` : ''}`}</li>
            ))}
          </ul>
          <button type="button" className="desk-button" onClick={() => setAttendees(null)}>
            {t('appointments.desk.close')}
          </button>
        </section>
      )}
      {hasStaffRole(me.role, 'location-manager') && <CapacityEditor bridge={bridge} fail={fail} onSaved={() => setStatus(t('appointments.desk.capacitySaved'))} />}
    </section>
  );
}

/** The location manager's setting: how many advisers take appointments per weekday and day part. */
function CapacityEditor({ bridge, fail, onSaved }: { bridge: Bridge; fail(err: unknown): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [setting, setSetting] = useState<CapacitySetting | null>(null);
  useEffect(() => {
    bridge.call('appointments.capacity', {}).then(setSetting, fail);
  }, [bridge, fail]);
  const advisers = useMemo(() => new Map(setting?.weekly.map((w) => [`${w.weekday}/${w.dayPart}`, w.advisers]) ?? []), [setting]);
  const save = async (weekday: (typeof weekdays)[number], dayPart: DayPart, value: string): Promise<void> => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 0 || count > 20) return;
    try {
      setSetting(await bridge.call('appointments.setCapacity', { weekday, dayPart, advisers: count }));
      onSaved();
    } catch (err) {
      fail(err);
    }
  };
  if (!setting) return null;
  return (
    <section aria-labelledby="capacity-title" data-testid="agenda-capacity">
      <h3 id="capacity-title">{t('appointments.desk.capacityTitle')}</h3>
      <p>{t('appointments.desk.capacityIntro')}</p>
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">{t('appointments.desk.weekday')}</th>
            {dayParts.map((p) => (
              <th scope="col" key={p}>
                {t(`appointments.desk.dayParts.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((weekday) => (
            <tr key={weekday}>
              <th scope="row">{t(`appointments.desk.weekdays.${weekday}`)}</th>
              {dayParts.map((part) => (
                <td key={part}>
                  <input
                    type="number"
                    min={0}
                    max={20}
                    className="agenda__advisers"
                    aria-label={t('appointments.desk.advisersFor', { weekday: t(`appointments.desk.weekdays.${weekday}`), part: t(`appointments.desk.dayParts.${part}`) })}
                    defaultValue={advisers.get(`${weekday}/${part}`) ?? 0}
                    onBlur={(e) => void save(weekday, part, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
