/**
 * The drop-in on the real thing: the stock jitsi-meet web root (../shared/jitsi-meet-web, jitsi-meet
 * abf901a4, unmodified) with our plugin.head.html and script in front of it, Debian's Prosody with
 * mod_school_policy and the Jicofo model, one config.js for everybody, in Debian's Chromium. And the
 * same web root with a jitsi-meet that does not create its store through the hook: the page is
 * blocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../tools/browser/chromium';
import { startLocalDeployment, type LocalDeployment } from '../../tools/jitsi-web/localDeployment';
import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    logInAsHost,
    openPrejoin,
    untilState,
} from '../../tools/jitsi-web/meetingPage';
import { runJourney, stepsFor } from '../../tools/fork/verify/journey';
import { writePlugin } from '../../tools/plugin/buildPlugin';
import { TEACHERS } from '../../tools/prosody/harness';

import { seriousViolations } from './harness';
import { deploymentPerson, requireStockWebRoot } from './stockWebRoot';

let WEB_ROOT: string;
const PASSWORD = 'Igel-Kerze-Hafen-40817';
const TIMEOUT = 30000;

let pluginDir: string;
/** The plugin.head.html the build wrote. */
let pluginHead: string;
let browser: Browser;
const deployments: LocalDeployment[] = [];
/** Every request to a host other than a deployment's. */
const foreign = new Set<string>();

jest.setTimeout(180000);

async function deploy(pluginHead: string): Promise<LocalDeployment> {
    const deployment = await startLocalDeployment({
        root: WEB_ROOT,
        libs: [join(pluginDir, 'libs'), join(WEB_ROOT, 'libs')],
        pluginHead,
    });

    deployments.push(deployment);

    return deployment;
}

function person(deployment: LocalDeployment): Promise<Page> {
    return deploymentPerson(browser, deployment, foreign);
}

beforeAll(async () => {
    WEB_ROOT = requireStockWebRoot();
    ({ dir: pluginDir, head: pluginHead } = await writePlugin(mkdtempSync(join(tmpdir(), 'school-policy-plugin-'))));
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
    const errors = deployments.flatMap(deployment => deployment.prosody.errors());

    await browser?.close();
    await Promise.all(deployments.map(deployment => deployment.stop()));
    rmSync(pluginDir, { recursive: true, force: true });
    expect(errors).toEqual([]);
});

describe('the drop-in in a stock jitsi-meet', () => {
    const room = `mathe-7b-${Date.now().toString(36)}`;
    let deployment: LocalDeployment;
    let teacher: Page;
    let student: Page;
    /** The refused student's page loads again when the drop-in's countdown ends. */
    let studentReloaded: Promise<unknown>;

    beforeAll(async () => {
        deployment = await deploy(pluginHead);
    });

    it('keeps the hardened config against a hostile URL, and suggests a pseudonym with camera and microphone off', async () => {
        teacher = await person(deployment);
        await openPrejoin(
            teacher,
            `${deployment.origin}/${room}#config.localRecording.disable=false&config.buttonsWithNotifyClick=[]` +
                '&config.startWithVideoMuted=false&config.startWithAudioMuted=false',
            TIMEOUT,
        );
        const config = "state['features/base/config']";

        expect(await fromStore<boolean>(teacher, `${config}.localRecording.disable`)).toBe(true);
        expect(await fromStore<unknown[]>(teacher, `${config}.buttonsWithNotifyClick`)).toEqual(
            expect.arrayContaining(['hangup', 'hangup-menu', 'end-meeting']),
        );
        expect(await fromStore<boolean>(teacher, `${config}.startWithVideoMuted`)).toBe(true);
        expect(await fromStore<boolean>(teacher, `${config}.startWithAudioMuted`)).toBe(true);
        expect(await fromStore<string>(teacher, "state['features/base/settings'].displayName")).toMatch(/\S/);
    });

    it('asks the teacher, once moderator, for a password it cannot skip, refuses a student meanwhile, and locks the room', async () => {
        await joinFromPrejoin(teacher, 'Frau Müller');
        await logInAsHost(teacher, 'frau-mueller', TEACHERS['frau-mueller'], TIMEOUT);
        const dialog = teacher.getByRole('dialog', { name: 'Passwort festlegen' });

        await dialog.waitFor({ timeout: TIMEOUT });
        expect(await seriousViolations(teacher, '#school-policy-root')).toEqual([]);
        await teacher.keyboard.press('Escape');
        expect(await dialog.isVisible()).toBe(true);

        // A student who comes now, before the password, is refused by mod_school_policy and told
        // so, with the seconds until the drop-in tries again (jitsi-meet's own notification).
        student = await person(deployment);
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student, 'Mutige Eule');
        await student
            .getByText(/Die Lehrkraft hat den Raum noch nicht geöffnet\. Neuer Versuch in \d+ Sekunden\./)
            .first()
            .waitFor({ timeout: TIMEOUT });
        expect(await fromStore<boolean>(student, "Boolean(state['features/base/conference'].conference)")).toBe(false);
        studentReloaded = student.waitForEvent('load', { timeout: 3 * TIMEOUT });

        await dialog.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
        await dialog.getByRole('button', { name: 'Passwort setzen' }).click();
        await untilState(teacher, "state['features/base/conference'].locked === 'LOCKED_LOCALLY'", TIMEOUT);
        expect(await dialog.count()).toBe(0);
    });

    it('lets the refused student in once the room is locked: the drop-in tries again, she gives the password', async () => {
        // The countdown ends with jitsi-meet's reload (the drop-in's rejoin): the prejoin screen again.
        await studentReloaded;
        await joinFromPrejoin(student);
        await answerPasswordPrompt(student, PASSWORD, TIMEOUT);
        await untilState(student, "Boolean(state['features/base/conference'].conference)", TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].remote.size >= 1", TIMEOUT);
    });

    it('takes the teacher back after a reload: jitsi-meet’s password prompt, moderator again, no second password dialog', async () => {
        await openPrejoin(teacher, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(teacher);
        await answerPasswordPrompt(teacher, PASSWORD, TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].local?.role === 'moderator'", TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].remote.size >= 1", TIMEOUT);
        // The policy knows the room is locked (the prompt's password): it does not ask again.
        await untilState(teacher, "state['features/school-policy']?.lock.kind === 'locked'", TIMEOUT);
        expect(await teacher.getByRole('dialog', { name: 'Passwort festlegen' }).count()).toBe(0);
        // The page before the reload stays in the room until Prosody notices it is gone (its unload
        // beacon ends the BOSH session, or BOSH inactivity does).
        await untilState(teacher, "state['features/base/participants'].remote.size === 1", 3 * TIMEOUT);
    });

    it('offers the teacher nothing to record, stream or transcribe in jitsi-meet’s toolbar and its menu', async () => {
        await teacher.locator('#videoconference_page').hover();
        await teacher.getByRole('button', { name: 'Menü „Weitere Einstellungen“ ein-/ausschalten' }).click();
        // jitsi-meet's overflow menu (toolbox/components/web/OverflowMenuButton.tsx), labelled as it says.
        const menu = teacher.locator('#overflow-context-menu[aria-label="Menü „Weitere Einstellungen“"]');

        await menu.waitFor({ timeout: TIMEOUT });
        // Everything a teacher can read or a screen reader says there: texts and accessible labels.
        const offered = await teacher.evaluate(() =>
            [...document.querySelectorAll('.toolbox-content, #overflow-context-menu')].flatMap(element => [
                (element as HTMLElement).innerText,
                ...[...element.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label') ?? ''),
            ]),
        );

        expect(offered.join(' ')).toMatch(/Verlassen|Beenden|verlassen/);
        expect(offered.join(' ')).not.toMatch(/Aufnahme|Aufzeichn|aufzeichn|Livestream|Streaming|Transkri|Untertitel/);
        await teacher.keyboard.press('Escape');
    });

    it('holds the teacher back at jitsi-meet’s hang-up button while the student is inside (leave-last)', async () => {
        // The toolbar shows on pointer movement (as in portalOnJitsiMeet.test.ts).
        await teacher.locator('#videoconference_page').hover();
        await teacher.locator('.hangup-button').first().click({ timeout: TIMEOUT });
        const dialog = teacher.getByRole('dialog', { name: 'Meeting verlassen' });

        await dialog.getByText('Es ist noch 1 Person im Raum.').waitFor({ timeout: TIMEOUT });
        expect(await fromStore<boolean>(teacher, "Boolean(state['features/base/conference'].conference)")).toBe(true);
        expect(await seriousViolations(teacher, '#school-policy-root')).toEqual([]);
        await dialog.getByRole('button', { name: 'Alle entfernen und beenden' }).click();
        await untilState(student, "!state['features/base/conference'].conference", TIMEOUT);
        await untilState(teacher, "!state['features/base/conference'].conference", TIMEOUT);
    });

    it('leaves neither the name nor the teacher’s login on the shared device', async () => {
        // Once the meeting is over for the policy and the connection has closed: lib-jitsi-meet
        // writes the session id while it closes, after the meeting's clean-up.
        await untilState(teacher, "state['features/school-policy'].phase.kind === 'left'", TIMEOUT);
        await untilState(teacher, "!state['features/base/connection'].connection", TIMEOUT);
        const stored = await teacher.evaluate(() => JSON.stringify({ ...localStorage }));

        expect(stored).not.toContain('Frau Müller');
        expect(stored).not.toContain('sessionId');
    });
});

describe('the drop-in when jitsi-meet does not create its store through the hook', () => {
    it('blocks the page with a clear message for teachers and the admin', async () => {
        // A stand-in for a future jitsi-meet that makes its store some other way.
        const deployment = await deploy(
            `${pluginHead}<script>window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ = undefined;</script>\n`,
        );
        const page = await person(deployment);
        const errors: string[] = [];

        page.on('console', message => {
            if (message.type() === 'error') {
                errors.push(message.text());
            }
        });
        await page.goto(`${deployment.origin}/mathe-7b-blocked`);
        const overlay = page.getByRole('alertdialog', { name: 'Die Schulrichtlinie ist nicht aktiv.' });

        await overlay.waitFor({ timeout: TIMEOUT });
        await overlay.getByText('The school policy is not active.').waitFor();
        expect(await overlay.evaluate(element => element === document.activeElement)).toBe(true);
        expect(
            await page.evaluate(() =>
                [...document.body.children].every(
                    child => child.id === 'school-policy-inactive' || (child as HTMLElement).inert,
                ),
            ),
        ).toBe(true);
        expect(errors.join('\n')).toContain('school-policy: not active (hookNotCalled)');
        expect(await seriousViolations(page, '#school-policy-inactive')).toEqual([]);
    });
});

describe('fork:verify’s journey, on the drop-in', () => {
    // The lesson `npm run fork:verify` walks through on a compiled fork build (tools/fork/verify/
    // journey.ts), here on the stock build with the drop-in: the same module code, so the same
    // steps hold, the cases of issue #14 included (mixed URL hashes, the IFrame API's URL, config
    // keys kept, local recording asked for through the store, the password the server keeps).
    it('passes every step', async () => {
        const deployment = await deploy(pluginHead);
        const steps = await runJourney(browser, {
            origin: deployment.origin,
            teacher: { user: 'frau-mueller', password: TEACHERS['frau-mueller'] },
            room: `journey-${Date.now().toString(36)}`,
            timeoutMs: TIMEOUT,
            build: 'dropIn',
        });

        expect(steps.filter(step => !step.ok)).toEqual([]);
        // Every step of the drop-in's journey ran (the first failure would have ended it).
        expect(steps.map(step => step.what)).toEqual(stepsFor('dropIn').map(step => step.what));
    });
});

it('sent no request to any other host', () => {
    expect([...foreign]).toEqual([]);
});
