import { act, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

import { DISPLAY_NAME_MAX_LENGTH } from '../../react/features/school-policy';
import { ANIMALS } from '../../react/features/school-policy/policy/pseudonymWords';
import { FakeExternalApi, installFakeExternalApi, removeFakeExternalApi } from '../support/fakeExternalApi';
import { renderPortal } from '../support/renderPortal';

const PASSWORD = 'Igel-Kerze-Hafen-40817';

/** The meeting's API, once the SDK has created it (it does so asynchronously). */
const latestApi = () => waitFor(() => FakeExternalApi.latest());

async function fillAndJoin(user: UserEvent, options: { room?: string; password?: string; name?: string } = {}) {
    if (options.room !== undefined) {
        await user.type(screen.getByLabelText('Link oder Name des Raums'), options.room);
    }
    await user.type(screen.getByLabelText('Passwort'), options.password ?? PASSWORD);
    if (options.name !== undefined) {
        await user.type(screen.getByLabelText('Dein Name (freiwillig)'), options.name);
    }
    await user.click(screen.getByRole('checkbox', { name: /keine Aufnahmen/ }));
    await user.click(screen.getByRole('checkbox', { name: /niemand mithört/ }));
    await user.click(screen.getByRole('button', { name: 'Beitreten' }));
}

beforeEach(() => installFakeExternalApi());

describe('student: joining', () => {
    it('takes the room from an invite link, never a password, and says camera and microphone may stay off (R7)', async () => {
        const { user } = renderPortal({ path: '/beitreten?room=mathe-7b&password=geheim' });

        expect(screen.getByLabelText('Link oder Name des Raums')).toHaveValue('mathe-7b');
        expect(screen.getByLabelText('Passwort')).toHaveValue('');
        expect(
            screen.getByText(
                'Du musst deinen echten Namen nicht nennen. Kamera und Mikrofon sind aus und dürfen aus bleiben.',
            ),
        ).toBeInTheDocument();
        await fillAndJoin(user);
        await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(1));
        expect(FakeExternalApi.latest().options.configOverwrite).toMatchObject({
            startWithAudioMuted: true,
            startWithVideoMuted: true,
        });
    });

    it('joins with the entered password when Jitsi asks for it', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b' });
        const api = await latestApi();

        api.room.password = PASSWORD;
        act(() => api.join());
        expect(api.sent('password')).toEqual([[PASSWORD]]);
        expect(screen.queryByText('Das Passwort stimmt nicht.')).not.toBeInTheDocument();
    });

    it('handles a wrong password: a clear message, and back to the form with everything but the password', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b', password: 'falsch-12345', name: 'Mutiger Igel' });
        const api = await latestApi();

        api.room.password = PASSWORD;
        act(() => api.join());
        expect(await screen.findByText('Das Passwort stimmt nicht.')).toBeInTheDocument();
        expect(api.sent('password')).toEqual([['falsch-12345']]);
        await user.click(screen.getByRole('button', { name: 'Zurück zum Formular' }));
        expect(api.disposed).toBe(true);
        expect(screen.getByLabelText('Link oder Name des Raums')).toHaveValue('mathe-7b');
        expect(screen.getByLabelText('Dein Name (freiwillig)')).toHaveValue('Mutiger Igel');
        expect(screen.getByLabelText('Passwort')).toHaveValue('');
        await user.type(screen.getByLabelText('Passwort'), PASSWORD);
        await user.click(screen.getByRole('button', { name: 'Beitreten' }));
        await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(2));
        act(() => FakeExternalApi.latest().join());
        expect(FakeExternalApi.latest().sent('password')).toEqual([[PASSWORD]]);
    });

    it('offers a random pseudonym that is never a real name', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await user.click(screen.getByRole('button', { name: 'Zufälliger Name' }));
        const name = screen.getByLabelText<HTMLInputElement>('Dein Name (freiwillig)').value;

        expect(ANIMALS.map(([animal]) => animal)).toContain(name.split(' ')[1]);
    });

    it('passes a cleaned name: no bidi overrides or control characters, cut to length, markup as text', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b', name: '\u202eHeiterer Igel\u0007 <script>x</script>' });
        expect((await latestApi()).options.userInfo).toEqual({
            displayName: 'Heiterer Igel <script>x</script>',
            email: '',
        });
    });

    it('says a 10,000-character name will be cut, and cuts it', async () => {
        const { user } = renderPortal({ path: '/beitreten' });
        const field = screen.getByLabelText('Dein Name (freiwillig)');

        await user.click(field);
        await user.paste('🦔'.repeat(10000));
        expect(
            screen.getByText(`Der Name ist zu lang und wurde auf ${DISPLAY_NAME_MAX_LENGTH} Zeichen gekürzt.`),
        ).toBeInTheDocument();
        await fillAndJoin(user, { room: 'mathe-7b' });
        expect([...((await latestApi()).options.userInfo?.displayName ?? '')]).toHaveLength(DISPLAY_NAME_MAX_LENGTH);
    });

    it('joins anonymously when no name is given', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'Mathe 7b Übung' });
        expect((await latestApi()).options).toMatchObject({
            roomName: 'mathe-7b-uebung',
            userInfo: { displayName: '', email: '' },
        });
    });

    it('refuses a link to a foreign host', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await user.type(screen.getByLabelText('Link oder Name des Raums'), 'https://meet.jit.si/mathe-7b');
        expect(
            screen.getByText(
                'Dieser Link führt nicht zum Medienzentrum (meet.example.org). Bitte frag deine Lehrkraft nach dem richtigen Link.',
            ),
        ).toBeInTheDocument();
        await fillAndJoin(user);
        expect(FakeExternalApi.instances).toHaveLength(0);
    });

    it('strips a #config override from a Jitsi link and says so', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await user.click(screen.getByLabelText('Link oder Name des Raums'));
        await user.paste('https://meet.example.org/mathe-7b#config.localRecording={"disable":false}');
        expect(
            screen.getByText('Aus dem Link wurden Einstellungen entfernt, die Regeln der Schule aushebeln könnten.'),
        ).toBeInTheDocument();
        await fillAndJoin(user);
        const { options } = await latestApi();

        expect(options.roomName).toBe('mathe-7b');
        expect(options.configOverwrite).toMatchObject({ localRecording: { disable: true } });
    });

    it.each([
        ['ending in a lone %', 'https://meet.example.org/mathe-7b%'],
        ['with a broken escape', 'https://meet.example.org/mathe%E0%A4%A'],
        ['as a bare name with a broken escape', 'mathe%E0%A4%A'],
    ])('says a pasted link %s is damaged, and keeps what was typed', async (_what, link) => {
        const { user } = renderPortal({ path: '/beitreten' });

        await user.type(screen.getByLabelText('Dein Name (freiwillig)'), 'Stiller Fuchs');
        await user.click(screen.getByLabelText('Link oder Name des Raums'));
        await user.paste(link);
        expect(screen.getByText(/Dieser Link ist beschädigt/)).toBeInTheDocument();
        expect(screen.getByLabelText('Dein Name (freiwillig)')).toHaveValue('Stiller Fuchs');
        await fillAndJoin(user);
        expect(FakeExternalApi.instances).toHaveLength(0);
    });

    it('refuses a protocol-relative link to another host like any foreign link', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await user.click(screen.getByLabelText('Link oder Name des Raums'));
        await user.paste('//meet.jit.si/mathe-7b');
        expect(screen.getByText(/Dieser Link führt nicht zum Medienzentrum/)).toBeInTheDocument();
    });

    it('sends the password without the spaces a copy and paste brings along', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b', password: `  ${PASSWORD} ` });
        const api = await latestApi();

        api.room.password = PASSWORD;
        act(() => api.join());
        expect(api.sent('password')).toEqual([[PASSWORD]]);
    });

    it('takes a password out of the address bar and the history when a link carries one', () => {
        renderPortal({ path: '/beitreten?room=mathe-7b&password=geheim-123#pw=geheim-123' });

        expect(window.location.search).toBe('?room=mathe-7b');
        expect(window.location.href).not.toContain('geheim');
        expect(screen.getByLabelText('Link oder Name des Raums')).toHaveValue('mathe-7b');
    });

    it.each(['Lehrkraft', 'Frau Lehrerin', 'Admin', 'Moderator', 'Der Host', 'Teacher Tom'])(
        'does not accept the name "%s", which claims a role, and says why',
        async name => {
            const { user } = renderPortal({ path: '/beitreten' });

            await fillAndJoin(user, { room: 'mathe-7b', name });
            expect(screen.getByText(/Bitte wähle einen anderen Namen/)).toBeInTheDocument();
            expect(FakeExternalApi.instances).toHaveLength(0);
        },
    );

    it('does not join without the password and both pledges', async () => {
        const { user } = renderPortal({ path: '/beitreten?room=mathe-7b' });

        await user.click(screen.getByRole('button', { name: 'Beitreten' }));
        expect(screen.getByText('Bitte gib das Passwort ein.')).toBeInTheDocument();
        expect(screen.getByText('Bitte bestätige beide Punkte.')).toBeInTheDocument();
        await waitFor(() => expect(screen.getByLabelText('Passwort')).toHaveFocus());
        expect(FakeExternalApi.instances).toHaveLength(0);
    });

    it('waits with a countdown when the teacher has not opened the room, then tries again', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b' });
        const first = await latestApi();

        // The teacher is in, but has set no password: the school module refuses the guest.
        first.addRemote('teacher', 'Lehrkraft', 'moderator');
        act(() => first.join());
        expect(await screen.findByText('Die Lehrkraft hat den Raum noch nicht geöffnet.')).toBeInTheDocument();
        // The meeting page reports "left" when its frame is taken away; that is no ended meeting.
        act(() => first.unload());
        expect(screen.queryByText(/Meeting ist beendet/)).not.toBeInTheDocument();
        expect(screen.getByText('Neuer Versuch in 15 Sekunden.')).toBeInTheDocument();
        await user.click(screen.getByRole('button', { name: 'Jetzt erneut versuchen' }));
        await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(2));
        expect(FakeExternalApi.instances[0]?.disposed).toBe(true);
    });

    it('waits in the meeting, with no error name shown, while Jitsi waits for the teacher; then gets in', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b' });
        const api = await latestApi();

        // jitsi-meet's secure domain before the host: an error event, and jitsi-meet keeps waiting.
        act(() => api.join());
        expect(await screen.findByText(/Die Lehrkraft hat den Raum noch nicht geöffnet. Bleib hier/)).toHaveAttribute(
            'role',
            'status',
        );
        expect(screen.queryByText(/conference\./)).not.toBeInTheDocument();
        expect(api.disposed).toBe(false);
        // The teacher arrives and locks the room: the waiting guest is asked for the password.
        act(() => {
            api.room.password = PASSWORD;
        });
        expect(api.sent('password')).toEqual([[PASSWORD]]);
        await waitFor(() => expect(screen.queryByText(/Bleib hier/)).not.toBeInTheDocument());
    });

    it('says so when the meeting page never answers, and the retry starts a new meeting view', async () => {
        const { user } = renderPortal({ path: '/beitreten', pageAnswerMs: 300 });

        FakeExternalApi.page = 'silent';
        await fillAndJoin(user, { room: 'mathe-7b', name: 'Stiller Fuchs' });
        expect(
            await screen.findByText('Das Meeting antwortet nicht: Der Jitsi-Server ist gerade nicht erreichbar.'),
        ).toBeInTheDocument();
        FakeExternalApi.page = 'answer';
        await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
        await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(2));
        await waitFor(() => expect(screen.queryByText(/Das Meeting antwortet nicht/)).not.toBeInTheDocument());
    });

    it('keeps the portal when external_api.js fails to create the meeting, with a way back', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        FakeExternalApi.page = 'throw';
        // React reports the caught error on the console; the test keeps its own output clean.
        const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);

        await fillAndJoin(user, { room: 'mathe-7b', name: 'Stiller Fuchs' });
        expect(
            await screen.findByText('Das Meeting konnte auf dieser Seite nicht gestartet werden.'),
        ).toBeInTheDocument();
        await user.click(screen.getByRole('button', { name: 'Zurück zum Formular' }));
        expect(await screen.findByLabelText('Dein Name (freiwillig)')).toHaveValue('Stiller Fuchs');
        quiet.mockRestore();
    });

    it('never acts as the teacher when Jitsi makes the student moderator (a deployment without a secure domain)', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b' });
        const api = await latestApi();

        api.model.secureDomain = false;
        act(() => api.join());
        expect(api.model.snapshot('mathe-7b').participants.find(p => p.id === api.localId)?.role).toBe('moderator');
        act(() => api.addRemote('later', 'Später Kommende'));
        // No lock with the student's password, no removal, no teacher dialog.
        await act(() => Promise.resolve());
        expect(api.sent('password')).toEqual([]);
        expect(api.sent('kickParticipant')).toEqual([]);
        expect(api.sent('endConference')).toEqual([]);
        expect(api.room.password).toBeNull();
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('ends on the "meeting is over" page when removed by the teacher', async () => {
        const { user } = renderPortal({ path: '/beitreten' });

        await fillAndJoin(user, { room: 'mathe-7b' });
        const api = await latestApi();

        api.room.password = PASSWORD;
        act(() => api.join());
        const teacher = api.model.snapshot('mathe-7b').participants.find(p => p.role === 'moderator');

        act(() => api.model.kickedBy(teacher?.id ?? '', api.localId));
        expect(await screen.findByText('Du wurdest aus dem Meeting entfernt.')).toBeInTheDocument();
        expect(screen.queryByRole('link', { name: 'Dieses Gerät bereinigen' })).not.toBeInTheDocument();
    });
});

describe('loading external_api.js', () => {
    beforeEach(() => removeFakeExternalApi());

    it('shows a clear error when the script fails to load, and retries', async () => {
        const { user } = renderPortal({ path: '/beitreten?room=mathe-7b', apiTimeoutMs: 10000 });

        await fillAndJoin(user);
        const script = await waitFor(() => {
            const element = document.querySelector<HTMLScriptElement>('script[data-jitsi-external-api]');

            expect(element).not.toBeNull();

            return element as HTMLScriptElement;
        });

        expect(script.src).toBe('https://meet.example.org/external_api.js');
        act(() => void script.dispatchEvent(new Event('error')));
        expect(await screen.findByText('Die Videokonferenz konnte nicht geladen werden.')).toBeInTheDocument();
        expect(screen.getByText(/Der Server meet.example.org antwortet nicht/)).toBeInTheDocument();

        installFakeExternalApi();
        await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
        await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(1));
        expect(screen.queryByText('Die Videokonferenz konnte nicht geladen werden.')).not.toBeInTheDocument();
    });

    it('gives up on a script that never answers instead of spinning forever', async () => {
        const { user } = renderPortal({ path: '/beitreten?room=mathe-7b', apiTimeoutMs: 50 });

        await fillAndJoin(user);
        expect(await screen.findByText('Die Videokonferenz konnte nicht geladen werden.')).toBeInTheDocument();
        expect(document.querySelector('script[data-jitsi-external-api]')).toBeNull();
    });
});
