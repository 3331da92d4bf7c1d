/**
 * The "not open yet" refusal is recognised by a marker the admin cannot reword (issue #23, point 6):
 * with the admin's own text (`school_policy_not_open_text`), mod_school_policy still ends the text
 * with the marker and adds its application-specific condition, and the clients' one rule
 * (`isNotOpenRefusal`, react/features/school-policy/policy/hostFacts.ts) takes the server's real
 * answer for the refusal, as the fork build and the drop-in then count down and try again.
 */
import { NOT_OPEN_CODE, isNotOpenRefusal } from '../../react/features/school-policy';
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom, startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../../tools/prosody/xmppClients';

const ADMIN_TEXT = 'Bitte warten Sie, bis Ihre Lehrkraft den Unterricht beginnt.';

let prosody: RunningProsody;
let jicofo: RunningJicofo;
const people: Person[] = [];

jest.setTimeout(60000);

beforeAll(async () => {
    prosody = await startProsody({ graceSeconds: 60, notOpenText: ADMIN_TEXT, jitsiModules: true });
    jicofo = await startJicofoOn(prosody);
});

afterAll(async () => {
    await Promise.all(people.map(person => person.stop()));
    await jicofo?.stop();
    await prosody?.stop();
});

it('keeps its marker with the admin’s own text, and the clients’ rule recognises the real answer', async () => {
    const teacher = await connectTeacher(prosody.service);
    const student = await connectGuest(prosody.service);

    people.push(teacher, student);
    // A new room (refused before mod_muc creates it) and an open one (the teacher is inside).
    const beforeTeacher = await student.join('marke-1', 'Schülerin');

    expect(await openRoom(jicofo, teacher, 'marke-1')).toEqual({ ok: true });
    const unlocked = await student.join('marke-1', 'Schülerin');

    for (const refusal of [beforeTeacher, unlocked]) {
        expect(refusal).toEqual({
            ok: false,
            condition: 'not-allowed',
            text: `${ADMIN_TEXT} ${NOT_OPEN_CODE}`,
            extensions: ['urn:jitsi-school-policy:refusal#not-open'],
        });
        // What lib-jitsi-meet hands a signed-in user: the error's name and the text.
        const texts = refusal.ok ? [] : [refusal.text];

        expect(isNotOpenRefusal({ name: 'conference.connectionError.notAllowed', texts, asGuest: false })).toBe(true);
    }
    // Without the marker, the admin's wording alone would not have been recognised.
    expect(
        isNotOpenRefusal({ name: 'conference.connectionError.notAllowed', texts: [ADMIN_TEXT], asGuest: false }),
    ).toBe(false);
});
