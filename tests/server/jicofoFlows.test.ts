/**
 * mod_school_policy in a secure-domain deployment as Jitsi runs it: the real Prosody, the Jicofo model
 * on its own account (tools/jicofo-model), and clients that send what lib-jitsi-meet sends — the
 * conference request first, then the room join. The teacher's sequences follow lib-jitsi-meet:
 * `JitsiConference.authenticateAndUpgradeRole` (jitsi-meet's login dialog: a second connection on the
 * main domain asks Jicofo for a session and closes; the first, anonymous connection asks again with
 * that session id and joins from its guest address) and `connect(jid, password)` (logged in from the
 * start). Every wait is on a condition.
 */
import { randomUUID } from 'node:crypto';

import { xml } from '@xmpp/client';

import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { DOMAINS, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../../tools/prosody/xmppClients';
import { until } from '../../tools/net/loopback';

import { serverForTests } from './testServer';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const NOT_OPEN = /Der Raum ist noch nicht geöffnet/;
const GRACE_SECONDS = 3;

let prosody: RunningProsody;
let jicofo: RunningJicofo;
const people: Person[] = [];
let roomCounter = 0;

const nextRoom = (name: string) => `${name}-${(roomCounter += 1)}`;
const roomAddress = (room: string) => `${room}@${DOMAINS.muc}`;

async function track(person: Promise<Person>) {
    const connected = await person;

    people.push(connected);

    return connected;
}

/** A browser on the guest domain: what every browser is first when config.js has `anonymousdomain`. */
function browser() {
    return { machineUid: randomUUID(), connection: track(connectGuest(prosody.service)) };
}

/**
 * The teacher through jitsi-meet's login dialog (lib-jitsi-meet `authenticateAndUpgradeRole`).
 * Returns her anonymous connection, now in the room, and what her browser keeps (`sessionId`).
 */
async function teacherViaLoginDialog(room: string) {
    const { machineUid, connection } = browser();
    const anonymous = await connection;

    // 1. The anonymous connection's conference request: the room does not exist, Jicofo wants a login.
    expect(await anonymous.conferenceRequest(jicofo.address, room, { machineUid })).toMatchObject({
        ok: false,
        notAuthorized: true,
    });
    // 2. A second connection with the school's credentials asks for a session (moderator.authenticate) …
    const login = await connectTeacher(prosody.service);
    const session = await login.conferenceRequest(jicofo.address, room, { machineUid });

    // 3. … and is closed again.
    await login.stop();
    expect(session).toMatchObject({ ok: true, identity: `frau-mueller@${DOMAINS.teachers}` });
    const sessionId = session.ok ? session.sessionId : undefined;

    expect(sessionId).toBeTruthy();
    // 4. The anonymous connection asks again with the session id and the same machine uid …
    expect(await anonymous.conferenceRequest(jicofo.address, room, { machineUid, sessionId })).toMatchObject({
        ok: true,
        ready: true,
        identity: `frau-mueller@${DOMAINS.teachers}`,
    });
    // 5. … and joins the room from its guest address.
    expect(await anonymous.join(room, 'Lehrkraft')).toEqual({ ok: true });
    await anonymous.becomes(room, 'owner');

    return { teacher: anonymous, machineUid, sessionId };
}

/** A student's browser: conference request, then the join, as lib-jitsi-meet does. */
async function studentJoins(room: string, nick: string, password?: string) {
    const { machineUid, connection } = browser();
    const student = await connection;
    const answer = await student.conferenceRequest(jicofo.address, room, { machineUid });

    return { student, answer, joined: answer.ok ? await student.join(room, nick, password) : undefined };
}

jest.setTimeout(60000);

/**
 * Everything below runs twice: with our modules alone, and among Jitsi's own modules on the
 * conference component as Debian's example configuration loads them (`muc_meeting_id` with its
 * Jicofo lock, `muc_domain_mapper`, `muc_hide_all`, `muc_rate_limit`, `muc_password_whitelist`
 * letting the focus through; rooms created only by Jicofo): our module must hold among them.
 */
describe.each([
    ['our modules alone', false],
    ['among Jitsi’s modules, as Debian configures Prosody', true],
])('%s', (_configuration, jitsiModules) => {
    // A small room cache, so that a test can make Prosody swap a live room out as a busy server does.
    serverForTests(
        { graceSeconds: GRACE_SECONDS, roomCacheSize: 3, jitsiModules },
        people,
        server => ({ prosody, jicofo } = server),
    );

    describe('the teacher as Jicofo authenticates her', () => {
        it('opens the lesson through the login dialog, from her guest address, and locks it', async () => {
            const room = nextRoom('login-dialog');
            const { teacher } = await teacherViaLoginDialog(room);

            expect(teacher.jid).toContain(`@${DOMAINS.guests}/`);
            await prosody.waitForLog(
                new RegExp(`school_policy: the focus vouched for ${teacher.jid} as frau-mueller@`),
            );
            await teacher.setPassword(room, PASSWORD);

            const { joined } = await studentJoins(room, 'Flinke Eule', PASSWORD);

            expect(joined).toEqual({ ok: true });
        });

        it('opens the lesson when logged in from the start (main-domain connection)', async () => {
            const room = nextRoom('direkt');
            const teacher = await track(connectTeacher(prosody.service));
            const answer = await teacher.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() });

            expect(answer).toMatchObject({ ok: true, ready: true, identity: `frau-mueller@${DOMAINS.teachers}` });
            expect(await teacher.join(room, 'Lehrkraft')).toEqual({ ok: true });
            await teacher.becomes(room, 'owner');
        });

        it('comes back after a reload with the session her browser kept, and is owner again', async () => {
            const room = nextRoom('neu-laden');
            const { teacher, machineUid, sessionId } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            const { student } = await studentJoins(room, 'Stille Maus', PASSWORD);

            await teacher.stop();
            const reloaded = await track(connectGuest(prosody.service));

            expect(await reloaded.conferenceRequest(jicofo.address, room, { machineUid, sessionId })).toMatchObject({
                ok: true,
                identity: `frau-mueller@${DOMAINS.teachers}`,
            });
            expect(await reloaded.join(room, 'Lehrkraft', PASSWORD)).toEqual({ ok: true });
            await reloaded.becomes(room, 'owner');
            await prosody.waitForLog(new RegExp(`school_policy: kept ${roomAddress(room)}: a teacher came back`));
            expect(student.wasDestroyed(room)).toBe(false);
        });
    });

    describe('students, before and after the teacher', () => {
        it('a student before the teacher waits: Jicofo asks for a login, the room does not exist', async () => {
            const room = nextRoom('zu-frueh');
            const { answer } = await studentJoins(room, 'Früher Vogel');

            expect(answer).toMatchObject({ ok: false, notAuthorized: true });
            expect(jicofo.rooms()).not.toContain(roomAddress(room));
        });

        it('a student after the teacher opened but before the password is refused by the module', async () => {
            const room = nextRoom('offen');

            await teacherViaLoginDialog(room);
            const { answer, joined } = await studentJoins(room, 'Mutiger Igel');

            expect(answer).toMatchObject({ ok: true, ready: true, authentication: true });
            expect(answer.ok && answer.identity).toBeFalsy();
            expect(joined).toMatchObject({ ok: false, condition: 'not-allowed' });
            expect(joined?.ok === false && joined.text).toMatch(NOT_OPEN);
        });

        it('a student after the lock needs the password and never becomes owner', async () => {
            const room = nextRoom('zu');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            const first = await studentJoins(room, 'Kluger Fuchs');

            expect(first.joined).toMatchObject({ ok: false, condition: 'not-authorized' });
            expect(await first.student.join(room, 'Kluger Fuchs', PASSWORD)).toEqual({ ok: true });
            expect(first.student.standing(room)).toEqual({ role: 'participant', affiliation: 'none' });
        });
    });

    describe('no student can pose as the teacher', () => {
        it('ignores a conference answer a student sends herself', async () => {
            const room = nextRoom('faelschung');

            await teacherViaLoginDialog(room);
            const { machineUid, connection } = browser();
            const student = await connection;

            await student.send(
                xml(
                    'iq',
                    { type: 'result', to: student.jid, id: 'forged' },
                    xml('conference', {
                        xmlns: 'http://jitsi.org/protocol/focus',
                        room: roomAddress(room),
                        identity: `frau-mueller@${DOMAINS.teachers}`,
                        ready: 'true',
                    }),
                ),
            );
            expect(await student.conferenceRequest(jicofo.address, room, { machineUid })).toMatchObject({ ok: true });
            expect(await student.join(room, 'Frau Müller')).toMatchObject({ ok: false, condition: 'not-allowed' });
            expect(prosody.log()).not.toMatch(new RegExp(`vouched for ${student.jid}`));
        });

        it('gets nothing from a made-up session id, nor from the teacher’s id on another device', async () => {
            const room = nextRoom('sitzung');
            const { sessionId } = await teacherViaLoginDialog(room);
            const { machineUid, connection } = browser();
            const student = await connection;

            expect(
                await student.conferenceRequest(jicofo.address, room, { machineUid, sessionId: randomUUID() }),
            ).toMatchObject({ ok: false, sessionInvalid: true });
            expect(await student.conferenceRequest(jicofo.address, room, { machineUid, sessionId })).toMatchObject({
                ok: false,
                condition: 'not-acceptable',
            });
            expect(await student.join(room, 'Lehrkraft')).toMatchObject({ ok: false, condition: 'not-allowed' });
        });

        it('counts a vouched teacher only in the room Jicofo vouched for', async () => {
            const room = nextRoom('hier');
            const other = nextRoom('dort');
            const { teacher } = await teacherViaLoginDialog(room);
            const colleague = await track(connectTeacher(prosody.service));

            await colleague.conferenceRequest(jicofo.address, other, { machineUid: randomUUID() });
            expect(await colleague.join(other, 'Herr S.')).toEqual({ ok: true });
            expect(await teacher.join(other, 'Lehrkraft')).toMatchObject({ ok: false, condition: 'not-allowed' });
        });
    });

    describe('the closure never ends a live lesson and never forgets a room (R8)', () => {
        it('closes the room when the vouched teacher leaves for good', async () => {
            const room = nextRoom('ende');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            const { student } = await studentJoins(room, 'Heitere Robbe', PASSWORD);

            await teacher.leave(room);
            expect(await student.destroyed(room)).toContain('Die Lehrkraft hat das Meeting verlassen');
        });

        it('does not act on a room object Prosody swapped out: the teacher who came back keeps her class', async () => {
            const room = nextRoom('ausgelagert');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            const { student } = await studentJoins(room, 'Sanfte Hummel', PASSWORD);

            await teacher.leave(room);
            // Four more rooms push this one out of the live cache (size 3): Prosody saves it and will
            // restore it as a new object.
            const colleague = await track(connectTeacher(prosody.service));

            for (let i = 0; i < 4; i += 1) {
                const filler = nextRoom('fuellraum');

                // As lib-jitsi-meet does: the conference request first (Jicofo opens the room).
                expect(
                    await colleague.conferenceRequest(jicofo.address, filler, { machineUid: randomUUID() }),
                ).toMatchObject({ ok: true });
                expect(await colleague.join(filler, 'Herr S.')).toEqual({ ok: true });
            }
            expect(await teacher.join(room, 'Lehrkraft', PASSWORD)).toEqual({ ok: true });
            await prosody.waitForLog(new RegExp(`school_policy: grace period of ${roomAddress(room)} over; it stays`));
            expect(student.wasDestroyed(room)).toBe(false);
        });

        it('closes a room a guest enters with no teacher inside (a persistent room the teacher left)', async () => {
            const room = nextRoom('dauerhaft');
            const teacher = await track(connectTeacher(prosody.service));

            expect(await teacher.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() })).toMatchObject({
                ok: true,
            });
            expect(await teacher.join(room, 'Lehrkraft')).toEqual({ ok: true });
            // Jicofo grants the owner role after her join; like jitsi-meet, she sets the password only then.
            await teacher.becomes(room, 'owner');
            await teacher.setPassword(room, PASSWORD);
            await teacher.setPersistent(room);
            await teacher.leave(room);
            // Jicofo stops the conference when its last member has left (the persistent room stays).
            await until(() => !jicofo.rooms().includes(roomAddress(room)), 'Jicofo leaving the room', 10000);
            // A client that skips the conference request (lib-jitsi-meet's would be refused by Jicofo:
            // the conference has stopped) joins the persistent room directly.
            const student = await track(connectGuest(prosody.service));

            expect(await student.join(room, 'Späte Eule', PASSWORD)).toEqual({ ok: true });
            expect(await student.destroyed(room)).toContain('Die Lehrkraft hat das Meeting verlassen');
            await prosody.waitForLog(new RegExp(`a guest joined with no teacher inside in ${roomAddress(room)}`));
        });

        it('does not take a nick change of the teacher for leaving', async () => {
            const room = nextRoom('umbenannt');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            await studentJoins(room, 'Munterer Igel', PASSWORD);
            await teacher.changeNick(room, 'Frau M.');
            // A real leave afterwards is logged; the nick change before it must not have been.
            await teacher.leave(room);
            await prosody.waitForLog(new RegExp(`last teacher left in ${roomAddress(room)}`));
            expect(prosody.log().match(new RegExp(`last teacher left in ${roomAddress(room)}`, 'g'))).toHaveLength(1);
        });

        it('still closes a room whose closure was pending when the module was reloaded', async () => {
            const room = nextRoom('neu-geladen');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            const { student } = await studentJoins(room, 'Wacher Luchs', PASSWORD);

            await teacher.leave(room);
            await prosody.waitForLog(new RegExp(`last teacher left in ${roomAddress(room)}`));
            prosody.reloadModule();
            await prosody.waitForLog(new RegExp(`found on loading in ${roomAddress(room)}`));
            expect(await student.destroyed(room)).toContain('Die Lehrkraft hat das Meeting verlassen');
        });
    });

    describe('honest answers to the teacher', () => {
        it('answers a refused password removal with an error, and the password stays', async () => {
            const room = nextRoom('behalten');
            const { teacher } = await teacherViaLoginDialog(room);

            await teacher.setPassword(room, PASSWORD);
            await studentJoins(room, 'Tapferer Biber', PASSWORD);
            const refusal: unknown = await teacher.setPassword(room, '').then(
                () => 'accepted',
                (error: unknown) => error,
            );

            expect(refusal).toMatchObject({ condition: 'not-allowed' });
            expect(String((refusal as { text?: unknown }).text)).toMatch(/Das Passwort bleibt/);
            expect((await studentJoins(room, 'Leise Katze')).joined).toMatchObject({ condition: 'not-authorized' });
        });

        it('refuses a password longer than students may send, when the teacher sets it', async () => {
            const room = nextRoom('zu-lang');
            const { teacher } = await teacherViaLoginDialog(room);

            await expect(teacher.setPassword(room, 'x'.repeat(129))).rejects.toMatchObject({
                condition: 'not-acceptable',
            });
            // The room stayed open, so a student is still refused.
            expect((await studentJoins(room, 'Ruhiger Dachs')).joined).toMatchObject({
                ok: false,
                condition: 'not-allowed',
            });
        });
    });
});
