/**
 * A refusal of the central API in the desk's words: its problem type (RFC 9457, listed in
 * shared/central-api/openapi.ts) names a sentence under counter.problems.types, keyed by the type's
 * last path segment ("…/problems/invalid-body" -> "invalid-body"). A type without a sentence, or a
 * refusal without a type, gets the generic sentence; the central API's own text is shown folded away.
 */
export const problemSlug = (type: string | null): string | null => (type ? (/\/problems\/([a-z0-9-]+)$/.exec(type)?.[1] ?? null) : null);

export function problemSentenceKey(type: string | null, exists: (key: string) => boolean): string {
  const slug = problemSlug(type);
  const key = slug ? `counter.problems.types.${slug}` : null;
  return key && exists(key) ? key : 'counter.problems.unknown';
}
