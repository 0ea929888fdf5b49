import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2EState, person } from './server-process';

/** Screenshots for people to look at (and CI to keep as artifacts); git-ignored, never committed. */
export const SCREENSHOTS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'artifacts',
  'screenshots',
);
/** A tray popover's size, the companion's home. */
export const POPOVER = { width: 400, height: 600 } as const;

export const suiteServer = (): E2EState => E2EState.parse(JSON.parse(process.env.SIDEKICK_E2E ?? 'null'));

/** The suite server's clock now: its injected --now (a fixed Wednesday morning), run on in real time. */
export function serverNow(clock: readonly [number, number] = suiteServer().clock): number {
  return clock[0] + (Date.now() - clock[1]);
}

/**
 * A browser context whose clock agrees with the server's: it starts at the server's time and then runs on
 * naturally (timers fire as usual), so "3 days left" and "2 h ago" read the same whatever day the suite runs.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  clock?: readonly [number, number],
) {
  const context = await browser.newContext({ viewport: POPOVER, ...options });
  await context.clock.install({ time: serverNow(clock) });
  return context;
}

/** Opens the companion served by `url` in a fresh context and signs in with the person's token. */
export async function signIn(
  browser: Browser,
  url: string,
  token: string,
  options: BrowserContextOptions = {},
  clock?: readonly [number, number],
): Promise<Page> {
  const context = await newContext(browser, options, clock);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await expect(page.getByLabel('Server address')).toHaveValue(url);
  // A pairing code is offered first; these tests hold tokens, the alternative.
  await page.getByRole('button', { name: 'I have a token instead' }).click();
  await page.getByLabel('Token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return page;
}

export async function shot(page: Page, name: string) {
  // Let entrance animations settle, so the picture shows what a person sees after a moment.
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Opens a view from the navigation: a tab in the bar, or an item of its "More" menu when the bar is narrow.
 */
export async function openView(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Views' });
  const tab = nav.getByRole('button', { name: new RegExp(`^${name}`) });
  if ((await tab.count()) > 0) await tab.first().click();
  else {
    await nav.getByRole('button', { name: /^More/ }).click();
    await nav.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  }
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', new RegExp(`^${name}$`, 'i'));
}

/** POSTs JSON to the server with a bearer token; returns the parsed body, failing the test on a non-2xx. */
export async function postJson(url: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

export async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** No serious or critical axe violations on a view; the report names each one when it fails. */
export async function expectAccessible(page: Page, view: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${view}: ${v.id} — ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

export { base as test, expect, person };
