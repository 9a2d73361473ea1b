import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { seedPlugins } from '../../src/engine/seed';
import { startTestGateway, TEST_SECRETS, type TestGateway } from '../kit/gateway';
import { describeUnless } from '../kit/skip';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const maybe = describeUnless(
  existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium)`,
);

maybe('schema explorer in headless Chromium', () => {
  let t: TestGateway;
  let browser: Browser;
  const offLoopback: string[] = [];

  beforeAll(async () => {
    t = await startTestGateway({
      kind: 'pglite',
      env: { EXPLORER: 'true' },
      explorerHeaders: { 'X-Storefront-Token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN },
    });
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads offline, runs the default query and shows its result', async () => {
    const page = await browser.newPage();
    // Nothing beyond loopback: the explorer must come entirely from the gateway itself.
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      offLoopback.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await result.getByText('"products"').waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    expect(text).toContain('"nodes"');
    expect(text).toMatch(/"title": "Alpine Jacket 1"/);
    expect(text).not.toContain('"errors"');
    expect(offLoopback).toEqual([]);
  });
});
