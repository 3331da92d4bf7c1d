/**
 * A class behind one school address (issue #23, point 3): 30 students of one school reach the server
 * from the same public address within seconds. Jitsi's mod_rate_limit (jitsi-meet-prosody) counts
 * logins per address, 3 per second by default, and throttles every session from an address that went
 * over it (the server reads their connections at `rate_limit_ip_rate`, 2000 bytes/s). Loopback
 * stands in for the school's address. Inside the room, mod_muc_rate_limit lets 3 joins a second in and queues
 * the rest. With the module's defaults the school's address is throttled; with the
 * deployment guide's setting (the school networks on `rate_limit_whitelist`) it is not, and every
 * student gets in with the password.
 */
import { randomUUID } from 'node:crypto';

import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type JoinResult, type Person } from '../../tools/prosody/xmppClients';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const CLASS_SIZE = 30;
const THROTTLED = /Limiting 127\.0\.0\.1 due to login\/join rate exceeded/;

jest.setTimeout(120000);

/** A teacher opens and locks the lesson; then the class joins from the one address. */
async function lesson(prosody: RunningProsody, jicofo: RunningJicofo, room: string): Promise<JoinResult[]> {
    const people: Person[] = [];

    try {
        const teacher = await connectTeacher(prosody.service);

        people.push(teacher);
        await teacher.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() });
        expect(await teacher.join(room, 'Lehrkraft')).toEqual({ ok: true });
        await teacher.becomes(room, 'owner');
        await teacher.setPassword(room, PASSWORD);
        // The whole class at once, as when the teacher reads out the password.
        const students = await Promise.all(Array.from({ length: CLASS_SIZE }, () => connectGuest(prosody.service)));

        people.push(...students);

        return await Promise.all(
            students.map(async (student, i) => {
                await student.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() });

                // Jitsi's mod_muc_rate_limit lets 3 joins a second into one room and queues the rest
                // (muc_rate_joins): the last of 30 is in after about 10 s.
                return student.join(room, `Schüler ${i + 1}`, PASSWORD, 60000);
            }),
        );
    } finally {
        await Promise.all(people.map(person => person.stop()));
    }
}

async function withServer(
    whitelist: readonly string[],
    run: (prosody: RunningProsody, jicofo: RunningJicofo) => Promise<void>,
) {
    const prosody = await startProsody({ graceSeconds: 60, jitsiModules: true, rateLimitWhitelist: whitelist });
    const jicofo = await startJicofoOn(prosody);

    try {
        await run(prosody, jicofo);
        expect(prosody.errors()).toEqual([]);
    } finally {
        await jicofo.stop();
        await prosody.stop();
    }
}

it('with mod_rate_limit’s defaults, the school’s address is throttled when the class logs in', async () => {
    await withServer([], async (prosody, jicofo) => {
        const joins = await lesson(prosody, jicofo, 'klasse-7b');

        await prosody.waitForLog(THROTTLED);
        // Throttled, they still got in here: a test client's join is small. A meeting page's
        // signalling (presence, chat, the teacher's commands) at 2000 bytes/s for every student of
        // the school is what a class would notice.
        expect(joins.filter(join => join.ok)).toHaveLength(CLASS_SIZE);
    });
});

it('with the school network allow-listed (the guide’s setting), all 30 get in and nobody is throttled', async () => {
    await withServer(['127.0.0.1'], async (prosody, jicofo) => {
        const joins = await lesson(prosody, jicofo, 'klasse-7c');

        expect(joins.filter(join => join.ok)).toHaveLength(CLASS_SIZE);
        expect(prosody.log()).not.toMatch(THROTTLED);
    });
});
