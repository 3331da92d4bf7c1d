/**
 * Debian's Chromium, driven by playwright-core, as the e2e tests and the benchmark use it: headless,
 * a fresh temporary profile per launch, and the flags this workplace needs (no network but
 * loopback, no GPU, running as root). No browser is ever downloaded.
 */
import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    // The local Jitsi deployments serve HTTPS with a throw-away certificate (loopback only).
    '--ignore-certificate-errors',
];

/**
 * Launches Chromium (launch() gives every run a fresh, temporary profile).
 *
 * @param extraArgs - More flags, e.g. a fake camera for a meeting page.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
        throw new Error('Chromium is not installed: run `npm run setup` (it installs Debian’s chromium)');
    }

    return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}
