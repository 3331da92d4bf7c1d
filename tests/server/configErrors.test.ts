/**
 * mod_school_policy fails closed and loud on its configuration: a setting that names no host of the
 * server, and an occupant from a host no setting names, are logged as errors, and that occupant is
 * treated as a guest (never waved through). The shared test configuration also lists the guest domain
 * in mixed case, so every guest test shows that names are compared case-insensitively.
 */
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom, startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectTeacher, connectUnlisted, type Person } from '../../tools/prosody/xmppClients';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const TYPO = 'mett.test';

let prosody: RunningProsody;
let jicofo: RunningJicofo;
const people: Person[] = [];

jest.setTimeout(60000);

beforeAll(async () => {
    prosody = await startProsody({ graceSeconds: 60, extraTeacherDomain: TYPO, jitsiModules: true });
    jicofo = await startJicofoOn(prosody);
});

afterEach(async () => {
    await Promise.all(people.splice(0).map(person => person.stop()));
});

afterAll(async () => {
    await jicofo?.stop();
    await prosody?.stop();
});

it('logs a teacher domain that is no host of this server as an error', async () => {
    await prosody.waitForLog(new RegExp(`school_policy: ${TYPO} is in the settings but is no host of this server`));
    expect(prosody.errors().some(line => line.includes(TYPO))).toBe(true);
});

it('treats someone from a host no setting names as a guest, and says so in the error log', async () => {
    const owner = await connectTeacher(prosody.service);
    const stranger = await connectUnlisted(prosody.service);

    people.push(owner, stranger);
    expect(await openRoom(jicofo, owner, 'fremd-1')).toEqual({ ok: true });
    expect(await stranger.join('fremd-1', 'Unbekannt')).toMatchObject({ ok: false, condition: 'not-allowed' });
    await owner.setPassword('fremd-1', PASSWORD);
    expect(await stranger.join('fremd-1', 'Unbekannt')).toMatchObject({ ok: false, condition: 'not-authorized' });
    expect(await stranger.join('fremd-1', 'Unbekannt', PASSWORD)).toEqual({ ok: true });
    // Many occupant events from that host (joins, a nick change, a second room), one error line: a
    // misconfigured domain must not flood the log.
    await stranger.changeNick('fremd-1', 'Noch Unbekannt');
    expect(await openRoom(jicofo, owner, 'fremd-2')).toEqual({ ok: true });
    expect(await stranger.join('fremd-2', 'Unbekannt')).toMatchObject({ ok: false, condition: 'not-allowed' });
    expect(
        prosody
            .errors()
            .filter(line => /other\.meet\.test, which is no configured domain; treated as a guest/.test(line)),
    ).toHaveLength(1);
});
