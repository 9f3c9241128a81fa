// npm run openapi: regenerates shared/central-api/openapi.json from the zod schemas and examples.
// The agreement test fails when the checked-in file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../shared/central-api/openapi';

export const openApiFile = 'shared/central-api/openapi.json';
writeFileSync(openApiFile, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${openApiFile}`);
