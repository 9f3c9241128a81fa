const pattern = /^(\d{4})\.(\d{1,2})\.(\d+)(?:-([a-z0-9.]+))?$/;

/**
 * Orders pack versions ("2026.11.0", "2026.11.0-sample") like semver: numbers first, and a
 * version with a suffix comes before the same version without one.
 */
export function compareVersions(a: string, b: string): number {
  const pa = pattern.exec(a);
  const pb = pattern.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  for (let i = 1; i <= 3; i++) {
    const diff = Number(pa[i]) - Number(pb[i]);
    if (diff !== 0) return Math.sign(diff);
  }
  const sa = pa[4];
  const sb = pb[4];
  if (sa === sb) return 0;
  if (sa === undefined) return 1;
  if (sb === undefined) return -1;
  return sa < sb ? -1 : 1;
}
