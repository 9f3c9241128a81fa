import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../support/paths';

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page with the WCAG 2.2 AA tags (so target size is checked too). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

/** Checks a screen in normal and high-contrast mode, saving a screenshot of each. */
/** Opens a dialog in normal and in high-contrast mode, checks both with axe, and closes it with Escape. */
export async function checkDialog(page: Page, testInfo: TestInfo, name: string, open: () => Promise<void>): Promise<void> {
  for (const mode of ['normal', 'high'] as const) {
    if (mode === 'high') await page.locator('[data-tool="contrast"]').click();
    await open();
    await expect(page.locator('dialog[open]')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${name}${mode === 'high' ? '-high-contrast' : ''}.png`) });
    expect(await axeViolations(page), `axe on ${name} (${mode} contrast)`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
  }
  await page.locator('[data-tool="contrast"]').click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
}

export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  const contrast = page.locator('[data-tool="contrast"]');
  await contrast.click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await page.screenshot({ path: testInfo.outputPath(`${name}-high-contrast.png`) });
  expect(await axeViolations(page), `axe on ${name} (high contrast)`).toEqual([]);
  await contrast.click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
}

export interface LayoutProblem {
  what: string;
  detail: string;
}

/**
 * Every visible control: at least 56 px each way, inside the viewport, text not clipped, and no
 * two controls closer than 8 px (overlap included).
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: Array<{ what: string; detail: string }> = [];
    const inDialog = document.querySelector('dialog[open]');
    const scope: ParentNode = inDialog ?? document;
    const controls = Array.from(scope.querySelectorAll<HTMLElement>('button, input, a[href], [role="button"]')).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const name = (el: HTMLElement): string => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const vw = document.documentElement.clientWidth;
    for (const area of Array.from(document.querySelectorAll<HTMLElement>('.kiosk__main, dialog[open]'))) {
      if (area.scrollWidth > area.clientWidth + 1) problems.push({ what: 'content wider than the screen', detail: `${area.className}: ${area.scrollWidth} > ${area.clientWidth}` });
    }
    // A control scrolled out of a scrolling area is not on screen: compare what is visible.
    const visibleRect = (el: HTMLElement): DOMRect | null => {
      const r = el.getBoundingClientRect();
      let top = r.top;
      let bottom = r.bottom;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowY;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
          const c = p.getBoundingClientRect();
          top = Math.max(top, c.top);
          bottom = Math.min(bottom, c.bottom);
        }
      }
      return bottom - top > 1 ? new DOMRect(r.left, top, r.width, bottom - top) : null;
    };
    const boxes = controls.flatMap((el) => {
      const r = visibleRect(el);
      return r ? [{ el, r }] : [];
    });
    for (const { el } of boxes) {
      const r = el.getBoundingClientRect();
      if (r.width < 56 || r.height < 56) problems.push({ what: 'small target', detail: `${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}` });
      if (r.left < -1 || r.right > vw + 1) problems.push({ what: 'outside viewport', detail: `${name(el)} ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}` });
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push({ what: 'clipped text', detail: name(el) });
    }
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const gapX = Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right);
        const gapY = Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom);
        if (gapX < 7.5 && gapY < 7.5) problems.push({ what: 'controls too close or overlapping', detail: `${name(a.el)} / ${name(b.el)} gap ${Math.round(Math.max(gapX, gapY))}px` });
      }
    });
    return problems;
  });
}

/** The bounding box of an element that must be on screen. */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} has no box: it is not visible`);
  return found;
}

/** Types text by tapping the on-screen keyboard, as a visitor does. */
export async function tapKeys(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('on-screen-keyboard');
  for (const char of text) {
    if (char === ' ') await keyboard.locator('[data-key="space"]').click();
    else if (char !== char.toLowerCase()) {
      await keyboard.locator('[data-key="shift"]').click();
      await keyboard.locator(`[data-key="${char.toLowerCase()}"]`).click();
    } else await keyboard.locator(`[data-key="${char}"]`).first().click();
  }
}

/** The visible text of the screen title. */
export function screenTitle(page: Page) {
  return page.locator('#screen-title');
}

/**
 * A demo kiosk in Utrecht (the sample pack's rules and the central simulator, so a voucher request
 * can start) printing to the given printer; returns the config file for `--config`.
 */
export function demoKioskConfig(name: string, printer: Record<string, unknown>): string {
  const config = join(tempDir(name), 'device.json');
  writeFileSync(
    config,
    JSON.stringify({
      role: 'kiosk',
      demo: true,
      location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht Centrum', address: 'Oudegracht 1, 3511 AB Utrecht' },
      region: 'midden-utrecht',
      printer,
    }),
  );
  return config;
}
