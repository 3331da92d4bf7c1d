/**
 * The lobby (issue #23, point 5), with Jitsi's mod_muc_lobby_rooms loaded as Debian's example loads it
 * (on the main host, its rooms on `lobby.`). The lobby admits whom a moderator lets in, without the
 * password: by default that opens no room of ours, a student the teacher admitted still needs the
 * password. Where a media centre's terms allow "password protection or the lobby mode",
 * `school_policy_lobby_counts_as_protection` makes a room with the lobby on count as protected: the
 * teacher admits each student, and nobody she did not admit gets in.
 */
import type { RunningJicofo } from '../../tools/jicofo-model/jicofoModel';
import { openRoom, startJicofoOn } from '../../tools/jicofo-model/onTestServer';
import { startProsody, type RunningProsody } from '../../tools/prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../../tools/prosody/xmppClients';

const PASSWORD = 'Igel-Kerze-Hafen-40817';

jest.setTimeout(60000);

/** Who is there: the teacher, a student she admitted from the lobby, and one she did not. */
interface Lesson {
    readonly teacher: Person;
    readonly admitted: Person;
    readonly stranger: Person;
}

/** A teacher's room with the lobby on; a student she admitted and one she did not. */
async function lessonWithLobby(lobbyProtects: boolean, run: (people: Lesson, room: string) => Promise<void>) {
    const prosody: RunningProsody = await startProsody({ graceSeconds: 60, jitsiModules: true, lobbyProtects });
    const jicofo: RunningJicofo = await startJicofoOn(prosody);
    const people: Person[] = [];

    try {
        const teacher = await connectTeacher(prosody.service);
        const admitted = await connectGuest(prosody.service);
        const stranger = await connectGuest(prosody.service);

        people.push(teacher, admitted, stranger);
        expect(await openRoom(jicofo, teacher, 'lobby-1')).toEqual({ ok: true });
        await teacher.setMembersOnly('lobby-1');
        // The teacher lets the student in from the lobby: she becomes a member of the room.
        await teacher.setAffiliation('lobby-1', admitted.jid.split('/')[0] ?? '', 'member');
        await run({ teacher, admitted, stranger }, 'lobby-1');
        expect(prosody.errors()).toEqual([]);
    } finally {
        await Promise.all(people.map(person => person.stop()));
        await jicofo.stop();
        await prosody.stop();
    }
}

it('by default, the lobby opens no room without its password: an admitted student is still refused', async () => {
    await lessonWithLobby(false, async ({ teacher, admitted, stranger }, room) => {
        expect(await admitted.join(room, 'Zugelassene Eule')).toMatchObject({ ok: false, condition: 'not-allowed' });
        expect(await stranger.join(room, 'Fremder Fuchs')).toMatchObject({ ok: false, condition: 'not-allowed' });
        // With the password set, the admitted student comes in as Jitsi's lobby intends.
        await teacher.setPassword(room, PASSWORD);
        expect(await admitted.join(room, 'Zugelassene Eule', PASSWORD)).toEqual({ ok: true });
    });
});

it('with the lobby counting as protection, whom the teacher admitted comes in, nobody else', async () => {
    await lessonWithLobby(true, async ({ admitted, stranger }, room) => {
        expect(await admitted.join(room, 'Zugelassene Eule')).toEqual({ ok: true });
        // Everyone else waits in the lobby (mod_muc_lobby_rooms answers registration-required).
        expect(await stranger.join(room, 'Fremder Fuchs')).toMatchObject({
            ok: false,
            condition: 'registration-required',
        });
    });
});
