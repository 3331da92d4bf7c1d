/**
 * Token deployments (issue #23, point 4): Jitsi's mod_auth_token with luajwtjitsi (HS256 with the app
 * secret, as jitsi-meet-tokens sets it up) on a token host, and mod_school_policy with
 * `school_policy_token_moderators_are_teachers`. A teacher whose verified token says moderator is
 * recognised (she may open a room, guests wait for her password); a forged or expired token logs
 * nobody in; a token without moderator is a guest's, refused until the room has a password.
 */
import { createHmac, randomBytes } from 'node:crypto';

import WebSocket from 'ws';

import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectWithToken, type Person } from '../../tools/prosody/xmppClients';

const SECRET = randomBytes(24).toString('hex');
const PASSWORD = 'Igel-Kerze-Hafen-40817';

let prosody: RunningProsody;
let service: string;
const people: Person[] = [];

jest.setTimeout(60000);

// xmpp.js connects over WebSocket with the global WebSocket, which Node 20 does not have.
Object.assign(globalThis, { WebSocket });

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A JWT as a school's platform issues it for jitsi-meet-tokens (HS256; iss = app id). */
function token(claims: Record<string, unknown>, secret = SECRET): string {
    const now = Math.floor(Date.now() / 1000);
    const body = {
        iss: 'schule',
        aud: 'jitsi',
        sub: 'meet.test',
        room: '*',
        nbf: now - 10,
        exp: now + 3600,
        ...claims,
    };
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(body))}`;

    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const teacherToken = () => token({ context: { user: { name: 'Frau Müller', moderator: true } } });
const studentToken = () => token({ context: { user: { name: 'Mutige Eule', moderator: false } } });

async function connect(jwt: string): Promise<Person> {
    const person = await connectWithToken(service, jwt);

    people.push(person);

    return person;
}

/** Whether a login with this token is refused (the connection fails to start). */
async function refused(jwt: string): Promise<boolean> {
    try {
        await connect(jwt);

        return false;
    } catch {
        return true;
    }
}

beforeAll(async () => {
    prosody = await startProsody({ graceSeconds: 60, bosh: true, tokenSecret: SECRET });
    service = `ws://${new URL(prosody.bosh ?? '').host}/xmpp-websocket`;
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.stop()));
});

afterAll(async () => {
    const errors = prosody?.errors() ?? [];

    await prosody?.stop();
    expect(errors).toEqual([]);
});

it('recognises a teacher whose verified token says moderator: she opens the room, guests wait for her password', async () => {
    const teacher = await connect(teacherToken());
    const student = await connect(studentToken());

    expect(await teacher.join('token-1', 'Frau Müller')).toEqual({ ok: true });
    expect(await student.join('token-1', 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
    await teacher.setPassword('token-1', PASSWORD);
    expect(await student.join('token-1', 'Mutige Eule', PASSWORD)).toEqual({ ok: true });
});

it('keeps a guest’s token without moderator a guest: it cannot open a room', async () => {
    const student = await connect(studentToken());

    expect(await student.join('token-2', 'Mutige Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
});

it('logs nobody in with a forged or an expired token, moderator or not', async () => {
    const forged = token({ context: { user: { moderator: true } } }, 'not-the-secret');
    const expired = token({ context: { user: { moderator: true } }, exp: Math.floor(Date.now() / 1000) - 60 });

    expect(await refused(forged)).toBe(true);
    expect(await refused(expired)).toBe(true);
    // The same server still lets a valid token in: the refusals are the tokens', not the server's.
    expect(await refused(teacherToken())).toBe(false);
});
