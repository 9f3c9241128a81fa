import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, componentSchemas, type ComponentName } from '../../../shared/central-api/openapi';
import { repoRoot } from '../../support/paths';

interface Media {
  schema?: { $ref?: string };
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const doc = buildOpenApiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
);
const media = operations.flatMap(({ where, op }) => [
  ...Object.entries(op.requestBody?.content ?? {}).map(([type, m]) => ({ where: `${where} request (${type})`, m })),
  ...Object.entries(op.responses).flatMap(([status, r]) => Object.entries(r.content ?? {}).map(([type, m]) => ({ where: `${where} ${status} (${type})`, m }))),
]);
const componentOf = (m: Media): ComponentName | null => (m.schema?.$ref?.replace('#/components/schemas/', '') as ComponentName | undefined) ?? null;

describe('the central API contract (OpenAPI 3.1)', () => {
  it('is the checked-in shared/central-api/openapi.json, regenerated with npm run openapi', () => {
    const onDisk = JSON.parse(readFileSync(join(repoRoot, 'shared', 'central-api', 'openapi.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('covers enrollment, submission, status, content pack, heartbeat and statistics', () => {
    const ids = operations.map(({ op }) => (op as { operationId?: string }).operationId);
    expect(ids).toEqual(expect.arrayContaining(['enrollDevice', 'submitVoucherRequest', 'getVoucherRequestStatus', 'downloadContentPack', 'sendHeartbeat', 'sendUsageStatistics', 'health']));
  });

  it.each(media.filter(({ m }) => componentOf(m) !== null))('$where has an example its zod schema accepts', ({ m }) => {
    const schema = componentSchemas[componentOf(m) as ComponentName];
    const values = m.examples ? Object.values(m.examples).map((e) => e.value) : [m.example];
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).toBeDefined();
      const parsed = schema.safeParse(value);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('refers only to components that exist, and uses every component', () => {
    const used = new Set(media.map(({ m }) => componentOf(m)).filter((n): n is ComponentName => n !== null));
    expect([...used].sort()).toEqual(Object.keys(componentSchemas).sort());
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(componentSchemas).sort());
  });

  it('marks every creating POST with a required Idempotency-Key and the draft’s 400/409/422 answers', () => {
    for (const path of ['/v1/voucher-requests', '/v1/queue-tickets'] as const) {
      const post = doc.paths[path].post;
      expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]));
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '422']));
    }
  });

  it('documents the optional Idempotency-Key on statistics, with which a resent day counts once', () => {
    const post = doc.paths['/v1/statistics'].post;
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['202', '409', '422']));
  });
});
