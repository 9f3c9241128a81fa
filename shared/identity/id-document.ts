import { z } from 'zod';

/**
 * The documents staff may accept to confirm who a visitor is. Only the type is stored, never the
 * document number: the type is what the check needs, the number would be personal data for nothing.
 */
export const IdDocumentType = z.enum(['passport', 'identity-card', 'driving-licence', 'residence-permit']);
export type IdDocumentType = z.infer<typeof IdDocumentType>;
