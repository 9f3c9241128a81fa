import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/central-api/openapi';
import { problemTypes } from '../../shared/central-api/devices';
import { problemSentenceKey, problemSlug } from '../../renderer/src/counter/problem-text';
import { repoRoot } from '../support/paths';

const localesDir = join(repoRoot, 'renderer', 'src', 'i18n', 'locales');
// The desk is used in Dutch or English (tests/unit/renderer-i18n.test.ts keeps its words out of the visitor-only languages).
const locales = ['nl', 'en'];
const lookup = (code: string) => {
  const tree = JSON.parse(readFileSync(join(localesDir, `${code}.json`), 'utf8')) as unknown;
  return (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
};

/** Every problem type the document can answer with: the `type` of each problem+json example, wherever it sits. */
function documentProblemTypes(): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, inProblem: boolean): void => {
    if (Array.isArray(node)) return node.forEach((x) => walk(x, inProblem));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (inProblem && key === 'type' && typeof value === 'string' && value.includes('/problems/')) found.add(value);
      walk(value, inProblem || key === 'application/problem+json');
    }
  };
  walk(buildOpenApiDocument(), false);
  return [...found].sort();
}

describe('every refusal of the central API has a Dutch sentence for the desk', () => {
  const types = [...new Set([...documentProblemTypes(), ...Object.values(problemTypes)])].sort();

  it('finds the problem types in the OpenAPI document', () => {
    // The walk must see the document's refusals, or the test below checks nothing.
    expect(documentProblemTypes()).toEqual(expect.arrayContaining([problemTypes.invalidBody, problemTypes.unavailable, problemTypes.notFound]));
  });

  it.each(locales)('has a sentence with what to do for each type in %s', (code) => {
    const text = lookup(code);
    const missing = types.filter((type) => {
      const key = problemSentenceKey(type, (k) => typeof text(k) === 'string');
      return key === 'counter.problems.unknown';
    });
    expect(missing, `problem types without a desk sentence in ${code}.json (add counter.problems.types.<last path segment>): ${missing.join(', ')}`).toEqual([]);
    for (const type of types) expect(problemSlug(type), type).toMatch(/^[a-z0-9-]+$/);
    expect(typeof text('counter.problems.unknown')).toBe('string');
    expect(typeof text('counter.problems.technical')).toBe('string');
  });

  it('gives an unknown type, or none, the generic sentence', () => {
    const nl = lookup('nl');
    const exists = (k: string) => typeof nl(k) === 'string';
    expect(problemSentenceKey('https://api.loopbaanwinkel.example/problems/something-new', exists)).toBe('counter.problems.unknown');
    expect(problemSentenceKey('about:blank', exists)).toBe('counter.problems.unknown');
    expect(problemSentenceKey(null, exists)).toBe('counter.problems.unknown');
    expect(problemSentenceKey(problemTypes.invalidBody, exists)).toBe('counter.problems.types.invalid-body');
  });
});
