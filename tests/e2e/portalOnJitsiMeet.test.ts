/**
 * The portal against the real meeting page: the built portal embeds the stock jitsi-meet web root
 * (../shared/jitsi-meet-web) and the media centre's own build with the school-policy module
 * (`npm run fork:build`), each through its own `external_api.min.js`, served over HTTPS by nginx as a
 * Debian install serves it, with Debian's Prosody, mod_school_policy and the Jicofo model behind
 * it, and one config.js for everybody. So the portal's event handling meets jitsi-meet's real events
 * in their real order, and the module inside the frame meets the portal's commands.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Frame, Page } from 'playwright-core';

import { teacherPledges } from '../../react/features/school-policy';
import { launchChromium } from '../../tools/browser/chromium';
import { startLocalDeployment, type LocalDeployment } from '../../tools/jitsi-web/localDeployment';
import { logInAsHost } from '../../tools/jitsi-web/meetingPage';
import { TEACHERS } from '../../tools/prosody/harness';
import { connectGuest } from '../../tools/prosody/xmppClients';
import { startPortalServer, type PortalServer } from '../../tools/serve/portalServer';

import { seriousViolations, until } from './harness';
import { forkBuildForTests, requireStockWebRoot } from './stockWebRoot';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT = 30000;
const TEACHER_PLEDGES = teacherPledges().map(rule => rule.teacherPledge.de);

jest.setTimeout(180000);

/** The builds the portal embeds: the stock web root, and the fork build where one was made. */
const BUILDS: [string, () => { root: string; libs: string[] }][] = [
    [
        'the stock jitsi-meet',
        () => {
            const root = requireStockWebRoot();

            return { root, libs: [join(root, 'libs')] };
        },
    ],
    ...(process.env.FORK_BUILD === 'absent'
        ? []
        : [
              ['the media centre’s build with the module', forkBuildForTests] as [
                  string,
                  () => { root: string; libs: string[] },
              ],
          ]),
];

describe.each(BUILDS)('the portal embedding %s', (_build, webRoot) => {
    let deployment: LocalDeployment;
    let portal: PortalServer;
    let browser: Browser;
    /** Every request to a host other than the portal and the deployment. */
    const foreign = new Set<string>();

    async function person(): Promise<Page> {
        const context = await browser.newContext({ locale: 'de-DE', permissions: ['camera', 'microphone'] });
        const allowed = new Set([new URL(portal.origin).host, new URL(deployment.origin).host]);

        context.on('request', request => {
            const url = new URL(request.url());

            if (!['data:', 'blob:'].includes(url.protocol) && !allowed.has(url.host)) {
                foreign.add(request.url());
            }
        });

        return context.newPage();
    }

    /** The real meeting page inside the portal, once jitsi-meet's prejoin screen is there. */
    async function meetingFrame(page: Page): Promise<Frame> {
        const frame = await until(
            () => Promise.resolve(page.frames().find(f => f.url().startsWith(deployment.origin))),
            'the meeting frame',
            TIMEOUT,
        );

        await frame.locator('#premeeting-name-input').waitFor({ timeout: TIMEOUT });

        return frame;
    }

    beforeAll(async () => {
        if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
            throw new Error('Needs the built portal (npm run build).');
        }
        deployment = await startLocalDeployment({
            ...webRoot(),
            // The portal runs on another loopback port: it may embed the meeting page.
            frameAncestors: ['http://127.0.0.1:*'],
        });
        portal = await startPortalServer({
            dist: join(ROOT, 'dist'),
            jitsiOrigin: deployment.origin,
            cspJitsiOrigin: deployment.origin,
        });
        browser = await launchChromium([
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            // The deployment's throw-away certificate, on loopback only.
            '--ignore-certificate-errors',
        ]);
    });

    afterAll(async () => {
        const errors = deployment?.prosody.errors() ?? [];
        const webErrors = deployment?.webErrors() ?? '';

        await browser?.close();
        await portal?.close();
        await deployment?.stop();
        expect(errors).toEqual([]);
        expect(webErrors).toBe('');
    });

    describe('a lesson', () => {
        const room = `mathe-7b-${Date.now().toString(36)}-k3x9`;
        let password = '';
        let teacher: Page;
        let student: Page;

        it('teacher: logs in inside the meeting, and the portal locks the room on the server', async () => {
            teacher = await person();
            await teacher.goto(`${portal.origin}/lehrkraft`);
            await teacher.getByLabel('Name des Raums').fill(room);
            password = await teacher.getByLabel('Passwort für dieses Meeting').inputValue();
            for (const pledge of TEACHER_PLEDGES) {
                await teacher.getByLabel(pledge).check();
            }
            await teacher.getByRole('button', { name: 'Meeting starten' }).click();
            const frame = await meetingFrame(teacher);

            await frame.locator('#premeeting-name-input').press('Enter');
            await logInAsHost(frame, 'frau-mueller', TEACHERS['frau-mueller'], TIMEOUT);
            await teacher.getByText('Passwortschutz aktiv').waitFor({ timeout: TIMEOUT });
            // The IFrame API never confirms a lock: ask the server, as a student's client would.
            const probe = await connectGuest(deployment.prosody.service);

            try {
                await until(
                    async () => {
                        const answer = await probe.join(room, 'Probe');

                        return answer.ok === false && answer.condition === 'not-authorized';
                    },
                    'the room to ask for a password on the server',
                    TIMEOUT,
                );
            } finally {
                await probe.stop();
            }
            expect(await seriousViolations(teacher)).toEqual([]);
        });

        it('student: joins with the password and a pseudonym, and is in the meeting', async () => {
            student = await person();
            await student.goto(`${portal.origin}/beitreten?room=${room}`);
            await student.getByLabel('Passwort', { exact: true }).fill(password);
            await student.getByRole('button', { name: 'Zufälliger Name' }).click();
            await student.getByLabel(/keine Aufnahmen/).check();
            await student.getByLabel(/niemand mithört/).check();
            await student.getByRole('button', { name: 'Beitreten' }).click();
            const frame = await meetingFrame(student);

            await frame.locator('#premeeting-name-input').press('Enter');
            // jitsi-meet reports the password request as an error first, then asks: the portal answers.
            await frame.waitForFunction(
                "(() => { try { return Boolean(APP.store.getState()['features/base/conference'].conference); } catch { return false; } })()",
                undefined,
                { timeout: TIMEOUT },
            );
            expect(await student.getByText('Das Passwort stimmt nicht').count()).toBe(0);
            await teacher
                .getByText('1 weitere Teilnehmende')
                .or(teacher.getByText('1 weitere Person'))
                .first()
                .waitFor({
                    timeout: TIMEOUT,
                });
        });

        it('teacher: "stay on the page" at the browser’s leave warning keeps the lesson going', async () => {
            const warning = teacher.waitForEvent('dialog');

            await teacher.close({ runBeforeUnload: true });
            const dialog = await warning;

            expect(dialog.type()).toBe('beforeunload');
            await dialog.dismiss();
            // Still the meeting, and still listening to it: the student leaves with jitsi-meet's own
            // hang-up button (which the portal answers), and the teacher's portal sees it (an ended
            // meeting would show the end page instead). Leaving by the button, not by closing the
            // browser: a closed browser's session lingers on the server until BOSH gives up on it.
            const studentFrame = student.frames().find(f => f.url().startsWith(deployment.origin));

            if (!studentFrame) {
                throw new Error('the student’s meeting frame is gone');
            }

            await studentFrame.locator('#videoconference_page').hover();
            await studentFrame.locator('.hangup-button').first().click({ timeout: TIMEOUT });
            await student.getByText('Das Meeting ist beendet.').waitFor({ timeout: TIMEOUT });
            await teacher.getByText('0 weitere Teilnehmende').waitFor({ timeout: TIMEOUT });
            expect(teacher.isClosed()).toBe(false);
            expect(deployment.prosody.log()).not.toMatch(new RegExp(`last teacher left in ${room}@`));
        });

        it('sent no request to any other host', () => {
            expect([...foreign]).toEqual([]);
        });
    });
});
