/**
 * mod_school_policy against the real Prosody, configured as a Debian install configures it (Jitsi's own
 * modules on the conference component; rooms created only by Jicofo, here its model): real clients,
 * real rooms, real refusals. A teacher opens a room as lib-jitsi-meet does, with the conference
 * request first. The grace period is shortened through the configuration (2 s), and every wait is on
 * a condition.
 */
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom } from '../../tools/jicofo-model/onTestServer';
import type { RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectService, connectTeacher, type Person } from '../../tools/prosody/xmppClients';

import { serverForTests } from './testServer';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const NOT_OPEN = /Der Raum ist noch nicht geöffnet/;

let prosody: RunningProsody;
let jicofo: RunningJicofo;
const people: Person[] = [];
let roomCounter = 0;

async function teacher(name: 'frau-mueller' | 'herr-schmidt' = 'frau-mueller') {
    const person = await connectTeacher(prosody.service, name);

    people.push(person);

    return person;
}

async function guest() {
    const person = await connectGuest(prosody.service);

    people.push(person);

    return person;
}

/** A teacher opens a room as lib-jitsi-meet does (the conference request first). */
const open = (owner: Person, room: string) => openRoom(jicofo, owner, room);

/** A room with a teacher inside who has set the password. */
async function lockedRoom() {
    const room = `mathe-${(roomCounter += 1)}`;
    const owner = await teacher();

    expect(await open(owner, room)).toEqual({ ok: true });
    await owner.setPassword(room, PASSWORD);

    return { room, owner };
}

jest.setTimeout(60000);

// The grace period: short enough for a quick suite, long enough that a teacher's rejoin on a busy
// machine fits.
serverForTests({ graceSeconds: 2, jitsiModules: true }, people, server => ({ prosody, jicofo } = server));

describe('no guest in a room without a password (R6, R2)', () => {
    it('refuses a guest in a room the teacher has opened but not locked, with a clear text', async () => {
        const owner = await teacher();

        expect(await open(owner, 'deutsch-1')).toEqual({ ok: true });
        const result = await (await guest()).join('deutsch-1', 'Mutiger Igel');

        expect(result).toMatchObject({ ok: false, condition: 'not-allowed' });
        expect(result.ok || result.text).toMatch(NOT_OPEN);
        await prosody.waitForLog(
            /school_policy: refused .* in deutsch-1@conference\.meet\.test: no password set \(open room\)/,
        );
    });

    it('does not let a guest create a room, not even with a password of their own', async () => {
        const result = await (await guest()).join('eigener-raum', 'Schlaue Eule', 'meins-12345');

        expect(result).toMatchObject({ ok: false, condition: 'not-allowed' });
        await prosody.waitForLog(
            /school_policy: refused .* in eigener-raum@conference\.meet\.test: no password set \(new room\)/,
        );
    });

    it('lets a guest in only with the right password', async () => {
        const { room } = await lockedRoom();
        const student = await guest();

        expect(await student.join(room, 'Flinke Eule')).toMatchObject({ ok: false, condition: 'not-authorized' });
        expect(await student.join(room, 'Flinke Eule', 'falsch-00000')).toMatchObject({
            ok: false,
            condition: 'not-authorized',
        });
        expect(await student.join(room, 'Flinke Eule', PASSWORD)).toEqual({ ok: true });
    });

    it('lets a second teacher in by the password like everyone else', async () => {
        const { room } = await lockedRoom();

        expect(await (await teacher('herr-schmidt')).join(room, 'Herr S.', PASSWORD)).toEqual({ ok: true });
    });

    it('lets no refused guest create the room: the teacher who comes next owns it, the guest never does', async () => {
        const room = `zuerst-${(roomCounter += 1)}`;
        const student = await guest();

        expect(await student.join(room, 'Früher Vogel')).toMatchObject({ ok: false, condition: 'not-allowed' });
        await prosody.waitForLog(new RegExp(`school_policy: refused .* in ${room}@.*: no password set \\(new room\\)`));

        const owner = await teacher();

        expect(await open(owner, room)).toEqual({ ok: true });
        expect(owner.standing(room)).toEqual({ role: 'moderator', affiliation: 'owner' });
        await owner.setPassword(room, PASSWORD);
        expect(await student.join(room, 'Früher Vogel', PASSWORD)).toEqual({ ok: true });
        expect(student.standing(room)).toEqual({ role: 'participant', affiliation: 'none' });
    });

    it('refuses a huge password without harm to the server', async () => {
        const { room } = await lockedRoom();
        const student = await guest();

        expect(await student.join(room, 'Ruhiger Dachs', 'x'.repeat(100000))).toMatchObject({
            ok: false,
            condition: 'not-acceptable',
        });
        expect(await student.join(room, 'Ruhiger Dachs', PASSWORD)).toEqual({ ok: true });
    });

    it('holds against a join flood: 25 guests without the password out, 25 with it in', async () => {
        const { room } = await lockedRoom();
        const crowd = await Promise.all(Array.from({ length: 25 }, () => guest()));
        const without = await Promise.all(crowd.map((person, i) => person.join(room, `Gast ${i}`)));
        // Jitsi's mod_muc_rate_limit lets 3 joins a second into a room and queues the rest.
        const withPassword = await Promise.all(
            crowd.map((person, i) => person.join(room, `Gast ${i}`, PASSWORD, 60000)),
        );

        expect(without.filter(r => r.ok)).toHaveLength(0);
        expect(withPassword.filter(r => r.ok)).toHaveLength(25);
    });

    it('never lets a guest in without the password while the teacher is locking (race)', async () => {
        for (let round = 0; round < 8; round += 1) {
            const room = `wettlauf-${round}`;
            const owner = await teacher();
            const student = await guest();

            expect(await open(owner, room)).toEqual({ ok: true });
            const [joined] = await Promise.all([
                student.join(room, 'Neugieriger Otter'),
                owner.setPassword(room, PASSWORD),
            ]);

            expect(joined.ok).toBe(false);
        }
    });

    it('keeps the password while guests are inside', async () => {
        const { room, owner } = await lockedRoom();

        expect(await (await guest()).join(room, 'Tapferer Biber', PASSWORD)).toEqual({ ok: true });
        await expect(owner.setPassword(room, '')).rejects.toMatchObject({ condition: 'not-allowed' });
        await prosody.waitForLog(new RegExp(`school_policy: kept the password of ${room}@`));
        expect(await (await guest()).join(room, 'Leise Katze')).toMatchObject({
            ok: false,
            condition: 'not-authorized',
        });
        expect(await (await guest()).join(room, 'Leise Katze', PASSWORD)).toEqual({ ok: true });
    });
});

describe('no room outlives its last teacher (R8)', () => {
    it('closes the room with a reason after the grace period', async () => {
        const { room, owner } = await lockedRoom();
        const students = [await guest(), await guest()];

        for (const [i, student] of students.entries()) {
            expect(await student.join(room, `Schüler ${i}`, PASSWORD)).toEqual({ ok: true });
        }
        await owner.leave(room);
        const reasons = await Promise.all(students.map(student => student.destroyed(room)));

        reasons.forEach(reason => expect(reason).toContain('Die Lehrkraft hat das Meeting verlassen'));
        await prosody.waitForLog(
            new RegExp(
                `school_policy: closed ${room}@conference\\.meet\\.test: no teacher for 2 s, 2 guest\\(s\\) removed`,
            ),
        );
    });

    it('keeps the room when the teacher comes back within the grace period', async () => {
        const { room, owner } = await lockedRoom();
        const student = await guest();

        expect(await student.join(room, 'Munterer Igel', PASSWORD)).toEqual({ ok: true });
        await owner.leave(room);
        expect(await owner.join(room, 'Lehrkraft', PASSWORD)).toEqual({ ok: true });
        await prosody.waitForLog(
            new RegExp(`school_policy: grace period of ${room}@conference\\.meet\\.test over; it stays`),
        );
        expect(student.wasDestroyed(room)).toBe(false);
    });

    it('keeps the room while another teacher is inside', async () => {
        const { room, owner } = await lockedRoom();
        const student = await guest();

        expect(await (await teacher('herr-schmidt')).join(room, 'Herr S.', PASSWORD)).toEqual({ ok: true });
        expect(await student.join(room, 'Witziger Koala', PASSWORD)).toEqual({ ok: true });
        await owner.leave(room);
        // The module decides at once that nothing is to be done; a guest joining afterwards proves the room is open.
        expect(await (await guest()).join(room, 'Heitere Robbe', PASSWORD)).toEqual({ ok: true });
        expect(prosody.log()).not.toMatch(new RegExp(`last teacher left in ${room}@`));
    });

    it('does not count a service account as a teacher', async () => {
        const { room, owner } = await lockedRoom();
        const student = await guest();
        const recorder = await connectService(prosody.service);

        people.push(recorder);
        expect(await recorder.join(room, 'recorder', PASSWORD)).toEqual({ ok: true });
        expect(await student.join(room, 'Sanfte Hummel', PASSWORD)).toEqual({ ok: true });
        await owner.leave(room);
        expect(await student.destroyed(room)).toContain('Die Lehrkraft hat das Meeting verlassen');
    });
});
