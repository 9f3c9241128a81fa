import { z } from 'zod';
import { Trajectory } from '../domain/trajectory';
import { Slug } from '../validation/slug';
import { EligibilityRuleSetSchema } from '../eligibility/rule-set-schema';
import { InterestArea } from '../self-scan/riasec';
import { AnswersSchema } from '../eligibility/outcome-schema';
import { LocalizedText } from './localized-text';

export { Slug } from '../validation/slug';
export { Trajectory } from '../domain/trajectory';

export const AccreditationMark = z.enum(['noloc', 'nrto', 'cmi', 'blik-op-werk', 'cedeo', 'oval']);
export type AccreditationMark = z.infer<typeof AccreditationMark>;

/** Dutch postcode as displayed: "1234 AB"; the first digit is never 0 and SA, SD and SS were never issued. */
export const DisplayPostcode = z.string().regex(/^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$/, 'expected a postcode such as "3511 AB"');

export const Address = z.strictObject({
  street: z.string().min(1),
  postcode: DisplayPostcode,
  city: z.string().min(1),
});

export const RegionSchema = z.strictObject({
  slug: Slug,
  name: z.string().min(1),
  /** Other spellings seen in sources (e.g. "IJsselvechtstreek"), so search finds them. */
  aliases: z.array(z.string().min(1)).default([]),
});

export const ProviderSchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  regions: z.array(Slug).min(1),
  services: z.array(Trajectory).min(1),
  marks: z.array(AccreditationMark).min(1),
  kind: z.enum(['private', 'uwv', 'municipality', 'education', 'social-partner']),
  description: LocalizedText,
  address: Address,
  phone: z.string().regex(/^[0-9 +-]{8,20}$/).optional(),
  openingHours: LocalizedText,
  /** BCP 47 codes of the languages spoken with visitors. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
});

export const TopicSchema = z.strictObject({
  id: Slug,
  title: LocalizedText,
  /** Name of a pictogram the renderer ships; always shown together with the title. */
  icon: z.string().regex(/^[a-z-]+$/),
  order: z.number().int(),
});

/** The kinds of partner service the shop refers visitors to. */
export const PartnerKind = z.enum(['uwv', 'werkplein', 'taalhuis', 'schuldhulp', 'leerwerkloket', 'juridisch-loket']);
export type PartnerKind = z.infer<typeof PartnerKind>;

/** Plain text in short paragraphs separated by a blank line; no markup, so nothing can inject HTML. */
export const PageSchema = z.strictObject({
  id: Slug,
  topic: Slug,
  title: LocalizedText,
  summary: LocalizedText,
  body: LocalizedText,
  /** Region slugs when the page is regional; absent for national pages. */
  regions: z.array(Slug).optional(),
  /** The partner services the page points to under "who else can help" (the region's own, on the kiosk). */
  referTo: z.array(PartnerKind).min(1).max(3).optional(),
});

export const SchemeSchema = z.strictObject({
  id: Slug,
  name: LocalizedText,
  summary: LocalizedText,
  body: LocalizedText,
  who: LocalizedText,
  amount: LocalizedText.optional(),
  /** Ended schemes are shown as examples or history, never as something to apply for. */
  status: z.enum(['open', 'ended']),
  period: z.string().min(1),
  source: z.string().min(1),
});

export const OccupationTrend = z.strictObject({
  occupation: LocalizedText,
  /** Expected change in jobs over the period, in percent (negative for shrinking). */
  changePercent: z.number().min(-100).max(1000),
  /** The occupation in the pack's catalogue this figure is about, so the self-scan can mark a growing one. */
  occupationId: Slug.optional(),
});

export const LabourMarketSchema = z.strictObject({
  region: Slug,
  source: z.string().min(1),
  date: z.iso.date(),
  /** True for the invented sample figures: the UI must say so. */
  sample: z.boolean(),
  growing: z.array(OccupationTrend).min(1),
  shrinking: z.array(OccupationTrend).min(1),
});

/** A local wall-clock time "HH:MM" (24 hours), read in the location's time zone. */
export const LocalTime = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected a time such as "09:30"');

/** One opening period of a day, e.g. 09:00-12:30; a day may have a lunch break (two periods). */
export const OpeningPeriod = z
  .strictObject({ open: LocalTime, close: LocalTime })
  .refine((p) => p.open < p.close, { message: 'expected the closing time after the opening time', path: ['close'] });
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const Weekday = z.enum(weekdays);
export type Weekday = z.infer<typeof Weekday>;

const dayPeriods = z
  .array(OpeningPeriod)
  .max(3)
  .default([])
  .refine((list) => list.every((p, i) => i === 0 || (list[i - 1] as OpeningPeriod).close <= p.open), 'expected the periods of a day in order, without overlap');

/** When the shop is open, per weekday; a weekday left out (or an empty list) is closed. */
export const OpeningTimes = z.strictObject(Object.fromEntries(weekdays.map((d) => [d, dayPeriods])) as Record<Weekday, typeof dayPeriods>);
export type OpeningTimes = z.infer<typeof OpeningTimes>;

/** A day every shop of the pack is closed, e.g. a public holiday ("Koningsdag"). */
export const ClosingDay = z.strictObject({ date: z.iso.date(), name: LocalizedText });
export type ClosingDay = z.infer<typeof ClosingDay>;

export const LocationSchema = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  region: Slug,
  address: Address,
  /** The opening hours in words, as the information screens show them. */
  openingHours: LocalizedText,
  phone: z.string().regex(/^[0-9 +-]{8,20}$/).optional(),
  /**
   * A staffed shop (a desk, a counter with its hub and agenda) or an outpost: a kiosk in a library
   * or community centre with nobody on duty, which books at the shops in `bookAt`.
   */
  kind: z.enum(['shop', 'outpost']).default('shop'),
  /** The same hours as data, for appointments; a shop without them takes no appointments. */
  openingTimes: OpeningTimes.optional(),
  /** This shop's own closing days on top of the pack's (a staff training day, a move). */
  closedOn: z.array(z.iso.date()).default([]),
  /** An outpost's staffed shops, nearest first; absent: every shop of its region, in pack order. */
  bookAt: z.array(Slug).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/** What a visitor can book a conversation about, and how long one takes. */
export const AppointmentTopicSchema = z.strictObject({
  id: Slug,
  title: LocalizedText,
  /** The length of one appointment, which is also the step between the slots offered. */
  slotMinutes: z.number().int().min(10).max(120).refine((m) => m % 5 === 0, 'expected a multiple of 5 minutes'),
  /** Printed on the slip: what the visitor brings (an ID, a CV). */
  whatToBring: LocalizedText,
  order: z.number().int(),
});
export type AppointmentTopic = z.infer<typeof AppointmentTopicSchema>;

/** A group session (an information evening, a workshop) held by one shop, whose agenda holds its seats. */
export const GroupSessionSchema = z.strictObject({
  id: Slug,
  title: LocalizedText,
  description: LocalizedText,
  /** The shop whose agenda holds the seats. */
  location: Slug,
  /** Shown on the kiosks of the whole region (outposts too), not only at the shop itself. */
  audience: z.enum(['location', 'region']).default('location'),
  date: z.iso.date(),
  /** Local time at the shop. */
  time: LocalTime,
  minutes: z.number().int().min(15).max(480),
  /** Where in or near the shop, e.g. "Zaal 2, eerste verdieping". */
  place: z.string().min(1).max(120),
  /** The language the session is held in. */
  language: z.string().regex(/^[a-z]{2,3}$/),
  capacity: z.number().int().min(1).max(500),
  /** A cancelled session stays in the pack so kiosks and the desk can say it was cancelled. */
  cancelled: z.boolean().default(false),
});
export type GroupSession = z.infer<typeof GroupSessionSchema>;

/** One statement of the career self-scan: answered yes / a bit / no, it counts towards one interest area. */
export const SelfScanStatementSchema = z.strictObject({
  id: Slug,
  area: InterestArea,
  text: LocalizedText,
  /** Name of a pictogram the renderer ships; always shown together with the text. */
  pictogram: z.string().regex(/^[a-z-]+$/),
});

/** The typical level of training an occupation asks for, in the Dutch system. */
export const TrainingLevel = z.enum(['none', 'mbo-1-2', 'mbo-2-4', 'hbo', 'wo']);

/** An occupation the self-scan can suggest to explore; the region's labour-market figures link to it by id. */
export const OccupationSchema = z.strictObject({
  id: Slug,
  name: LocalizedText,
  /** One to three interest areas, the strongest first. */
  interests: z.array(InterestArea).min(1).max(3),
  trainingLevel: TrainingLevel,
});

/**
 * A wave of invitation letters. The letter carries a campaign code, never a person: either one of
 * a list of codes, or a prefix followed by a fixed number of letters and digits.
 */
export const InvitationCampaignSchema = z.strictObject({
  id: Slug,
  codes: z.union([
    z.strictObject({ list: z.array(z.string().regex(/^[A-Z0-9-]{4,40}$/)).min(1) }),
    z.strictObject({ prefix: z.string().regex(/^[A-Z0-9-]{2,30}$/), length: z.number().int().min(4).max(12) }),
  ]),
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  regions: z.array(Slug).min(1),
  /** The trajectories the letter invites to, offered first on the welcome screen. */
  paths: z.array(Trajectory).min(1),
  /** Eligibility answers the letter already gives (everyone invited lives in the Netherlands): those questions are skipped. */
  preAnswers: AnswersSchema.default({}),
  welcome: LocalizedText,
});
export type InvitationCampaign = z.infer<typeof InvitationCampaignSchema>;


/** A service outside the shop that helps with what the shop does not: a referral slip names it. */
export const PartnerSchema = z.strictObject({
  id: Slug,
  kind: PartnerKind,
  name: z.string().min(1),
  regions: z.array(Slug).min(1),
  helpsWith: LocalizedText,
  address: Address,
  openingHours: LocalizedText,
  phone: z.string().regex(/^[0-9 +-]{8,20}$/).optional(),
  bring: LocalizedText,
  appointmentNeeded: z.boolean(),
  /** True for invented sample data: the kiosk and the slip say so. */
  sample: z.boolean(),
});

export const PackScope = z.union([z.literal('national'), z.string().regex(/^region:[a-z0-9-]+$/)]);

export const ContentPackSchema = z.strictObject({
  format: z.literal(1),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+(?:-[a-z0-9.]+)?$/, 'expected a version such as "2026.11.0"'),
  createdAt: z.iso.datetime(),
  scope: PackScope,
  topics: z.array(TopicSchema).min(1),
  pages: z.array(PageSchema),
  regions: z.array(RegionSchema),
  providers: z.array(ProviderSchema),
  schemes: z.array(SchemeSchema),
  labourMarket: z.array(LabourMarketSchema),
  locations: z.array(LocationSchema),
  eligibility: EligibilityRuleSetSchema,
  /** Days every shop is closed (public holidays); an older pack without them has none. */
  closingDays: z.array(ClosingDay).default([]),
  appointmentTopics: z.array(AppointmentTopicSchema).default([]),
  sessions: z.array(GroupSessionSchema).default([]),
  /** The career self-scan's statements; a pack without them (older packs) offers no scan. */
  selfScan: z.array(SelfScanStatementSchema).default([]),
  occupations: z.array(OccupationSchema).default([]),
  /** Invitation-letter campaigns; a pack without them accepts no letters. */
  campaigns: z.array(InvitationCampaignSchema).default([]),
  /** Partner services per region for "who else can help" and referral slips. */
  partners: z.array(PartnerSchema).default([]),
});
export type ContentPack = z.infer<typeof ContentPackSchema>;
export type ContentPackInput = z.input<typeof ContentPackSchema>;
