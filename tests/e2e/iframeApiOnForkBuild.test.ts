/**
 * Any page can embed a meeting with jitsi-meet's IFrame API and send it `overwriteConfig`
 * (modules/API/API.js dispatches jitsi-meet's overwriteConfig, which skips the URL's allow-list).
 * The media centre's build re-imposes the hardened config after it: checked here with the build's
 * own `external_api.min.js` on a page of another loopback origin (a school's website), against the
 * built fork served by nginx with Prosody behind it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Browser, Frame, Page } from 'playwright-core';

import { launchChromium } from '../../tools/browser/chromium';
import { startLocalDeployment, type LocalDeployment } from '../../tools/jitsi-web/localDeployment';

import { until } from './harness';
import { forkBuildForTests } from './stockWebRoot';

const TIMEOUT = 30000;

let deployment: LocalDeployment;
let site: Server;
let siteOrigin: string;
let browser: Browser;

jest.setTimeout(120000);

/** A school's page that embeds a meeting with the deployment's own IFrame API client. */
function embeddingPage(jitsiOrigin: string, room: string): string {
    const domain = new URL(jitsiOrigin).host;

    return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Schulseite</title></head>
<body><main id="meeting" style="height: 600px"></main>
<script src="${jitsiOrigin}/external_api.js"></script>
<script>
  window.api = new JitsiMeetExternalAPI(${JSON.stringify(domain)}, {
    roomName: ${JSON.stringify(room)},
    parentNode: document.getElementById('meeting'),
  });
</script></body></html>`;
}

beforeAll(async () => {
    deployment = await startLocalDeployment({ ...forkBuildForTests(), frameAncestors: ['http://127.0.0.1:*'] });
    site = createServer((req, res) => {
        const room = new URL(req.url ?? '/', 'http://localhost').searchParams.get('room') ?? 'raum';

        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(embeddingPage(deployment.origin, room.replace(/[^\w-]/g, '')));
    });
    await new Promise<void>(resolve => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
    const errors = deployment?.prosody.errors() ?? [];
    const webErrors = deployment?.webErrors() ?? '';

    await browser?.close();
    await new Promise(resolve => site?.close(resolve));
    await deployment?.stop();
    expect(errors).toEqual([]);
    expect(webErrors).toBe('');
});

/** jitsi-meet's store inside the frame, read with an expression over `state`. */
function inFrame<T>(frame: Frame, read: string): Promise<T> {
    return frame.evaluate<T>(`(() => { const state = window.APP.store.getState(); return (${read}); })()`);
}

describe('an embedding page’s overwriteConfig on the media centre’s build', () => {
    let page: Page;
    let frame: Frame;

    beforeAll(async () => {
        page = await browser.newPage({ locale: 'de-DE' });
        await page.goto(`${siteOrigin}/?room=iframe-api-${Date.now().toString(36)}`);
        frame = await until(
            () => Promise.resolve(page.frames().find(f => f.url().startsWith(deployment.origin))),
            'the meeting frame',
            TIMEOUT,
        );
        await frame.locator('#premeeting-name-input').waitFor({ timeout: TIMEOUT });
    });

    it('cannot turn recording, streaming or camera and microphone back on', async () => {
        await page.evaluate(() => {
            const { api } = window as unknown as { api: { executeCommand(name: string, value: object): void } };

            api.executeCommand('overwriteConfig', {
                localRecording: { disable: false },
                recordingService: { enabled: true },
                liveStreaming: { enabled: true },
                startWithAudioMuted: false,
                startWithVideoMuted: false,
                buttonsWithNotifyClick: [],
                // Not hardened: shows that the command arrived.
                disableReactions: true,
            });
        });
        await frame.waitForFunction(
            "(() => window.APP.store.getState()['features/base/config'].disableReactions === true)()",
            undefined,
            { timeout: TIMEOUT },
        );
        const config = await inFrame<Record<string, unknown>>(frame, "state['features/base/config']");

        expect(config).toMatchObject({
            localRecording: expect.objectContaining({ disable: true }) as unknown,
            recordingService: expect.objectContaining({ enabled: false }) as unknown,
            liveStreaming: expect.objectContaining({ enabled: false }) as unknown,
            startWithAudioMuted: true,
            startWithVideoMuted: true,
            buttonsWithNotifyClick: expect.arrayContaining(['hangup', 'hangup-menu', 'end-meeting']) as unknown,
        });
        expect(await inFrame<boolean>(frame, "state['features/base/media'].audio.muted === true")).toBe(true);
    });
});
