/**
 * Opens a deployment's meeting page in Debian's Chromium the way a curious student would (a fresh
 * room, the URL hash asking for recording, camera and microphone on, and the hang-up gate off) and
 * gathers what `checks.ts` judges. Requests to any host but the deployment's are blocked and noted;
 * nothing is joined: jitsi-meet's prejoin screen is enough to see the store and its config.
 */
import type { Browser } from 'playwright-core';

import { PLUGIN_SCRIPT } from '../plugin/pluginFiles';

import type { PageObservation } from './checks';

/** How long jitsi-meet may take to create its store and apply its config. */
export const STORE_WAIT_MS = 30000;

/** The overrides a student could put in a meeting link (each should end up undone). */
export const HOSTILE_HASH = [
    ['config.localRecording.disable', 'false'],
    ['config.recordingService.enabled', 'true'],
    ['config.liveStreaming.enabled', 'true'],
    ['config.transcription.enabled', 'true'],
    ['config.startWithAudioMuted', 'false'],
    ['config.startWithVideoMuted', 'false'],
    ['config.buttonsWithNotifyClick', '[]'],
    ['config.toolbarButtons', '["recording","livestreaming","hangup"]'],
]
    .map(([key, value]) => `${key}=${encodeURIComponent(value ?? '')}`)
    .join('&');

/** The page's address for a fresh room with the hostile hash. */
export function meetingUrl(origin: string): string {
    return `${origin}/verify-${Date.now().toString(36)}#${HOSTILE_HASH}`;
}

/**
 * In the page: the store's config as JSON and whether the policy's state is in it, or null while
 * jitsi-meet has no store or no config yet (its config arrives with SET_CONFIG).
 */
function storeSnapshot(): PageObservation['store'] {
    const app = (window as unknown as { APP?: { store?: { getState(): Record<string, unknown> } } }).APP;
    const state = app?.store?.getState();
    const config = state?.['features/base/config'] as Record<string, unknown> | undefined;

    if (!state || !config || Object.keys(config).length === 0) {
        return null;
    }

    return {
        config: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
        hasPolicyState: state['features/school-policy'] !== undefined,
    };
}

/**
 * Loads the meeting page and observes it.
 *
 * @param browser - Chromium.
 * @param origin - The deployment's origin (scheme, host and port).
 * @param waitMs - How long to wait for jitsi-meet's store.
 * @throws When the page cannot be loaded at all (the message says why).
 */
export async function observeMeetingPage(
    browser: Browser,
    origin: string,
    waitMs: number = STORE_WAIT_MS,
): Promise<PageObservation> {
    const context = await browser.newContext();
    const foreign = new Set<string>();
    let pluginScriptStatus: number | null = null;
    const pluginPath = `/${PLUGIN_SCRIPT}`;

    try {
        await context.route(
            url => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
            route => {
                foreign.add(new URL(route.request().url()).host);

                return route.abort('blockedbyclient');
            },
        );
        await context.routeWebSocket(
            url => url.host !== new URL(origin).host,
            ws => {
                foreign.add(new URL(ws.url()).host);

                return ws.close();
            },
        );
        const page = await context.newPage();

        page.on('response', response => {
            const url = new URL(response.url());

            if (url.origin === origin && url.pathname === pluginPath) {
                pluginScriptStatus = response.status();
            }
        });
        const answer = await page.goto(meetingUrl(origin), { waitUntil: 'domcontentloaded', timeout: waitMs });

        if (!answer || !answer.ok()) {
            throw new Error(`HTTP ${answer?.status() ?? '—'}`);
        }
        // Polled until jitsi-meet has its config; null when it never gets there in time.
        const store = await page.waitForFunction(storeSnapshot, undefined, { timeout: waitMs, polling: 200 }).then(
            async handle => await handle.jsonValue(),
            () => null,
        );
        // The drop-in's cover says why in a last paragraph per language (dropin/failClosed.ts).
        const inactiveCover = await page.evaluate(() => {
            const cover = document.getElementById('school-policy-inactive');

            return cover
                ? Object.fromEntries(
                      [...cover.querySelectorAll('section')].map(section => [
                          section.lang,
                          section.lastElementChild?.textContent ?? '',
                      ]),
                  )
                : null;
        });

        return {
            pluginScriptStatus,
            store,
            inactiveCover,
            foreignHosts: [...foreign],
            waitedSeconds: Math.round(waitMs / 1000),
        };
    } finally {
        await context.close();
    }
}
