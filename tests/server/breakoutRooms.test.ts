/**
 * Breakout rooms (issue #23, point 2) with Jitsi's mod_muc_breakout_rooms loaded as Debian's example
 * loads it (on the main host, its rooms on `breakout.`; Jicofo creates them without authentication,
 * ConferenceIqHandler.processExtensions). A breakout room belongs to its main room's lesson: a teacher
 * in one counts for the lesson, closing the lesson closes its breakout rooms with their guests, and a
 * breakout room, which has no password of its own, lets in no guest while its main room is not open.
 * Everyone connects over WebSocket with `?room=` in the address, as jitsi-meet does: Jitsi's module
 * takes breakout-room requests only from such sessions (mod_jitsi_session).
 */
import { randomUUID } from 'node:crypto';

import { xml, type Element } from '@xmpp/client';
import WebSocket from 'ws';

import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom } from '../../tools/jicofo-model/onTestServer';
import { DOMAINS, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../../tools/prosody/xmppClients';

import { serverForTests } from './testServer';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const JITMEET = 'http://jitsi.org/jitmeet';
const REFUSAL = 'urn:jitsi-school-policy:refusal#not-open';

jest.setTimeout(60000);

// xmpp.js connects over WebSocket with the global WebSocket, which Node 20 does not have.
Object.assign(globalThis, { WebSocket });

let prosody: RunningProsody;
let jicofo: RunningJicofo;
const people: Person[] = [];

// A short grace period (2 s): every wait below is on the server's log or on an answer, never a sleep.
serverForTests({ graceSeconds: 2, jitsiModules: true, bosh: true }, people, server => ({ prosody, jicofo } = server));

/** Connects someone over WebSocket as jitsi-meet does for a meeting (`?room=` names the main room). */
async function connect(kind: 'teacher' | 'guest', room: string): Promise<Person> {
    const service = `ws://${new URL(prosody.bosh ?? '').host}/xmpp-websocket?room=${encodeURIComponent(room)}`;
    const person = kind === 'teacher' ? await connectTeacher(service) : await connectGuest(service);

    people.push(person);

    return person;
}

/** The breakout rooms' addresses in one of Jitsi's updates (`features/breakout-rooms/update`), or undefined. */
function breakoutRoomsIn(stanza: Element): { rooms: string[]; counter: number } | undefined {
    const text =
        stanza.is('message') && stanza.attrs.from === DOMAINS.breakout && stanza.getChildText('json-message', JITMEET);
    const update = text
        ? (JSON.parse(text) as {
              event?: string;
              roomCounter?: number;
              rooms?: Record<string, { jid: string; isMainRoom?: boolean }>;
          })
        : undefined;

    if (update?.event !== 'features/breakout-rooms/update') {
        return undefined;
    }

    return {
        rooms: Object.values(update.rooms ?? {})
            .filter(room => room.isMainRoom !== true)
            .map(room => room.jid),
        counter: update.roomCounter ?? 0,
    };
}

/** A request to Jitsi's breakout-rooms component, as lib-jitsi-meet's BreakoutRooms.ts sends it. */
const breakoutRequest = (attributes: Record<string, string>) =>
    xml('message', { to: DOMAINS.breakout }, xml('breakout_rooms', attributes));

/** The teacher adds a breakout room; resolves with the addresses of all the lesson's breakout rooms. */
async function addBreakoutRoom(teacher: Person, subject: string, expected: number): Promise<string[]> {
    await teacher.send(breakoutRequest({ type: 'features/breakout-rooms/add', subject }));
    const update = await teacher.received(
        stanza => (breakoutRoomsIn(stanza)?.rooms.length ?? 0) >= expected,
        `an update listing ${expected} breakout room(s)`,
    );

    return breakoutRoomsIn(update)?.rooms ?? [];
}

/** Moves someone from a room into another as jitsi-meet does: leave with `switch_room`, ask Jicofo, join. */
async function move(person: Person, from: string, to: string, nick: string, password?: string) {
    await person.leave(from, 'switch_room');

    return enter(person, to, nick, password);
}

/** Asks Jicofo for a room (it creates a breakout room on request), then joins it. */
async function enter(person: Person, room: string, nick: string, password?: string) {
    const answer = await person.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() });

    expect(answer.ok).toBe(true);

    return person.join(room, nick, password);
}

/** A teacher's open lesson (password set) with two students inside and one breakout room. */
async function lessonWithBreakoutRoom(room: string) {
    const teacher = await connect('teacher', room);
    const inMain = await connect('guest', room);
    const inBreakout = await connect('guest', room);

    expect(await openRoom(jicofo, teacher, room, { nick: 'Lehrkraft' })).toEqual({ ok: true });
    await teacher.setPassword(room, PASSWORD);
    expect(await inMain.join(room, 'Mutige Eule', PASSWORD)).toEqual({ ok: true });
    expect(await inBreakout.join(room, 'Kluger Fuchs', PASSWORD)).toEqual({ ok: true });
    const [breakout] = await addBreakoutRoom(teacher, 'Gruppe 1', 1);

    if (!breakout) {
        throw new Error('no breakout room was created');
    }
    expect(await move(inBreakout, room, breakout, 'Kluger Fuchs')).toEqual({ ok: true });

    return { teacher, inMain, inBreakout, breakout };
}

it('counts a teacher in a breakout room for the lesson: no closure while she is there longer than the grace period', async () => {
    const room = 'breakout-1';
    const { teacher, inMain, inBreakout, breakout } = await lessonWithBreakoutRoom(room);

    expect(await move(teacher, room, breakout, 'Lehrkraft')).toEqual({ ok: true });
    // Leaving the main room started the closure; her arrival in the breakout room kept the lesson.
    await prosody.waitForLog(new RegExp(`school_policy: grace period of ${room}@\\S+ over; it stays`));
    expect(inMain.wasDestroyed(room)).toBe(false);
    expect(inBreakout.wasDestroyed(breakout)).toBe(false);
    // Back in the main room, which its password still protects (for her too), the lesson goes on.
    expect(await move(teacher, breakout, room, 'Lehrkraft', PASSWORD)).toEqual({ ok: true });
    const late = await connect('guest', room);

    expect(await late.join(room, 'Späte Lerche', PASSWORD)).toEqual({ ok: true });
});

it('closes the breakout rooms with their students when the teacher has left the lesson from a breakout room', async () => {
    const room = 'breakout-2';
    const { teacher, inMain, inBreakout, breakout } = await lessonWithBreakoutRoom(room);

    expect(await move(teacher, room, breakout, 'Lehrkraft')).toEqual({ ok: true });
    await teacher.leave(breakout);
    // After the grace period the main room is closed, and Jitsi's module closes its breakout rooms with
    // our reason: both students read why.
    const reasons = await Promise.all([inMain.destroyed(room), inBreakout.destroyed(breakout)]);

    expect(reasons).toEqual([
        expect.stringContaining('Die Lehrkraft hat das Meeting verlassen'),
        expect.stringContaining('Die Lehrkraft hat das Meeting verlassen'),
    ]);
    await prosody.waitForLog(
        new RegExp(`school_policy: closed ${room}@\\S+: no teacher for 2 s, 2 guest\\(s\\) removed`),
    );
});

it('lets no student create a breakout room of a room that is not open', async () => {
    const room = 'breakout-3';
    const teacher = await connect('teacher', room);
    const student = await connect('guest', room);

    expect(await openRoom(jicofo, teacher, room)).toEqual({ ok: true });
    expect(await student.join(room, 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
    await student.send(breakoutRequest({ type: 'features/breakout-rooms/add', subject: 'Unsere Ecke' }));
    // The student's request has been handled before the teacher's: only hers creates a room.
    await student.roundTrip();
    const rooms = await addBreakoutRoom(teacher, 'Gruppe 1', 1);
    const update = await teacher.received(stanza => breakoutRoomsIn(stanza) !== undefined, 'an update');

    expect(rooms).toHaveLength(1);
    expect(breakoutRoomsIn(update)?.counter).toBe(1);
});

it('lets no student into a breakout room while its main room is not open, and none that was never in the main room', async () => {
    const room = 'breakout-4';
    const teacher = await connect('teacher', room);
    const student = await connect('guest', room);
    const stranger = await connect('guest', room);

    expect(await openRoom(jicofo, teacher, room)).toEqual({ ok: true });
    await teacher.setPassword(room, PASSWORD);
    expect(await student.join(room, 'Mutige Eule', PASSWORD)).toEqual({ ok: true });
    const [breakout = ''] = await addBreakoutRoom(teacher, 'Gruppe 1', 1);

    // Jitsi's rule: only a session that came from the main room enters its breakout rooms, so the
    // main room's password guards them too (they have none of their own).
    expect(await enter(stranger, breakout, 'Fremder Fuchs')).toMatchObject({ ok: false, condition: 'not-allowed' });
    // Ours on top: the student has left, the teacher has taken the password away; the student came from
    // the main room, which Jitsi's module would accept, but the lesson is not open.
    await student.leave(room);
    await teacher.setPassword(room, '');
    const refused = await enter(student, breakout, 'Mutige Eule');

    expect(refused).toMatchObject({ ok: false, condition: 'not-allowed' });
    expect(refused.ok ? [] : refused.extensions).toContain(REFUSAL);
    // With the password back, she may go to her group without it.
    await teacher.setPassword(room, PASSWORD);
    expect(await student.join(breakout, 'Mutige Eule')).toEqual({ ok: true });
});
