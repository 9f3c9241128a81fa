import type { DeviceConfig } from '../../../shared/config/device-config';
import { pickText } from '../../../shared/content/localized-text';
import type { ContentPack, Location } from '../../../shared/content/pack-schema';
import { weekdays } from '../../../shared/content/pack-schema';
import type { appointmentsChannels, AppointmentsOverview, BookableLocation, ShopContact } from '../../../shared/contract/appointments-channels';
import type { LanguageCode } from '../../../shared/contract/languages';
import type { sessionsChannels } from '../../../shared/contract/sessions-channels';
import type { PrintDocument } from '../../../shared/printing/print-document';
import type { CallContext, HandlersFor } from '../bridge/handlers';
import type { Clock, Timer } from '../clock/clock';
import type { Capability } from '../composition/capability';
import { CoreError } from '../errors';
import type { HubClient } from '../hub/hub-client';
import type { Logger } from '../log/logger';
import type { PrintingService } from '../printing/printing-service';
import { serviceDay } from '../requests/service-day';
import type { StaffModule } from '../staff/staff-module';
import type { DeviceStore } from '../store/open-device-store';
import { scrubWal } from '../store/scrub';
import { openAt } from '../../../shared/appointments/slot-maths';
import { storeWrite } from '../store/store-write';
import type { Outbox } from '../outbox/outbox';
import type { Queue } from '../tickets/queue';
import { createAgenda, type Agenda, type OutpostSharing } from './agenda';
import { AgendaUnreachable, hubPort, localPort, type AgendaPort } from './agenda-port';
import { centralPort } from './central-port';
import { createCentralPull, type PullOutcome } from './central-pull';
import { hubAgendaRoute } from './hub-agenda-route';

type AllHandlers = HandlersFor<typeof appointmentsChannels> & HandlersFor<typeof sessionsChannels>;
type VisitorChannels =
  | 'appointments.overview'
  | 'appointments.slots'
  | 'appointments.book'
  | 'appointments.cancel'
  | 'appointments.checkIn'
  | 'appointments.turn'
  | 'sessions.list'
  | 'sessions.signUp';

export interface AppointmentsModule extends Capability {
  readonly handlers: Pick<AllHandlers, VisitorChannels> & Partial<AllHandlers>;
  /** This device's own agenda (the counter's, a demo kiosk's); null where it books elsewhere. */
  readonly agenda: Agenda | null;
  /** A counter that shares its time with outposts pulls their bookings; null elsewhere. */
  readonly pullOutposts: (() => Promise<PullOutcome>) | null;
  /** The counter's answers to its kiosks (for the hub server); null on a kiosk. */
  readonly hubRoute: ((op: string, body: unknown) => Promise<{ status: number; body: unknown }>) | null;
}

const purgeEveryMs = 60 * 60 * 1000;

function contactOf(location: Location): ShopContact {
  return {
    locationId: location.id,
    name: location.name,
    phone: location.phone ?? null,
    address: `${location.address.street}, ${location.address.postcode} ${location.address.city}`,
    openingHours: location.openingHours,
    openingTimes: location.openingTimes ? weekdays.flatMap((weekday) => (location.openingTimes?.[weekday] ?? []).map((p) => ({ weekday, ...p }))) : [],
  };
}

/**
 * Appointments and group session seats. Where the agenda lives depends on the device: the counter
 * holds its shop's (and answers its kiosks over the hub link), a kiosk with a hub asks the hub, an
 * outpost asks the central API, a kiosk on its own (demo mode) keeps one itself. When the agenda
 * cannot be asked the visitor gets the shop's phone and hours, never a booking that was not made;
 * a slip prints only once the booking committed.
 */
export function createAppointmentsModule(deps: {
  config: DeviceConfig;
  store: DeviceStore | null;
  pack: () => ContentPack | null;
  clock: Clock;
  logger: Logger;
  printing: PrintingService;
  hubClient?: HubClient;
  central?: { baseUrl: string; token: () => string | null };
  staff?: StaffModule;
  /** The desk's queue: checked-in appointments become a source of its next call. */
  queue?: Queue;
  /** A counter's outbox to the central API: a desk cancel of an outpost booking goes there. */
  outbox?: { outbox: Outbox; nudge: () => void };
  requestTimeoutMs?: number;
  /** How often a counter pulls the outposts' bookings of its shop. */
  pullEveryMs?: number;
}): AppointmentsModule {
  const { config, store } = deps;
  const log = deps.logger.child({ part: 'appointments' });
  const outpost = config.mode === 'outpost';
  const own = config.location.id;
  const timeoutMs = deps.requestTimeoutMs ?? 8000;
  const now = (): Date => deps.clock.now();

  // A counter that talks to the central API shares its shop's time with the outposts booking there.
  const sharesWithOutposts = config.role === 'counter' && deps.central !== undefined && deps.outbox !== undefined;
  const sharing: OutpostSharing | undefined =
    sharesWithOutposts && deps.outbox
      ? {
          mode: 'hub',
          onCancelled: (row, at) => {
            deps.outbox?.outbox.enqueue({ aggregateType: 'appointment', aggregateId: row.id, kind: 'appointment.cancel', reference: row.code, body: { locationId: row.location_id, code: row.code } }, at);
          },
        }
      : undefined;
  const agenda = !outpost && !deps.hubClient && store ? createAgenda({ db: store.db, cipher: store.cipher, now, pack: deps.pack, outposts: sharing }) : null;
  const puller =
    agenda && sharesWithOutposts && deps.central ? createCentralPull({ agenda, locationId: own, baseUrl: deps.central.baseUrl, token: deps.central.token, timeoutMs, logger: deps.logger }) : null;
  const route: AppointmentsOverview['route'] = outpost ? (deps.central ? 'central' : 'none') : deps.hubClient ? 'hub' : agenda ? 'local' : 'none';
  const port: AgendaPort | null =
    route === 'central' && deps.central
      ? centralPort({ ...deps.central, timeoutMs })
      : route === 'hub' && deps.hubClient
        ? hubPort(deps.hubClient, timeoutMs)
        : agenda
          ? localPort(agenda, config.role === 'counter' ? 'desk' : 'kiosk', (id) => id === own)
          : null;

  /** The shops a visitor here books at: an outpost's staffed shops nearest first, otherwise this shop. */
  function bookable(): Location[] {
    const pack = deps.pack();
    if (!pack) return [];
    const shops = pack.locations.filter((l) => l.kind === 'shop' && l.openingTimes);
    if (!outpost) return shops.filter((l) => l.id === own);
    const here = pack.locations.find((l) => l.id === own);
    if (here?.bookAt) return here.bookAt.flatMap((id) => shops.filter((s) => s.id === id));
    return shops.filter((s) => s.region === (here?.region ?? config.region));
  }

  function target(locationId: string | undefined): Location {
    const shops = bookable();
    const shop = locationId === undefined ? shops[0] : shops.find((l) => l.id === locationId);
    if (!shop) throw new CoreError('not_found', locationId ? `Appointments at "${locationId}" cannot be made from this device.` : 'This device has no shop to book appointments at.');
    return shop;
  }

  const portOrFail = (): AgendaPort => {
    if (!port) throw new CoreError('unavailable', 'This device cannot book appointments.');
    return port;
  };

  /** Runs an agenda question; a hub or central API that cannot be asked becomes the calm "cannot book now". */
  async function orUnreachable<T>(shop: Location | null, ask: (p: AgendaPort) => Promise<T>): Promise<T | { outcome: 'unreachable'; contact: ShopContact | null }> {
    try {
      return await ask(portOrFail());
    } catch (err) {
      if (!(err instanceof AgendaUnreachable)) throw err;
      log.warn('the agenda could not be asked', { route, reason: err.message.slice(0, 120) });
      return { outcome: 'unreachable', contact: shop ? contactOf(shop) : null };
    }
  }

  /** Stores the slip's print job after the booking committed; a slip that cannot be stored leaves the code on screen, the booking stands. */
  function print(document: PrintDocument): string | null {
    try {
      return deps.printing.enqueue(document).id;
    } catch (err) {
      log.error('a slip could not be stored for printing; the code is on screen', { kind: document.kind, error: err instanceof Error ? err.name : 'unknown' });
      return null;
    }
  }

  function appointmentSlip(shop: Location, booked: { code: string; topic: string; start: string }, language: LanguageCode): string | null {
    const topic = deps.pack()?.appointmentTopics.find((t) => t.id === booked.topic);
    return print({
      kind: 'appointment-slip',
      language,
      data: {
        code: booked.code,
        start: booked.start,
        topic: topic ? pickText(topic.title, language) : booked.topic,
        shopName: shop.name,
        shopAddress: contactOf(shop).address,
        shopPhone: shop.phone ?? null,
        whatToBring: topic ? pickText(topic.whatToBring, language) : '-',
      },
    });
  }

  function seatSlip(seat: { code: string; sessionId: string; locationId: string; start: string }, language: LanguageCode): string | null {
    const pack = deps.pack();
    const session = pack?.sessions.find((s) => s.id === seat.sessionId);
    const shop = pack?.locations.find((l) => l.id === seat.locationId);
    if (!session || !shop) return null;
    return print({
      kind: 'seat-slip',
      language,
      data: { code: seat.code, start: seat.start, session: pickText(session.title, language), place: session.place, shopName: shop.name, shopAddress: contactOf(shop).address, shopPhone: shop.phone ?? null },
    });
  }

  const openNow = (l: Location): boolean => {
    const pack = deps.pack();
    if (!pack || !l.openingTimes) return false;
    return openAt({ openingTimes: l.openingTimes, closedOn: new Set([...pack.closingDays.map((d) => d.date), ...l.closedOn]) }, now());
  };

  const staffId = (ctx: CallContext): string => deps.staff?.me(ctx.client) ?? 'kiosk';

  const visitor: Pick<AllHandlers, VisitorChannels> = {
    'appointments.overview': () => ({
      route,
      outpost,
      topics: [...(deps.pack()?.appointmentTopics ?? [])].sort((a, b) => a.order - b.order).map((t) => ({ id: t.id, title: t.title, slotMinutes: t.slotMinutes, whatToBring: t.whatToBring })),
      locations: bookable().map((l): BookableLocation => ({ ...contactOf(l), region: l.region, openNow: openNow(l) })),
    }),
    'appointments.slots': async (input) => {
      const shop = target(input.locationId);
      return orUnreachable(shop, async (p) => ({ outcome: 'ok' as const, ...(await p.slots({ locationId: shop.id, topic: input.topic, from: input.from, days: input.days })) }));
    },
    'appointments.book': async (input) => {
      const shop = target(input.locationId);
      const answer = await orUnreachable(shop, (p) =>
        p.book({ locationId: shop.id, topic: input.topic, start: input.start, firstName: input.firstName, language: input.language, idempotencyKey: input.idempotencyKey }),
      );
      if (answer.outcome !== 'booked') return answer.outcome === 'taken' ? { outcome: 'taken', alternatives: answer.alternatives.slice(0, 6) } : answer;
      return { outcome: 'booked', appointment: { ...answer.appointment, printJobId: appointmentSlip(shop, answer.appointment, input.language) } };
    },
    'appointments.cancel': async (input) => {
      const shops = bookable();
      return orUnreachable(shops[0] ?? null, async (p) => {
        // An outpost's visitor may hold a code of any of its shops: the first that knows it cancels it.
        for (const shop of shops.slice(0, -1)) {
          try {
            return await p.cancel(shop.id, input.code);
          } catch (err) {
            if (!(err instanceof CoreError && err.code === 'not_found')) throw err;
          }
        }
        return p.cancel(target(shops.at(-1)?.id).id, input.code);
      });
    },
    'appointments.checkIn': async (input) => {
      if (outpost) throw new CoreError('forbidden', 'An outpost has no desk: check in at the shop\'s own kiosk.');
      return orUnreachable(target(own), (p) => p.checkIn(own, input.code));
    },
    'appointments.turn': (input) => ({ turn: agenda && !outpost ? agenda.turn(input.code, own) : 'unknown' }),
    'sessions.list': async (input) => {
      const shops = input.locationId ? [target(input.locationId)] : bookable();
      return orUnreachable(shops[0] ?? null, async (p) => ({ outcome: 'ok' as const, sessions: await p.sessions(shops.map((s) => s.id), outpost ? 'region' : 'location') }));
    },
    'sessions.signUp': async (input) => {
      const session = deps.pack()?.sessions.find((s) => s.id === input.sessionId);
      const shop = session ? bookable().find((l) => l.id === session.location) : undefined;
      if (!session || !shop || (outpost && session.audience !== 'region')) throw new CoreError('not_found', `There is no group session "${input.sessionId}" to sign up for here.`);
      const answer = await orUnreachable(shop, (p) => p.signUp({ sessionId: input.sessionId, firstName: input.firstName, language: input.language, idempotencyKey: input.idempotencyKey }));
      if (answer.outcome !== 'signed-up') return answer.outcome === 'full' ? { outcome: 'full', alternatives: answer.alternatives.slice(0, 6) } : answer;
      return { outcome: 'signed-up', seat: { ...answer.seat, printJobId: seatSlip(answer.seat, input.language) } };
    },
  };

  const desk: Partial<AllHandlers> =
    agenda && config.role === 'counter'
      ? {
          'appointments.today': (input) => {
            // The desk looking at its agenda is a good moment to hear of new outpost bookings; it does not wait for them.
            void puller?.pull();
            return agenda.today(own, input.day ?? serviceDay(now()));
          },
          'appointments.cancel': (input, ctx) => {
            const cancelled = agenda.cancel(input.code, own, staffId(ctx));
            deps.outbox?.nudge();
            return cancelled;
          },
          'appointments.outpostShare': () => agenda.outpostShare(own),
          'appointments.setOutpostShare': (input, ctx) => {
            const set = agenda.setOutpostShare(own, input.share, staffId(ctx));
            void puller?.pull();
            return set;
          },
          'appointments.checkInByStaff': (input, ctx) => agenda.checkInByStaff(input.code, own, staffId(ctx)),
          'appointments.markNoShow': (input, ctx) => agenda.close(input.code, own, 'no-show', staffId(ctx)),
          'appointments.markServed': (input, ctx) => agenda.close(input.code, own, 'served', staffId(ctx)),
          'appointments.rebook': (input, ctx) => {
            const moved = storeWrite(log, 'appointments.rebook', () => agenda.rebook(input.code, own, new Date(input.start), input.idempotencyKey, staffId(ctx)));
            if (moved.outcome === 'taken') return moved;
            const language = config.defaultLanguage;
            return { outcome: 'booked', appointment: { ...moved.appointment, printJobId: appointmentSlip(target(own), moved.appointment, language) } };
          },
          'appointments.bookAtDesk': (input) => {
            const booked = storeWrite(log, 'appointments.bookAtDesk', () => agenda.book({ ...input, locationId: own, start: new Date(input.start), via: 'desk' }));
            if (booked.outcome === 'taken') return booked;
            return { outcome: 'booked', appointment: { ...booked.appointment, printJobId: appointmentSlip(target(own), booked.appointment, input.language) } };
          },
          'appointments.capacity': () => agenda.capacity(own),
          'appointments.setCapacity': (input, ctx) => agenda.setCapacity(own, input, staffId(ctx)),
          'sessions.attendees': (input) => agenda.attendees(input.sessionId, own),
          'sessions.printAttendees': (input) => {
            const { session, attendees } = agenda.attendees(input.sessionId, own);
            const language = config.defaultLanguage;
            const printJobId = print({
              kind: 'attendee-list',
              language,
              data: {
                session: pickText(session.title, language),
                start: session.start,
                place: session.place,
                capacity: session.capacity,
                attendees: attendees.filter((a) => a.state === 'signed-up').map((a) => ({ code: a.code, firstName: a.firstName })),
              },
            });
            return { printJobId };
          },
        }
      : {};

  if (agenda && deps.queue) deps.queue.addSource(agenda.callSource(own));

  const retentionMs = config.appointmentRetentionDays * 86_400_000;
  const purge = (): void => {
    if (!agenda || !store) return;
    const purged = agenda.purge(now(), retentionMs);
    if (purged > 0) {
      scrubWal(store.db);
      log.info('purged contact data of past appointments and seats', { rows: purged });
    }
  };
  let purgeTimer: Timer | null = null;
  let pullTimer: Timer | null = null;

  return {
    name: 'appointments',
    agenda,
    pullOutposts: puller ? puller.pull : null,
    hubRoute: agenda && config.role === 'counter' ? hubAgendaRoute(localPort(agenda, 'kiosk', (id) => id === own)) : null,
    handlers: { ...visitor, ...desk },
    start: () => {
      if (!agenda) return;
      purge();
      purgeTimer = deps.clock.setInterval(purge, purgeEveryMs);
      if (puller && agenda) {
        // While the central API has not confirmed the share, the shop keeps the most it may book by (a lowered share's old places): ask again soon.
        let lastPull = 0;
        const pullNow = (): void => {
          lastPull = now().getTime();
          void puller.pull();
        };
        pullNow();
        pullTimer = deps.clock.setInterval(() => {
          if (!agenda.pullState(own).confirmed || now().getTime() - lastPull >= (deps.pullEveryMs ?? 30_000)) pullNow();
        }, 5000);
      }
    },
    close: () => {
      purgeTimer?.cancel();
      pullTimer?.cancel();
    },
  };
}
