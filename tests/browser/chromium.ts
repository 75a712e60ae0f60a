/**
 * Debian's Chromium driven by playwright-core, for the browser tests. No browser is downloaded: the tests use the
 * system's `chromium` (apt-get install -y chromium), and fail, never skip, when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../helpers/tmp';

export const CHROMIUM = process.env.CABINET_MERGE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep the browser from any network traffic of its own, so every request seen is the page's. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser with its own empty profile (playwright passes the folder as --user-data-dir). */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: apt-get update && apt-get install -y chromium ` +
        '(or set CABINET_MERGE_CHROMIUM to another Chromium binary).',
    );
  }
  return chromium.launchPersistentContext(tempDir('cabinet-merge-chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}
