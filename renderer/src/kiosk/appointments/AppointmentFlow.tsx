import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentsOverview, BookedAppointment, ShopContact, Slot } from '../../../../shared/contract/appointments-channels';
import { LanguageCode } from '../../../../shared/contract/languages';
import { pickText } from '../../../../shared/content/localized-text';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';
import { PrintStatus } from '../printing/PrintStatus';
import { ChoiceTile } from '../screens/ChoiceTile';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Loading } from '../screens/Loading';
import type { AppointmentRoute } from './appointment-routes';
import { CodeAndQr, ContactForm, FinishButton, StepTitle, UnreachableNotice, useTimeOnly, useWhen } from './parts';
import { contactInput, emptyContact, type ContactDraft } from './contact-draft';
import { byShopDay, dateInWords, shopDay } from './when';
import './appointments.css';

type Step<S extends AppointmentRoute['step']> = Extract<AppointmentRoute, { step: S }>;

export function AppointmentFlow({ route }: { route: AppointmentRoute }) {
  return (
    <div className="flow" data-screen={`appointment-${route.step}`}>
      {route.step === 'topic' && <TopicStep />}
      {route.step === 'location' && <LocationStep route={route} />}
      {route.step === 'day' && <DayStep route={route} />}
      {route.step === 'time' && <TimeStep route={route} />}
      {route.step === 'contact' && <ContactStep route={route} />}
      {route.step === 'done' && <DoneStep booked={route.booked} />}
    </div>
  );
}

/** The overview every step reads: topics, the shops to book at, and their phone numbers when booking fails. */
function useOverview() {
  return useCall('appointments.overview', {});
}

function shopOf(overview: AppointmentsOverview, locationId: string) {
  return overview.locations.find((l) => l.locationId === locationId) ?? null;
}

function TopicStep() {
  const { t, i18n } = useTranslation();
  const { go } = useKiosk();
  const overview = useOverview();
  if (overview.kind === 'loading') return <><StepTitle>{t('appointments.topic.title')}</StepTitle><Loading /></>;
  if (overview.kind === 'failed') return <><StepTitle>{t('appointments.topic.title')}</StepTitle><ErrorNotice message={t('appointments.failed')} /></>;
  const { topics, locations, route } = overview.data;
  const first = locations[0];
  if (route === 'none' || !first || topics.length === 0) {
    return (
      <>
        <StepTitle>{t('appointments.topic.title')}</StepTitle>
        <UnreachableNotice contact={first ?? null} />
      </>
    );
  }
  return (
    <>
      <StepTitle>{t('appointments.topic.title')}</StepTitle>
      <p className="lead">{t('appointments.topic.intro')}</p>
      <ul className="tiles tiles--list">
        {topics.map((topic) => (
          <li key={topic.id}>
            <ChoiceTile
              icon="talk"
              title={pickText(topic.title, i18n.language)}
              description={t('appointments.topic.minutes', { count: topic.slotMinutes })}
              testId={`appointment-topic-${topic.id}`}
              onClick={() => go(locations.length > 1 ? { screen: 'appointment', step: 'location', topic: topic.id } : { screen: 'appointment', step: 'day', topic: topic.id, locationId: first.locationId })}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

/** An outpost books at the region's staffed shops, nearest first: each with its address and opening hours. */
function LocationStep({ route }: { route: Step<'location'> }) {
  const { t, i18n } = useTranslation();
  const { go } = useKiosk();
  const overview = useOverview();
  return (
    <>
      <StepTitle>{t('appointments.location.title')}</StepTitle>
      <p className="lead">{t('appointments.location.intro')}</p>
      {overview.kind === 'loading' && <Loading />}
      {overview.kind === 'failed' && <ErrorNotice message={t('appointments.failed')} />}
      {overview.kind === 'ready' && (
        <ul className="tiles tiles--list">
          {overview.data.locations.map((shop) => (
            <li key={shop.locationId}>
              <ChoiceTile
                icon="map-pin"
                title={shop.name}
                description={`${shop.address} · ${pickText(shop.openingHours, i18n.language)}`}
                testId={`appointment-location-${shop.locationId}`}
                onClick={() => go({ screen: 'appointment', step: 'day', topic: route.topic, locationId: shop.locationId })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Days with a free time, the next ones first, as big buttons: no calendar grid to aim at. */
function DayStep({ route }: { route: Step<'day'> }) {
  const { t, i18n } = useTranslation();
  const { go } = useKiosk();
  const slots = useCall('appointments.slots', { topic: route.topic, locationId: route.locationId, days: 14 });
  const overview = useOverview();
  const shop = overview.kind === 'ready' ? shopOf(overview.data, route.locationId) : null;
  return (
    <>
      <StepTitle>{t('appointments.day.title')}</StepTitle>
      {shop && <p className="lead">{t('appointments.day.at', { shop: shop.name })}</p>}
      {slots.kind === 'loading' && <Loading />}
      {slots.kind === 'failed' && <ErrorNotice message={t('appointments.failed')} />}
      {slots.kind === 'ready' && slots.data.outcome === 'unreachable' && <UnreachableNotice contact={slots.data.contact ?? shop} />}
      {slots.kind === 'ready' && slots.data.outcome === 'ok' && (
        slots.data.slots.length === 0 ? (
          <div className="notice notice--calm" role="status">
            <p>{t('appointments.day.none')}</p>
            {shop?.phone && <p>{t('appointments.day.call', { phone: shop.phone })}</p>}
          </div>
        ) : (
          <ul className="choices" data-testid="appointment-days">
            {byShopDay(slots.data.slots).map(({ day, items }) => (
              <li key={day}>
                <button type="button" className="button button--answer choice" data-testid={`appointment-day-${day}`} onClick={() => go({ screen: 'appointment', step: 'time', topic: route.topic, locationId: route.locationId, day })}>
                  <span className="choice__title">{dateInWords(day, i18n.language)}</span>
                  <span className="choice__detail">{t('appointments.day.free', { count: items.length })}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </>
  );
}

function TimeStep({ route }: { route: Step<'time'> }) {
  const { t, i18n } = useTranslation();
  const { go } = useKiosk();
  const time = useTimeOnly();
  const slots = useCall('appointments.slots', { topic: route.topic, locationId: route.locationId, from: route.day, days: 1 });
  return (
    <>
      <StepTitle>{t('appointments.time.title', { day: dateInWords(route.day, i18n.language) })}</StepTitle>
      {slots.kind === 'loading' && <Loading />}
      {slots.kind === 'failed' && <ErrorNotice message={t('appointments.failed')} />}
      {slots.kind === 'ready' && slots.data.outcome === 'unreachable' && <UnreachableNotice contact={slots.data.contact} />}
      {slots.kind === 'ready' && slots.data.outcome === 'ok' && (
        <SlotButtons
          slots={slots.data.slots.filter((s) => shopDay(s.start) === route.day)}
          label={(s) => time(s.start)}
          empty={t('appointments.time.none')}
          onChoose={(s) => go({ screen: 'appointment', step: 'contact', topic: route.topic, locationId: route.locationId, start: s.start })}
        />
      )}
    </>
  );
}

/** Times of one day as a grid of short buttons; times across days ("dinsdag 8 december, 11.00 uur") one per row. */
function SlotButtons({ slots, label, empty, onChoose, wide = false }: { slots: readonly Slot[]; label(slot: Slot): string; empty: string; onChoose(slot: Slot): void; wide?: boolean }) {
  if (slots.length === 0) return <p className="notice notice--calm" role="status">{empty}</p>;
  return (
    <ul className={wide ? 'choices' : 'choices choices--times'} data-testid="appointment-times">
      {slots.map((slot) => (
        <li key={slot.start}>
          <button type="button" className="button button--answer" data-testid="appointment-time" data-start={slot.start} onClick={() => onChoose(slot)}>
            {label(slot)}
          </button>
        </li>
      ))}
    </ul>
  );
}

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'taken'; alternatives: Slot[] } | { kind: 'unreachable'; contact: ShopContact | null } | { kind: 'failed' };

function ContactStep({ route }: { route: Step<'contact'> }) {
  const { t, i18n } = useTranslation();
  const { bridge, reset } = useKiosk();
  const when = useWhen();
  const overview = useOverview();
  const [start, setStart] = useState(route.start);
  const [draft, setDraft] = useState<ContactDraft>(emptyContact);
  const [state, setState] = useState<Sending>({ kind: 'idle' });
  // One key per chosen time: a retry after a lost answer cannot book twice; another time is another booking.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [start]);
  const shop = overview.kind === 'ready' ? shopOf(overview.data, route.locationId) : null;
  const topic = overview.kind === 'ready' ? overview.data.topics.find((x) => x.id === route.topic) : undefined;

  const book = async (): Promise<void> => {
    if (state.kind === 'sending') return;
    setState({ kind: 'sending' });
    try {
      const result = await bridge.call('appointments.book', {
        topic: route.topic,
        locationId: route.locationId,
        start,
        ...contactInput(draft),
        language: LanguageCode.catch('nl').parse(i18n.language),
        idempotencyKey,
      });
      if (result.outcome === 'booked') reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'appointment', step: 'done', booked: result.appointment }]);
      else if (result.outcome === 'taken') setState({ kind: 'taken', alternatives: result.alternatives });
      else setState({ kind: 'unreachable', contact: result.contact ?? shop });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  return (
    <>
      <StepTitle>{t('appointments.contact.title')}</StepTitle>
      <dl className="summary" data-testid="appointment-summary">
        <div className="summary__row">
          <dt>{t('appointments.contact.when')}</dt>
          <dd>{when(start)}</dd>
        </div>
        {topic && (
          <div className="summary__row">
            <dt>{t('appointments.contact.topic')}</dt>
            <dd>{pickText(topic.title, i18n.language)}</dd>
          </div>
        )}
        {shop && (
          <div className="summary__row">
            <dt>{t('appointments.contact.shop')}</dt>
            <dd>{`${shop.name}, ${shop.address}`}</dd>
          </div>
        )}
      </dl>
      {state.kind === 'taken' && (
        <div className="notice notice--calm appointment-taken" role="status" data-testid="appointment-taken">
          <p>{t('appointments.taken.title')}</p>
          <SlotButtons
            slots={state.alternatives}
            label={(s) => when(s.start)}
            wide
            empty={t('appointments.taken.none')}
            onChoose={(s) => {
              setStart(s.start);
              setState({ kind: 'idle' });
            }}
          />
        </div>
      )}
      {state.kind === 'unreachable' && <UnreachableNotice contact={state.contact} />}
      {state.kind === 'failed' && <ErrorNotice message={t('appointments.bookFailed')} />}
      {state.kind !== 'taken' && state.kind !== 'unreachable' && (
        <ContactForm draft={draft} onChange={setDraft} sending={state.kind === 'sending'} label={t('appointments.contact.book')} sendingLabel={t('appointments.contact.booking')} testId="appointment-book" onSubmit={() => void book()} />
      )}
    </>
  );
}

function DoneStep({ booked }: { booked: BookedAppointment }) {
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const overview = useOverview();
  const shop = overview.kind === 'ready' ? shopOf(overview.data, booked.locationId) : null;
  const topic = overview.kind === 'ready' ? overview.data.topics.find((x) => x.id === booked.topic) : undefined;
  return (
    <>
      <StepTitle>{t('appointments.done.title')}</StepTitle>
      <p className="lead" data-testid="appointment-when">
        {when(booked.start)}
      </p>
      {shop && <p className="lead">{`${shop.name}, ${shop.address}`}</p>}
      <CodeAndQr code={booked.code} label={t('appointments.done.code')} />
      <PrintStatus jobId={booked.printJobId} kind="receipt" texts="appointments.print" />
      <ul className="plain-list">
        {topic && <li>{pickText(topic.whatToBring, i18n.language)}</li>}
        <li>{t('appointments.done.arrive')}</li>
        <li>{shop?.phone ? t('appointments.done.cancelPhone', { phone: shop.phone }) : t('appointments.done.cancel')}</li>
      </ul>
      <FinishButton />
    </>
  );
}
