/**
 * The server side of a lesson against the real thing: the stock jitsi-meet web root
 * (../shared/jitsi-meet-web: jitsi-meet abf901a4 with lib-jitsi-meet cf3a8710, unmodified) in Debian's
 * Chromium, Debian's Prosody with mod_school_policy, and the Jicofo model — one config.js for
 * everybody (this repository's, with the guest domain). So lib-jitsi-meet's own conference requests,
 * log-in (`authenticateAndUpgradeRole`), password prompt and reload run against our server module.
 * The stock page has no school-policy module: what is checked here is what the server guarantees.
 */
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../tools/browser/chromium';
import { screenshotPath } from '../../tools/browser/screenshots';
import { startLocalDeployment, type LocalDeployment } from '../../tools/jitsi-web/localDeployment';
import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    logInAsHost,
    openPrejoin,
    untilState,
} from '../../tools/jitsi-web/meetingPage';
import { DOMAINS, TEACHERS } from '../../tools/prosody/harness';

import { deploymentPerson, requireStockWebRoot } from './stockWebRoot';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const TIMEOUT = 30000;
const GRACE_SECONDS = 3;

let deployment: LocalDeployment;
let browser: Browser;
/** Every request to a host other than the deployment's. */
const foreign = new Set<string>();

jest.setTimeout(180000);

function person(): Promise<Page> {
    return deploymentPerson(browser, deployment, foreign);
}

/** The local participant's role in jitsi-meet's own state. */
const localRole = (page: Page) => fromStore<string>(page, "state['features/base/participants'].local?.role");

beforeAll(async () => {
    const WEB_ROOT = requireStockWebRoot();

    deployment = await startLocalDeployment({
        root: WEB_ROOT,
        libs: [join(WEB_ROOT, 'libs')],
        graceSeconds: GRACE_SECONDS,
    });
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
    const errors = deployment?.prosody.errors() ?? [];

    await browser?.close();
    await deployment?.stop();
    expect(errors).toEqual([]);
});

describe('a lesson on the stock jitsi-meet, held by the server', () => {
    const room = `mathe-7b-${Date.now().toString(36)}`;
    let teacher: Page;
    let student: Page;

    it('lets a student who comes first wait in jitsi-meet’s own “waiting for the host” dialog', async () => {
        student = await person();
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student, 'Mutige Eule');
        await student.getByText('Warten auf den Beginn der Konferenz').first().waitFor({ timeout: TIMEOUT });
        expect(deployment.jicofo.rooms()).toEqual([]);
    });

    it('has jitsi-meet’s own invitation text address the class with the notice of the terms of use', async () => {
        // config.js's dynamicBrandingUrl: jitsi-meet merges the school's texts over its own; its
        // invitation (invite/functions.ts getInviteText) is made of these keys.
        const invitation = `(() => {
            const t = (key, options) => window.APP.translation.generateTranslationHTML(key, options);
            return t('info.inviteURLFirstPartGeneral') + t('info.inviteURLSecondPart', { url: 'https://schule.example/r' });
        })()`;

        await student.waitForFunction(`${invitation}.includes('ausgedachten Namen')`, undefined, { timeout: TIMEOUT });
        const text = await student.evaluate<string>(invitation);

        expect(text).toContain('Du bist zum Online-Unterricht eingeladen.');
        expect(text).toContain('https://schule.example/r');
        expect(text).toContain('Kamera und Mikrofon können ausgeschaltet bleiben.');
        expect(text).toContain('niemand mithört');
        // Signed by the media centre (config.js schoolPolicy, through the branding files).
        expect(text).toContain(
            'Kreismedienzentrum Musterkreis\nNutzungsordnung: https://medienzentrum.example.org/jitsi/nutzungsordnung',
        );
        expect(text).not.toContain(PASSWORD);
    });

    it('lets the teacher open the room through jitsi-meet’s own log-in dialog, from the guest domain', async () => {
        teacher = await person();
        await openPrejoin(teacher, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(teacher, 'Frau Müller');
        await logInAsHost(teacher, 'frau-mueller', TEACHERS['frau-mueller'], TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].local?.role === 'moderator'", TIMEOUT);
        await deployment.prosody.waitForLog(
            new RegExp(`the focus vouched for \\S+@${DOMAINS.guests.replace(/\./g, '\\.')}/\\S+ as frau-mueller@`),
        );
    });

    it('refuses the waiting student, who retries by herself, as long as no password is set', async () => {
        // jitsi-meet's waiting dialog asks Jicofo again every few seconds; now the room exists, and
        // the join itself is refused by mod_school_policy.
        await deployment.prosody.waitForLog(
            new RegExp(`refused \\S+ in ${room}@\\S+: no password set \\(open room\\)`),
            TIMEOUT,
        );
        expect(await fromStore<boolean>(student, "Boolean(state['features/base/conference'].conference)")).toBe(false);
    });

    it('lets the student in with the password once the teacher has locked the room, never as moderator', async () => {
        // What jitsi-meet's security dialog calls: lib-jitsi-meet's JitsiConference.lock.
        await teacher.evaluate(
            `window.APP.store.getState()['features/base/conference'].conference.lock(${JSON.stringify(PASSWORD)})`,
        );
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student);
        await answerPasswordPrompt(student, PASSWORD, TIMEOUT);
        await untilState(student, "Boolean(state['features/base/conference'].conference)", TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].remote.size >= 1", TIMEOUT);
        expect(await localRole(student)).not.toBe('moderator');
    });

    it('shows the media centre’s logo instead of Jitsi’s, leading to its website, through the branding file alone', async () => {
        // A stock jitsi-meet shows what dynamic branding carries (Watermarks.tsx): the rest of the
        // media centre in the meeting (rules, "Missbrauch melden") needs the module.
        const logo = student.locator('a.leftwatermark, div.leftwatermark').first();

        await logo.waitFor({ timeout: TIMEOUT });
        const seen = await logo.evaluate(element => ({
            link: element.closest('a')?.getAttribute('href'),
            image: getComputedStyle(element.querySelector('.leftwatermark') ?? element).backgroundImage,
        }));

        expect(seen.link).toBe('https://medienzentrum.example.org/');
        expect(seen.image).toContain('/libs/school-policy/logo.svg');
        await student.mouse.move(400, 300);
        await student.screenshot({ path: screenshotPath('stock-student-meeting') });
    });

    it('takes the teacher back after a reload with the session her browser kept, as moderator again', async () => {
        await openPrejoin(teacher, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(teacher);
        // No log-in dialog this time: lib-jitsi-meet sends the stored session id; the room password
        // is asked for, as Prosody checks it for everyone.
        await answerPasswordPrompt(teacher, PASSWORD, TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].local?.role === 'moderator'", TIMEOUT);
        expect(await fromStore<boolean>(student, "Boolean(state['features/base/conference'].conference)")).toBe(true);
    });

    it('closes the room when the teacher leaves for good: the student is out after the grace period', async () => {
        await teacher.context().close();
        // A page closed by the browser may not get its unload beacon out, so Prosody may notice it
        // only when the BOSH session times out (bosh_max_inactivity, 15 s); the reload above may have
        // left one more such session.
        await deployment.prosody.waitForLog(
            new RegExp(`closed ${room}@\\S+: no teacher for ${GRACE_SECONDS} s`),
            3 * TIMEOUT,
        );
        await untilState(student, "!state['features/base/conference'].conference", TIMEOUT);
    });

    it('sent no request to any other host', () => {
        expect([...foreign]).toEqual([]);
    });
});
