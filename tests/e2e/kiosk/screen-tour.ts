import { expect, type Page } from '@playwright/test';
import { tapKeys } from '../kiosk-helpers';

export type TextSize = 'normal' | 'large' | 'largest';

/** Steps the toolbar's text-size button until the page has the size asked for (it cycles normal, large, largest). */
export async function setTextSize(page: Page, size: TextSize): Promise<void> {
  const html = page.locator('html');
  for (let i = 0; i < 3 && (await html.getAttribute('data-text-size')) !== size; i++) await page.locator('[data-tool="text-size"]').click();
  await expect(html).toHaveAttribute('data-text-size', size);
  await page.evaluate(() => document.fonts.ready);
}

async function shown(page: Page, screen: string): Promise<void> {
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible();
  await expect(page.locator('#screen-title')).toBeVisible();
}

async function home(page: Page): Promise<void> {
  await page.locator('[data-tool="home"]').click();
  await shown(page, 'home');
}

/**
 * Walks a Dutch visit through every kind of kiosk screen a demo kiosk has, calling `onScreen` on
 * each with a name for it. The walk only taps what a visitor taps.
 */
export async function tourScreens(page: Page, url: string, onScreen: (name: string) => Promise<void>): Promise<void> {
  await page.goto(url);
  await shown(page, 'welcome');
  await onScreen('welcome');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await shown(page, 'home');
  await onScreen('home');

  await page.getByTestId('home-information').click();
  await shown(page, 'information-menu');
  await onScreen('information-menu');
  await page.locator('button[data-testid^="topic-"]').first().click();
  await shown(page, 'information-topic');
  await onScreen('information-topic');
  await page.locator('button[data-testid^="page-"]').first().click();
  await shown(page, 'information-page');
  await onScreen('information-page');
  await home(page);
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-providers').click();
  await shown(page, 'information-providers');
  await onScreen('information-providers');
  await page.locator('button[data-testid^="provider-"]').first().click();
  await shown(page, 'information-provider');
  await onScreen('information-provider');
  await home(page);
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-schemes').click();
  await shown(page, 'information-schemes');
  await onScreen('information-schemes');
  await page.locator('button[data-testid^="scheme-"]').first().click();
  await shown(page, 'information-scheme');
  await onScreen('information-scheme');
  await home(page);
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-work').click();
  await shown(page, 'information-work');
  await onScreen('information-work');
  await home(page);
  await page.getByTestId('home-information').click();
  await page.getByTestId('info-search').click();
  await shown(page, 'information-search');
  await onScreen('information-search');

  await home(page);
  await page.getByTestId('home-eligibility').click();
  await shown(page, 'eligibility-start');
  await onScreen('eligibility-start');
  await page.getByTestId('eligibility-begin').click();
  await shown(page, 'eligibility-question');
  await page.getByLabel('Dag', { exact: true }).click();
  await onScreen('eligibility-birth-date');
  await tapKeys(page, '1');
  await page.getByLabel('Maand', { exact: true }).click();
  await tapKeys(page, '1');
  await page.getByLabel('Jaar', { exact: true }).click();
  await tapKeys(page, '1986');
  await page.getByRole('button', { name: 'Volgende' }).click();
  for (const [question, yes] of [['livesInNetherlands', true], ['hadVoucher', false], ['openTrajectory', false], ['hasBenefit', false]] as const) {
    await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
    if (question === 'livesInNetherlands') await onScreen('eligibility-question');
    await page.getByRole('button', { name: yes ? 'Ja' : 'Nee', exact: true }).click();
  }
  await shown(page, 'eligibility-result');
  await onScreen('eligibility-result');
  await page.getByTestId('result-request').click();
  await shown(page, 'voucher-trajectory');
  await onScreen('voucher-trajectory');
  await page.locator('button[data-testid^="trajectory-"]').first().click();
  await shown(page, 'voucher-provider');
  await onScreen('voucher-provider');
  await page.getByTestId('provider-later').click();
  await shown(page, 'voucher-contact');
  await page.getByLabel('Je naam').click();
  await onScreen('voucher-contact');

  await home(page);
  await page.getByTestId('home-talk').click();
  await shown(page, 'ticket-topic');
  await onScreen('ticket-topic');
  await page.getByTestId('ticket-topic-work').click();
  await shown(page, 'ticket-number');
  await onScreen('ticket-number');

  await home(page);
  await page.getByTestId('home-appointment').click();
  await shown(page, 'appointment-topic');
  await onScreen('appointment-topic');
  await home(page);
  await page.getByTestId('home-sessions').click();
  await shown(page, 'sessions-list');
  await onScreen('sessions-list');
  await home(page);
  await page.getByTestId('home-checkin').click();
  await shown(page, 'checkin-code');
  await onScreen('checkin-code');
  await home(page);
  await page.getByTestId('home-invitation').click();
  await shown(page, 'invitation-code');
  await onScreen('invitation-code');
  await home(page);
  await page.getByTestId('home-self-scan').click();
  await shown(page, 'self-scan-intro');
  await onScreen('self-scan-intro');
  await page.getByTestId('self-scan-begin').click();
  await shown(page, 'self-scan-statement');
  await onScreen('self-scan-statement');

  await home(page);
  await page.getByTestId('home-talk').click();
  await page.getByTestId('ticket-topic-other').click();
  await shown(page, 'ticket-number');
  await page.getByRole('button', { name: 'Klaar' }).click();
  await shown(page, 'feedback');
  await onScreen('feedback');
}
