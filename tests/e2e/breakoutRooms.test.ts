/**
 * Breakout rooms on the stock jitsi-meet (../shared/jitsi-meet-web), with Prosody as Jitsi's example
 * configures it (Jitsi's modules, `muc_breakout_rooms` and its component) beside mod_school_policy,
 * and the Jicofo model. The teacher's moves are what jitsi-meet's breakout buttons call
 * (react/features/breakout-rooms/actions.ts: `createBreakoutRoom`, and `closeBreakoutRoom` sending each
 * participant back with `sendParticipantToRoom`), through lib-jitsi-meet's breakout API.
 */
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
import { TEACHERS } from '../../tools/prosody/harness';

import { deploymentPerson, requireStockWebRoot } from './stockWebRoot';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const TIMEOUT = 30000;
const BREAKOUT = "Object.values(state['features/breakout-rooms'].rooms).find(room => !room.isMainRoom)";
const MAIN = "Object.values(state['features/breakout-rooms'].rooms).find(room => room.isMainRoom)";
/** The room the student's jitsi-meet is in. */
const HER_ROOM = "state['features/base/conference'].conference?.room?.roomjid";

let deployment: LocalDeployment;
let browser: Browser;
/** Every request to a host other than the deployment's. */
const foreign = new Set<string>();

jest.setTimeout(180000);

/** The teacher's jitsi-meet sends a participant (by real address) to a room, as its buttons do. */
async function sendTo(teacher: Page, participant: string, roomJid: string): Promise<void> {
    await teacher.evaluate(
        `window.APP.store.getState()['features/base/conference'].conference.getBreakoutRooms()` +
            `.sendParticipantToRoom(${JSON.stringify(participant)}, ${JSON.stringify(roomJid)})`,
    );
}

beforeAll(async () => {
    const root = requireStockWebRoot();

    deployment = await startLocalDeployment({ root, libs: [join(root, 'libs')], jitsiModules: true });
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
    const errors = deployment?.prosody.errors() ?? [];

    await browser?.close();
    await deployment?.stop();
    expect(errors).toEqual([]);
});

describe('breakout rooms in a locked lesson', () => {
    const room = `bio-7c-${Date.now().toString(36)}`;
    let teacher: Page;
    let student: Page;
    let studentAddress: string;

    it('lets the teacher open a breakout room and send a student there, without a password', async () => {
        teacher = await deploymentPerson(browser, deployment, foreign);
        student = await deploymentPerson(browser, deployment, foreign);
        await openPrejoin(teacher, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(teacher, 'Frau Müller');
        await logInAsHost(teacher, 'frau-mueller', TEACHERS['frau-mueller'], TIMEOUT);
        await untilState(teacher, "state['features/base/participants'].local?.role === 'moderator'", TIMEOUT);
        await teacher.evaluate(
            `window.APP.store.getState()['features/base/conference'].conference.lock(${JSON.stringify(PASSWORD)})`,
        );
        await openPrejoin(student, `${deployment.origin}/${room}`, TIMEOUT);
        await joinFromPrejoin(student, 'Mutige Eule');
        await answerPasswordPrompt(student, PASSWORD, TIMEOUT);
        await untilState(student, "Boolean(state['features/base/conference'].conference)", TIMEOUT);

        await teacher.evaluate(
            "window.APP.store.getState()['features/base/conference'].conference.getBreakoutRooms().createBreakoutRoom('Gruppe 1')",
        );
        await untilState(teacher, `Boolean(${BREAKOUT})`, TIMEOUT);
        await untilState(
            teacher,
            `Object.values(${MAIN}.participants).some(p => p.displayName === 'Mutige Eule')`,
            TIMEOUT,
        );
        studentAddress = await fromStore<string>(
            teacher,
            `Object.values(${MAIN}.participants).find(p => p.displayName === 'Mutige Eule').jid`,
        );
        await sendTo(teacher, studentAddress, await fromStore<string>(teacher, `${BREAKOUT}.jid`));
        await untilState(student, `${HER_ROOM}?.endsWith('@breakout.meet.test')`, TIMEOUT);
        // Jitsi lets in only sessions that came from the main room; nobody asked her for the password.
        expect(await student.locator('[role="dialog"] input[type="password"]').count()).toBe(0);
    });

    it('asks a student sent back to the locked main room for the password again (stock jitsi-meet)', async () => {
        await untilState(teacher, `Object.keys(${BREAKOUT}.participants ?? {}).length > 0`, TIMEOUT);
        const inBreakout = await fromStore<string>(
            teacher,
            `Object.values(${BREAKOUT}.participants).find(p => p.displayName === 'Mutige Eule').jid`,
        );

        await sendTo(teacher, inBreakout, await fromStore<string>(teacher, `${MAIN}.jid`));
        // jitsi-meet joins the main room with only the `xmpp_conference_password_override` it keeps in
        // local storage (conference.js): Prosody wants the password, and jitsi-meet asks for it.
        await answerPasswordPrompt(student, PASSWORD, TIMEOUT);
        await untilState(student, `${HER_ROOM} === '${room}@conference.meet.test'`, TIMEOUT);
        await untilState(
            teacher,
            `[...state['features/base/participants'].remote.values()].some(p => p.name === 'Mutige Eule')`,
            TIMEOUT,
        );
    });

    it('sent no request to any other host', () => {
        expect([...foreign]).toEqual([]);
    });
});
