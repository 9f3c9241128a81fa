import type { InvitationCampaign } from '../content/pack-schema';

export type CodeCheck =
  | { status: 'valid'; campaign: InvitationCampaign }
  | { status: 'malformed' | 'unknown' | 'not-yet-valid' | 'expired' | 'other-region' };

/** The longest code any campaign can have (prefix 30 + 12, or a listed code of 40). */
const maxCodeLength = 42;

/**
 * What the visitor typed, scanned or showed to the camera, as a code: capitals, no spaces; a
 * scanner or QR that carries a link ("https://.../?code=ZW45-AB12CD") gives its last part.
 */
export function normalizeCode(raw: string): string {
  const last = raw.trim().split(/[/=?#]/).at(-1) ?? '';
  return last.replace(/\s+/g, '').toUpperCase();
}

const matches = (campaign: InvitationCampaign, code: string): boolean =>
  'list' in campaign.codes
    ? campaign.codes.list.includes(code)
    : code.length === campaign.codes.prefix.length + campaign.codes.length && code.startsWith(campaign.codes.prefix) && /^[A-Z0-9]+$/.test(code.slice(campaign.codes.prefix.length));

/**
 * Checks an invitation code against the pack's campaigns for this kiosk's region on this day.
 * The order of the answers matters for the visitor: a code that belongs to no campaign is
 * "unknown" even if it looks right; a known code is then checked for its period and its region.
 */
export function checkInvitationCode(campaigns: readonly InvitationCampaign[], raw: string, region: string | null, today: string): CodeCheck {
  const code = normalizeCode(raw);
  if (raw.length > 200 || code.length < 4 || code.length > maxCodeLength || !/^[A-Z0-9-]+$/.test(code)) return { status: 'malformed' };
  const campaign = campaigns.find((c) => matches(c, code));
  if (!campaign) return { status: 'unknown' };
  if (today < campaign.validFrom) return { status: 'not-yet-valid' };
  if (today > campaign.validTo) return { status: 'expired' };
  if (!region || !campaign.regions.includes(region)) return { status: 'other-region' };
  return { status: 'valid', campaign };
}
