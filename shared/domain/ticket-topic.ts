/**
 * A ticket's topic is one of the active content pack's topics, or this one: a conversation about
 * something none of them names ("Iets anders" on the kiosk). The words for it are the kiosk's.
 */
export const otherTicketTopic = 'other';

/** Whether a ticket may carry this topic under a pack with these topic ids. */
export const isTicketTopic = (topic: string, packTopics: readonly string[]): boolean => topic === otherTicketTopic || packTopics.includes(topic);
