import { z } from 'zod';

const Count = z.object({ key: z.string(), count: z.number().int().min(0) });

/** One service day in counts only: no reference, no name, nothing that points at a person. */
export const DailyStats = z.object({
  day: z.iso.date(),
  tickets: z.number().int().min(0),
  ticketsByTopic: z.array(Count),
  ticketOutcomes: z.array(Count),
  requests: z.number().int().min(0),
  requestsByTrajectory: z.array(Count),
  requestsByLanguage: z.array(Count),
  /** "kiosk" or "desk": how many visitors start on their own and how many need staff to start. */
  requestsByOrigin: z.array(Count),
  eligibilityOutcomes: z.array(Count),
  requestOutcomes: z.array(Count),
  /** Appointments made on this day, per topic (wherever they were booked: a kiosk, an outpost, the desk). */
  appointmentsBooked: z.array(Count),
  /** Appointments of this day the visitor came to (checked in, called or served), per topic. */
  appointmentsKept: z.array(Count),
  /** Appointments of this day marked as a no-show, per topic. */
  appointmentsNoShow: z.array(Count),
  /** Group session seats taken on this day, per session. */
  sessionSignUps: z.array(Count),
  /** Visitors who came with an invitation letter, per campaign (never which letter). */
  invitationsByCampaign: z.array(Count),
  /** Answers to "Hoe was je bezoek?" per service and rating, this day and the seven days up to it. */
  feedback: z.array(z.object({ service: z.string(), rating: z.string(), count: z.number().int().min(0) })),
  feedbackWeek: z.array(z.object({ service: z.string(), rating: z.string(), count: z.number().int().min(0) })),
  /** Hours 0-23, Dutch time. */
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), tickets: z.number().int().min(0), requests: z.number().int().min(0) })),
});
export type DailyStats = z.infer<typeof DailyStats>;
