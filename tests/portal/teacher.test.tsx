import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { UserEvent } from '@testing-library/user-event';

import { HANGUP_KEYS, teacherPledges, validatePassword } from '../../react/features/school-policy';
import { FakeExternalApi, installFakeExternalApi } from '../support/fakeExternalApi';
import { renderPortal } from '../support/renderPortal';

const TEACHER_PLEDGES = teacherPledges().map(rule => rule.teacherPledge.de);

beforeEach(() => installFakeExternalApi());

async function pledgeAll(user: UserEvent) {
    for (const pledge of TEACHER_PLEDGES) {
        await user.click(screen.getByRole('checkbox', { name: pledge }));
    }
}

/** Prepares and starts a meeting; returns the password the form generated. */
async function startMeeting(user: UserEvent, room = 'Mathe 7b Übung k3x9q4m7') {
    await user.type(screen.getByLabelText('Name des Raums'), room);
    const password = screen.getByLabelText<HTMLInputElement>('Passwort für dieses Meeting').value;

    await pledgeAll(user);
    await user.click(screen.getByRole('button', { name: 'Meeting starten' }));
    await waitFor(() => expect(FakeExternalApi.instances).toHaveLength(1));

    return password;
}

describe('teacher: preparing the meeting', () => {
    it('shows the normalised room name and suggests an unguessable one', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await user.type(screen.getByLabelText('Name des Raums'), 'Mathe 7b Übung');
        expect(screen.getByText('Zum Beispiel „Mathe 7b“. Daraus wird: mathe-7b-uebung')).toBeInTheDocument();
        expect(screen.getByText(/Dieser Name ist leicht zu erraten. Vorschlag: mathe-7b-uebung-/)).toBeInTheDocument();
        await user.click(screen.getByRole('button', { name: 'Vorschlag übernehmen' }));
        expect(screen.getByLabelText<HTMLInputElement>('Name des Raums').value).toMatch(
            /^mathe-7b-uebung-[a-z]\d[a-z]\d[a-z]\d[a-z]\d$/,
        );
        expect(screen.queryByText(/leicht zu erraten/)).not.toBeInTheDocument();
    });

    it('refuses slashes-only and link room names with a clear error', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const room = screen.getByLabelText('Name des Raums');

        await user.type(room, '///');
        expect(screen.getByText('Der Raumname braucht Buchstaben oder Ziffern.')).toBeInTheDocument();
        await user.clear(room);
        await user.type(room, 'https://meet.example.org/x');
        expect(screen.getByText('Bitte gib einen Namen ein, keinen Link.')).toBeInTheDocument();
    });

    it('generates a valid password by default, a new one on request, and validates typed ones', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const field = screen.getByLabelText<HTMLInputElement>('Passwort für dieses Meeting');
        const first = field.value;

        expect(validatePassword(first)).toEqual({ ok: true });
        await user.click(screen.getByRole('button', { name: 'Neues Passwort erzeugen' }));
        expect(field.value).not.toBe(first);
        await user.clear(field);
        expect(screen.getByText('Bitte gib ein Passwort ein.')).toBeInTheDocument();
        await user.type(field, '     ');
        expect(screen.getByText('Das Passwort besteht nur aus Leerzeichen.')).toBeInTheDocument();
        expect(field).toHaveAttribute('aria-invalid', 'true');
    });

    it('does not start without every pledge, and says so', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await user.type(screen.getByLabelText('Name des Raums'), 'mathe-k3x9q4m7');
        await user.click(screen.getByRole('button', { name: 'Meeting starten' }));
        expect(screen.getByText('Bitte bestätigen Sie alle Punkte.')).toBeInTheDocument();
        expect(FakeExternalApi.instances).toHaveLength(0);
    });

    it('shows an invitation with the link but never the password (R6, R7)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await user.type(screen.getByLabelText('Name des Raums'), 'Mathe 7b');
        const password = screen.getByLabelText<HTMLInputElement>('Passwort für dieses Meeting').value;
        const card = screen.getByRole('region', { name: 'Einladung für die Klasse' });

        expect(card).toHaveTextContent('http://localhost/beitreten?room=mathe-7b');
        expect(card).toHaveTextContent('Kamera und Mikrofon können ausgeschaltet bleiben.');
        expect(card).not.toHaveTextContent(password);
        expect(card).toHaveTextContent('Das Passwort steht nicht in der Einladung.');
    });
});

describe('teacher: a room someone else has locked', () => {
    it('says so in words for a teacher, not the student’s "ask your teacher"', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        api.room.password = 'ein-anderes-Passwort-1';
        act(() => api.join({ role: 'moderator' }));
        expect(
            await screen.findByText('Dieser Raum ist schon mit einem anderen Passwort geschützt.'),
        ).toBeInTheDocument();
        expect(screen.queryByText(/Frag deine Lehrkraft/)).not.toBeInTheDocument();
        expect(screen.queryByText('Das Passwort stimmt nicht.')).not.toBeInTheDocument();
    });
});

describe('teacher: in the meeting', () => {
    it('embeds Jitsi with the hardened config, the chosen name and no e-mail', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await user.type(screen.getByLabelText('Ihr Name im Meeting (freiwillig)'), 'Frau M.');
        await startMeeting(user);
        const { domain, options } = FakeExternalApi.latest();

        expect(domain).toBe('meet.example.org');
        expect(options.roomName).toBe('mathe-7b-uebung-k3x9q4m7');
        expect(options.userInfo).toEqual({ displayName: 'Frau M.', email: '' });
        expect(options.configOverwrite).toMatchObject({
            localRecording: { disable: true },
            recordingService: { enabled: false },
            startWithAudioMuted: true,
            startWithVideoMuted: true,
            buttonsWithNotifyClick: expect.arrayContaining([...HANGUP_KEYS]) as unknown,
        });
    });

    it('on a deployment without a secure domain: says why the room is open, and locks once the role passes to her', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const password = await startMeeting(user);
        const api = FakeExternalApi.latest();

        // Stock Jicofo: whoever comes first is moderator, here a student who found the room.
        api.model.secureDomain = false;
        act(() => api.addRemote('early', 'Frühe Eule'));
        act(() => api.join({ as: 'teacher' }));
        expect(await screen.findByText(/Jitsi hat Sie nicht zum Moderator gemacht/)).toBeInTheDocument();
        expect(api.sent('password')).toEqual([]);
        // The student leaves; Jicofo elects the teacher, and the portal locks at once.
        act(() => api.removeRemote('early'));
        await waitFor(() => expect(api.room.password).toBe(password));
        expect(await screen.findByText('Passwortschutz aktiv')).toBeInTheDocument();
    });

    it('is back in the lesson after a dropped connection and jitsi-meet reloading its page', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const password = await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        await waitFor(() => expect(api.room.password).toBe(password));
        act(() => api.addRemote('s1', 'Eule'));
        act(() => api.model.dropConnections(api.options.roomName));
        expect(await screen.findByText(/Die Verbindung zum Meeting ist unterbrochen/)).toBeInTheDocument();
        act(() => api.reloadPage());
        expect(screen.queryByText('Das Meeting ist beendet.')).not.toBeInTheDocument();
        // Back on the prejoin screen: the room is still locked, and the prepared password gets her in.
        act(() => api.join({ role: 'moderator' }));
        expect(api.sent('password').at(-1)).toEqual([password]);
        expect(await screen.findByText('Passwortschutz aktiv')).toBeInTheDocument();
        expect(screen.getByText('1 weitere Teilnehmende')).toBeInTheDocument();
        expect(screen.queryByText(/Die Verbindung zum Meeting ist unterbrochen/)).not.toBeInTheDocument();
        expect(screen.queryByText('Das Passwort stimmt nicht.')).not.toBeInTheDocument();
        expect(FakeExternalApi.instances).toHaveLength(1);
    });

    it('locks the room with the password as soon as it is moderator, and says so (R6)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const password = await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'participant' }));
        expect(
            screen.getByText(/^Passwortschutz noch nicht gesetzt: Jitsi hat Sie nicht zum Moderator gemacht/),
        ).toBeInTheDocument();
        expect(api.sent('password')).toEqual([]);
        act(() => api.setLocalRole('moderator'));
        await waitFor(() => expect(api.sent('password')).toEqual([[password]]));
        expect(api.room.password).toBe(password);
        expect(await screen.findByText('Passwortschutz aktiv')).toBeInTheDocument();
        // What the policy did, for the teacher who wants to know, in her words.
        const summary = screen.getByText(/Was die Schulrichtlinie in diesem Meeting getan hat \(\d+\)/);

        await user.click(summary);
        const log = within(summary.closest('details') as HTMLElement);

        expect(log.getByText('Raum mit dem Passwort gesperrt')).toBeVisible();
        expect(log.getByText('Meeting betreten')).toBeVisible();
    });

    it('flags who was inside before the lock, and removes or keeps them one by one', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        api.addRemote('early-1', 'Frühe Eule');
        api.addRemote('early-2', '');
        act(() => api.join({ role: 'moderator' }));
        const list = await screen.findByRole('region', {
            name: '2 Personen waren schon vor dem Passwortschutz im Raum',
        });

        expect(within(list).getByText('Frühe Eule')).toBeInTheDocument();
        expect(within(list).getByText('ohne Namen')).toBeInTheDocument();
        await user.click(within(list).getByRole('button', { name: 'Frühe Eule entfernen' }));
        await waitFor(() => expect(api.room.kicked).toEqual(['early-1']));
        await user.click(screen.getByRole('button', { name: 'ohne Namen behalten' }));
        expect(screen.queryByRole('region', { name: /vor dem Passwortschutz/ })).not.toBeInTheDocument();
    });

    it('lists a student who was already inside when the teacher joined (let in after Jicofo opened the room)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();
        const room = api.options.roomName;

        // A stock server (no school module): the student waits for the host; Jicofo opens the room
        // for the teacher's conference request, and the student's retry comes before her own join.
        api.model.schoolModule = false;
        api.model.join(room, { name: 'Schnelle Schnecke', asTeacher: false });
        api.model.openedForTeacher(room);
        api.model.retryWaiting(room);
        expect(api.model.snapshot(room).participants[0]?.state).toBe('joined');
        act(() => api.join({ role: 'moderator' }));
        const list = await screen.findByRole('region', { name: '1 Person war schon vor dem Passwortschutz im Raum' });

        expect(within(list).getByText('Schnelle Schnecke')).toBeInTheDocument();
        expect(screen.getByText('1 weitere Teilnehmende')).toBeInTheDocument();
    });

    it('lists a student who waited for the host and came in while the lock was on its way; "protected" only once reviewed', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });
        const password = await startMeeting(user);
        const api = FakeExternalApi.latest();
        const room = api.options.roomName;

        // A stock server (no school module): a student waits for the host in the secure domain ...
        api.model.schoolModule = false;
        api.model.join(room, { name: 'Wartende Wölfin', asTeacher: false });
        expect(api.model.snapshot(room).participants[0]?.state).toBe('waiting');
        // ... and its wait-for-owner retry comes the moment the teacher arrives, before her lock
        // reaches the server: it is let in.
        api.holdCommands();
        act(() => api.join({ role: 'moderator' }));
        expect(api.sent('password')).toEqual([[password]]);
        act(() => api.model.retryWaiting(room));
        act(() => api.deliverCommands());
        expect(api.room.password).toBe(password);
        const list = await screen.findByRole('region', { name: '1 Person war schon vor dem Passwortschutz im Raum' });

        expect(within(list).getByText('Wartende Wölfin')).toBeInTheDocument();
        expect(
            screen.getByText('Passwortschutz aktiv – aber 1 Person kam vorher ohne Passwort herein (siehe unten)'),
        ).toBeInTheDocument();
        expect(screen.queryByText('Passwortschutz aktiv')).not.toBeInTheDocument();
        await user.click(within(list).getByRole('button', { name: 'Wartende Wölfin behalten' }));
        expect(await screen.findByText('Passwortschutz aktiv')).toBeInTheDocument();
    });

    it('asks for a password it cannot dismiss when none was prepared', async () => {
        const { user, store } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        // E.g. the page was reloaded: the meeting state has no password any more.
        act(() => {
            store.dispatch({
                type: 'schoolPolicy/meetingJoinRequested',
                payload: { room: 'mathe-7b-uebung-k3x9q4m7' },
            });
            api.join({ role: 'moderator' });
        });
        const dialog = await screen.findByRole('dialog', { name: 'Passwort festlegen' });
        // This dialog never shows in the portal's browser journeys (they always bring a password),
        // so axe checks it here; jsdom cannot judge colour contrast, the rest it can.
        const { violations } = await axe.run(dialog, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });

        expect(violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)).toEqual([]);
        expect(within(dialog).getByRole('textbox', { name: 'Passwort' })).toHaveFocus();

        await user.keyboard('{Escape}');
        expect(dialog).toBeInTheDocument();
        const input = within(dialog).getByLabelText('Passwort');

        await user.clear(input);
        await user.type(input, 'Neues-Passwort-123');
        await user.click(within(dialog).getByRole('button', { name: 'Passwort setzen' }));
        await waitFor(() => expect(api.room.password).toBe('Neues-Passwort-123'));
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('stops a recording someone else starts and shows a notice (R9)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        act(() => api.startRecordingByOther('file'));
        await waitFor(() => expect(api.sent('stopRecording')).toEqual([['file']]));
        expect(
            await screen.findByText('Eine Aufnahme wurde gestartet und sofort beendet. Aufnahmen sind verboten.'),
        ).toBeInTheDocument();
        await waitFor(() => expect(api.room.chat.join()).toContain('Aufnahmen sind in diesem Meeting verboten'));
        // A second attempt: the same notice once, counted, not a second copy.
        act(() => api.startRecordingByOther('file'));
        await waitFor(() => expect(api.sent('stopRecording')).toHaveLength(2));
        expect(await screen.findByText('(2-mal)')).toBeInTheDocument();
        expect(
            screen.getAllByText('Eine Aufnahme wurde gestartet und sofort beendet. Aufnahmen sind verboten.'),
        ).toHaveLength(1);
    });

    it('stays calm when a recording fails to start, as jitsi-meet reports it (no stop, no notice)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        act(() => api.model.recordingFailed(api.options.roomName, 'stream', 'service-unavailable'));
        await act(() => Promise.resolve());
        expect(api.sent('stopRecording')).toEqual([]);
        expect(screen.queryByText(/Aufnahme wurde gestartet/)).not.toBeInTheDocument();
        // A real start right after is still stopped.
        act(() => api.startRecordingByOther('file'));
        await waitFor(() => expect(api.sent('stopRecording')).toEqual([['file']]));
    });

    it.each(HANGUP_KEYS)(
        'holds the last teacher back on "%s", removes everyone on request, then leaves (R8)',
        async key => {
            const { user } = renderPortal({ path: '/lehrkraft' });

            await startMeeting(user);
            const api = FakeExternalApi.latest();

            act(() => api.join({ role: 'moderator' }));
            act(() => ['Anna', 'Ben', 'Cem'].forEach((name, i) => api.addRemote(`s${i}`, `Schüler ${name}`)));
            act(() => api.clickToolbar(key));
            const dialog = await screen.findByRole('dialog', { name: 'Meeting verlassen' });

            expect(dialog).toHaveTextContent('Es sind noch 3 Teilnehmende im Raum.');
            expect(within(dialog).getByText('Schüler Cem')).toBeInTheDocument();
            expect(api.sent('hangup')).toEqual([]);
            await user.click(within(dialog).getByRole('button', { name: 'Alle entfernen und beenden' }));
            await waitFor(() => expect(api.sent('hangup')).toHaveLength(1));
            expect(api.room.kicked.sort()).toEqual(['s0', 's1', 's2']);
            expect(await screen.findByRole('heading', { name: 'Das Meeting ist beendet.' })).toBeInTheDocument();
            expect(screen.getByRole('link', { name: 'Dieses Gerät bereinigen' })).toBeInTheDocument();
        },
    );

    it('asks everyone to leave, or ends for all, from the same dialog', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        act(() => api.addRemote('s1', 'Eule'));
        act(() => api.clickToolbar('hangup'));
        await user.click(await screen.findByRole('button', { name: 'Alle bitten zu gehen' }));
        expect(await screen.findByText(/Alle wurden gebeten zu gehen/)).toBeInTheDocument();
        expect(api.room.chat).toContain(
            'Die Stunde ist zu Ende. Bitte verlasse jetzt das Meeting. / The lesson is over. Please leave the meeting now.',
        );
        await user.click(screen.getByRole('button', { name: 'Für alle beenden' }));
        await waitFor(() => expect(api.room.endedForAll).toBe(true));
        expect(await screen.findByText('Das Meeting wurde für alle beendet.')).toBeInTheDocument();
    });

    it('returns focus after "Abbrechen" and keeps the meeting', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        act(() => api.addRemote('s1', 'Eule'));
        act(() => api.clickToolbar('hangup-menu'));
        const dialog = await screen.findByRole('dialog');

        expect(within(dialog).getByRole('button', { name: 'Alle bitten zu gehen' })).toHaveFocus();
        await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
        expect(api.sent('hangup')).toEqual([]);
    });

    it('warns before the tab is closed while students remain (R8)', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.join({ role: 'moderator' }));
        const before = new Event('beforeunload', { cancelable: true });

        window.dispatchEvent(before);
        expect(before.defaultPrevented).toBe(false);
        act(() => api.addRemote('s1', 'Eule'));
        const during = new Event('beforeunload', { cancelable: true });

        window.dispatchEvent(during);
        expect(during.defaultPrevented).toBe(true);
    });

    it('shows a refused join as a failure to the teacher, not as "not open yet"', async () => {
        const { user } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        act(() => api.emit('errorOccurred', { error: { name: 'conference.connectionError', params: [] } }));
        expect(
            await screen.findByText('Die Verbindung zum Meeting ist fehlgeschlagen (conference.connectionError).'),
        ).toBeInTheDocument();
        expect(screen.queryByText('Die Lehrkraft hat den Raum noch nicht geöffnet.')).not.toBeInTheDocument();
    });

    it('disposes the IFrame API when the meeting view goes', async () => {
        const { user, unmount } = renderPortal({ path: '/lehrkraft' });

        await startMeeting(user);
        const api = FakeExternalApi.latest();

        unmount();
        expect(api.disposed).toBe(true);
    });
});
