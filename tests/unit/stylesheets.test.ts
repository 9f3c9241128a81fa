import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const sheets = readdirSync(join(repoRoot, 'renderer', 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
  .map((entry) => join(entry.parentPath, entry.name));

/** Nesting depth after each block, comments and strings left out; never below zero, zero at the end. */
function unclosedBlocks(css: string): number {
  let depth = 0;
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(["'])(?:\\.|(?!\1)[^\\])*\1/g, '""')) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return -1;
  }
  return depth;
}

describe('the style sheets', () => {
  // An unclosed block swallows every rule after it once the sheets are bundled together, and
  // neither Vite nor the minifier complains: a merge once left @media print open and the kiosk lost its styles.
  it.each(sheets.map((file) => [relative(repoRoot, file), file]))('%s closes every block it opens', (_name, file) => {
    expect(unclosedBlocks(readFileSync(file, 'utf8'))).toBe(0);
  });

  it('notices an unclosed block', () => {
    expect(unclosedBlocks('@media print { .a { color: red; }\n.b { color: blue; }')).toBe(1);
    expect(unclosedBlocks('.a { content: "}"; }')).toBe(0);
  });
});
