/**
 * The browser journey of the fork-build verification: a student and a teacher in Chromium on the
 * built jitsi-meet with the school-policy module, against Prosody with mod_school_policy. Each step
 * waits on a condition (bounded) and is reported as passed or failed; the first failure ends it.
 */
import type { Browser, Page } from 'playwright-core';

import {
    answerPasswordPrompt,
    fromStore,
    joinFromPrejoin,
    logInAsHost,
    openPrejoin,
    untilState as until,
} from '../../jitsi-web/meetingPage';

/** One reported step. */
export interface JourneyStep {
    readonly what: string;
    readonly ok: boolean;
    readonly detail?: string;
}

/** Where the two people open the meeting. */
export interface JourneyOptions {
    /** Origin serving the build, with the deployment's one config.js (guest domain set). */
    readonly origin: string;
    readonly teacher: { readonly user: string; readonly password: string };
    readonly room: string;
    readonly timeoutMs?: number;
    /**
     * Which build serves the page (default the fork build). The drop-in tries a refused join again
     * by reloading the page, so the student joins from the prejoin screen once more; the fork build
     * joins again from the prejoin screen it is still on.
     */
    readonly build?: 'fork' | 'dropIn';
}

/** A student's link with overrides that a stock build would obey. */
export const HOSTILE_HASH =
    '#config.localRecording={"disable":false}&config.recordingService={"enabled":true}' +
    '&config.liveStreaming={"enabled":true}&config.startWithAudioMuted=false&config.startWithVideoMuted=false' +
    '&config.buttonsWithNotifyClick=[]';

/**
 * Links that mix hardened keys with others, and the one jitsi-meet's IFrame API client builds for an
 * embedding page (modules/API/external/functions.js: the API id, then config., interfaceConfig.,
 * userInfo. and appData. parameters, JSON values). A module that rewrote such a URL once left a
 * black page: jitsi-meet saw a changed URL and only the fragment changed (issue #14).
 */
export const MIXED_HASHES = [
    '#config.startWithVideoMuted=true&lang=de',
    '#jitsi_meet_external_api_id=0&config.startWithAudioMuted=true',
    '#jitsi_meet_external_api_id=0&config.startWithAudioMuted=true&config.startWithVideoMuted=true' +
        '&config.disableBeforeUnloadHandlers=true&interfaceConfig.SHOW_JITSI_WATERMARK=false' +
        '&userInfo.displayName=%22Mutige%20Eule%22&appData.localStorageContent=null',
];

const PASSWORD = 'Igel-Kerze-Hafen-40817';

/** jitsi-meet's toolbar slides in when the pointer moves over the page. */
async function showToolbar(page: Page): Promise<void> {
    await page.mouse.move(400, 300);
    await page.mouse.move(640, 650);
}

/**
 * Opens jitsi-meet's security dialog as a teacher does: its toolbar button, or, when the window is too
 * narrow for it, the same entry in the "more" menu (toolbox/components/web/OverflowMenuButton.tsx).
 */
async function openSecurityDialog(page: Page, timeout: number): Promise<void> {
    await showToolbar(page);
    const button = page.locator('.toolbox-content').getByRole('button', { name: 'Sicherheitsoptionen' });

    if (await button.isVisible()) {
        await button.click({ timeout });

        return;
    }
    await page.getByRole('button', { name: 'Menü „Weitere Einstellungen“ ein-/ausschalten' }).click({ timeout });
    await page.locator('#overflow-context-menu').getByText('Sicherheitsoptionen').click({ timeout });
}

/** Ends the journey after a failed step (the step is already reported). */
class StepFailed extends Error {}

/** Runs the journey and returns its steps; never throws for a failed step. */
export async function runJourney(browser: Browser, options: JourneyOptions): Promise<JourneyStep[]> {
    const steps: JourneyStep[] = [];
    const timeout = options.timeoutMs ?? 30000;
    /** Every URL requested from a host other than the two origins (data: and blob: are local). */
    const foreign = new Set<string>();
    const allowed = new Set([new URL(options.origin).host]);
    const open = async () => {
        const context = await browser.newContext({ locale: 'de-DE', permissions: ['camera', 'microphone'] });
        const page = await context.newPage();

        page.on('request', request => {
            const url = new URL(request.url());

            // lib-jitsi-meet's unload beacon puts "https:" before the BOSH address, which this
            // plain-HTTP server makes "https://http//127.0.0.1:…/http-bind": it reaches no host.
            const unloadBeacon =
                url.host === 'http' && [...allowed].some(host => url.pathname.startsWith(`//${host}/`));

            if (!['data:', 'blob:'].includes(url.protocol) && !allowed.has(url.host) && !unloadBeacon) {
                foreign.add(request.url());
            }
        });

        return page;
    };
    const step = async (what: string, run: () => Promise<string | void>): Promise<void> => {
        try {
            const detail = await run();

            steps.push(detail ? { what, ok: true, detail } : { what, ok: true });
        } catch (error) {
            steps.push({
                what,
                ok: false,
                detail: error instanceof Error ? error.message.split('\n')[0] : String(error),
            });
            throw new StepFailed(what);
        }
    };

    try {
        const student = await open();
        let studentReloaded: Promise<unknown> = Promise.resolve();

        await step(
            'Links mixing hardened and other parameters, the IFrame API’s included, show the prejoin screen',
            async () => {
                for (const hash of MIXED_HASHES) {
                    await openPrejoin(student, `${options.origin}/${options.room}${hash}`, timeout);
                }
            },
        );
        await step('Student link with overrides: the config stays hardened', async () => {
            await openPrejoin(student, `${options.origin}/${options.room}${HOSTILE_HASH}`, timeout);
            const config = await fromStore<Record<string, { disable?: boolean; enabled?: boolean } | string[]>>(
                student,
                "state['features/base/config']",
            );
            const hardened =
                (config.localRecording as { disable?: boolean }).disable === true &&
                (config.recordingService as { enabled?: boolean }).enabled === false &&
                (config.liveStreaming as { enabled?: boolean }).enabled === false &&
                (config.buttonsWithNotifyClick as string[]).includes('hangup');

            if (!hardened) {
                throw new Error(`config: ${JSON.stringify(config)}`);
            }
        });
        await step('Hardening only tightens: keys the deployment set beside hardened ones are kept', async () => {
            // config.js sets localRecording.notifyAllParticipants next to localRecording.disable.
            await until(
                student,
                "state['features/base/config'].localRecording.notifyAllParticipants === true",
                timeout,
            );
        });
        await step('Camera and microphone are off at the prejoin screen', async () => {
            await until(student, "state['features/base/media'].audio.muted === true", timeout);
            await until(student, "state['features/base/media'].video.muted !== 0", timeout);
        });
        await step('A pseudonym is suggested in the name field', async () => {
            const name = await student.locator('#premeeting-name-input').inputValue();

            if (!/^\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]+$/u.test(name)) {
                throw new Error(`name field: "${name}"`);
            }

            return name;
        });
        await step('Before the teacher, the student waits in jitsi-meet’s own waiting dialog', async () => {
            await joinFromPrejoin(student);
            await student.getByText('Warten auf den Beginn der Konferenz').first().waitFor({ timeout });
        });

        const teacher = await open();

        await step(
            'The teacher logs in at jitsi-meet’s dialog and becomes moderator; the password dialog opens',
            async () => {
                await openPrejoin(teacher, `${options.origin}/${options.room}`, timeout);
                await joinFromPrejoin(teacher, 'Frau Müller');
                await logInAsHost(teacher, options.teacher.user, options.teacher.password, timeout);
                await teacher.getByRole('dialog', { name: 'Passwort festlegen' }).waitFor({ timeout });
            },
        );
        await step('Before the password, the server refuses the waiting student and the page counts down', async () => {
            const notice = student.getByText(/noch nicht geöffnet/).first();

            await notice.waitFor({ timeout: timeout * 2 });
            if (options.build === 'dropIn') {
                // The drop-in's countdown ends in a reload of the page.
                studentReloaded = student.waitForEvent('load', { timeout: timeout * 3 });
            }

            return await notice.innerText();
        });
        await step('Escape does not close the password dialog', async () => {
            await teacher.keyboard.press('Escape');
            if (!(await teacher.getByRole('dialog', { name: 'Passwort festlegen' }).isVisible())) {
                throw new Error('the dialog closed');
            }
        });
        await step('"Passwort setzen" locks the room, and jitsi-meet knows it', async () => {
            const dialog = teacher.getByRole('dialog', { name: 'Passwort festlegen' });

            await dialog.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
            await dialog.getByRole('button', { name: 'Passwort setzen' }).click();
            await until(teacher, "state['features/school-policy'].lock.kind === 'locked'", timeout);
            await until(teacher, "state['features/base/conference'].locked === 'LOCKED_LOCALLY'", timeout);
        });
        await step('The student’s page tries again by itself and gets the password prompt', async () => {
            if (options.build === 'dropIn') {
                await studentReloaded;
                await joinFromPrejoin(student);
            }
            await answerPasswordPrompt(student, PASSWORD, timeout * 2);
            await until(student, "Boolean(state['features/base/conference'].conference)", timeout);
        });
        await step('The student’s name is not stored on the device', async () => {
            const name = await fromStore<string>(student, "state['features/base/settings'].displayName");
            const stored = await student.evaluate(() => JSON.stringify({ ...localStorage }));

            if (stored.includes(name)) {
                throw new Error(`"${name}" found in localStorage`);
            }
        });
        await step('Local recording asked for through jitsi-meet’s store does not start', async () => {
            // What a curious teacher could type in the console. The drop-in's guard stands in front
            // of jitsi-meet's middlewares and swallows the action; in the fork build jitsi-meet's own
            // recording middleware sees it first and calls LocalRecordingManager, which the module
            // makes refuse with a notice (jitsi-meet/localRecording.ts).
            const swallowed = await teacher.evaluate(
                () =>
                    (window as unknown as { APP: { store: { dispatch(action: object): unknown } } }).APP.store.dispatch(
                        { type: 'START_LOCAL_RECORDING', onlySelf: false },
                    ) === undefined,
            );

            if (options.build === 'dropIn') {
                if (!swallowed) {
                    throw new Error('START_LOCAL_RECORDING reached jitsi-meet');
                }
            } else {
                await teacher
                    .getByText(/Eine Aufnahme wurde gestartet und sofort beendet/)
                    .first()
                    .waitFor({ timeout });
            }
            if (await fromStore<boolean>(teacher, "state['features/recording'].localRecordingRunning === true")) {
                throw new Error('jitsi-meet reports local recording running');
            }
        });
        await step(
            'Removing the password in jitsi-meet’s security dialog with a student inside: the server keeps it, the teacher reads why',
            async () => {
                await openSecurityDialog(teacher, timeout);
                const dialog = teacher.getByRole('dialog', { name: 'Sicherheitsoptionen' });

                await dialog.getByRole('button', { name: 'Entfernen' }).click({ timeout });
                await teacher
                    .getByText(/Der Server hat die Änderung abgelehnt/)
                    .first()
                    .waitFor({ timeout });
                // jitsi-meet's state, and so its dialog, still shows the password in force.
                await until(
                    teacher,
                    `state['features/base/conference'].password === ${JSON.stringify(PASSWORD)}`,
                    timeout,
                );
                await until(student, "Boolean(state['features/base/conference'].conference)", timeout);
                await teacher.keyboard.press('Escape');
            },
        );
        await step('The teacher reloads the page: back with the room password, no new one asked', async () => {
            // No log-in this time: lib-jitsi-meet sends the session id the browser kept, and Jicofo
            // vouches for the new guest address. The room password is asked, as for everyone.
            await openPrejoin(teacher, `${options.origin}/${options.room}`, timeout);
            await joinFromPrejoin(teacher);
            await answerPasswordPrompt(teacher, PASSWORD, timeout);
            await until(teacher, "state['features/school-policy'].phase.kind === 'joined'", timeout);
            await until(teacher, "state['features/base/participants'].local.role === 'moderator'", timeout);
            const lock = await fromStore<string>(teacher, "state['features/school-policy'].lock.kind");

            if (lock !== 'locked' || (await teacher.getByRole('dialog', { name: 'Passwort festlegen' }).count()) > 0) {
                throw new Error(`the policy's lock is "${lock}"`);
            }
        });
        await step('The hang-up button opens "Meeting verlassen" while the student is inside', async () => {
            // The teacher's session from before the reload lingers until Prosody ends it (15 s of
            // BOSH inactivity here); while it is there, it counts as another moderator.
            await until(teacher, "Object.keys(state['features/school-policy'].participants).length === 1", timeout * 2);
            await showToolbar(teacher);
            await teacher.locator('.hangup-button').first().click({ timeout });
            await teacher.getByRole('dialog', { name: 'Meeting verlassen' }).waitFor({ timeout });
        });
        await step('"Alle entfernen und beenden" removes the student, then the teacher leaves', async () => {
            await teacher
                .getByRole('dialog', { name: 'Meeting verlassen' })
                .getByRole('button', { name: 'Alle entfernen und beenden' })
                .click();
            await until(student, "!state['features/base/conference'].conference", timeout);
            await until(teacher, "state['features/school-policy'].phase.kind === 'left'", timeout);
        });
        await step('The teacher’s device keeps no name and no login', async () => {
            const keys = await teacher.evaluate(() => Object.keys(localStorage));
            const kept = keys.filter(key => key === 'sessionId' || key === 'features/base/settings');

            if (kept.length > 0) {
                throw new Error(`still stored: ${kept.join(', ')}`);
            }
        });
        await step('No request went to any other host', () => {
            return foreign.size === 0 ? Promise.resolve() : Promise.reject(new Error([...foreign].join(', ')));
        });
    } catch (error) {
        if (!(error instanceof StepFailed)) {
            steps.push({ what: 'The journey', ok: false, detail: String(error) });
        }
    }

    return steps;
}
