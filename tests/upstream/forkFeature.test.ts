/**
 * The school-policy feature as the fork build registers it, in a store of jitsi-meet's own reducers
 * (forkStore.ts says which slices are modelled and why), entered in jitsi-meet's action order:
 * config overrides are undone, local recording cannot start, recordings are stopped, becoming
 * moderator locks the room, the hang-up gate holds, and shared devices are cleaned.
 */
import { waitFor } from '@testing-library/react';

import { HANGUP_KEYS, policyActions, selectPolicyDialog } from '../../react/features/school-policy';
import { clearJitsiStorage } from '../../react/features/school-policy/jitsi-meet/storageCleanup';
import { gateHangupCalls } from '../../react/features/school-policy/jitsi-meet/toolbarRouting';
import { LOCAL_ID, forkStore } from './forkStore';

const PASSWORD = 'Igel-Kerze-Hafen-40817';

describe('config hardening in the fork build', () => {
    it.each(['SET_CONFIG', 'UPDATE_CONFIG', 'OVERWRITE_CONFIG'])('undoes a %s that brings recording back', type => {
        const { store, config } = forkStore();

        store.dispatch({ type: 'SET_CONFIG', config: { hosts: { domain: 'meet.example.org' } } });
        store.dispatch({
            type,
            config: {
                localRecording: { disable: false },
                recordingService: { enabled: true },
                liveStreaming: { enabled: true },
                transcription: { enabled: true },
                toolbarButtons: ['microphone', 'recording', 'livestreaming', 'hangup'],
                buttonsWithNotifyClick: [],
            },
        });
        expect(config()).toMatchObject({
            localRecording: { disable: true },
            recordingService: { enabled: false },
            liveStreaming: { enabled: false },
            transcription: { enabled: false },
            buttonsWithNotifyClick: [...HANGUP_KEYS],
        });
        // jitsi-meet merges UPDATE_CONFIG's arrays index by index (lodash merge), so the toolbar is a
        // mix of before and after; whatever it holds, no recording button is among it.
        expect(config().toolbarButtons).toEqual(expect.arrayContaining(['microphone', 'hangup']));
        expect(config().toolbarButtons).not.toEqual(expect.arrayContaining(['recording']));
        expect(config().toolbarButtons).not.toEqual(expect.arrayContaining(['livestreaming']));
    });

    it.each(['UPDATE_CONFIG', 'OVERWRITE_CONFIG'])('keeps what the deployment set when a %s arrives', type => {
        const { store, config } = forkStore();

        store.dispatch({ type: 'SET_CONFIG', config: { hosts: { domain: 'meet.example.org' } } });
        store.dispatch({ type, config: { localRecording: { disable: false } } });
        expect(config()).toMatchObject({ hosts: { domain: 'meet.example.org' }, localRecording: { disable: true } });
    });

    it('swallows START_LOCAL_RECORDING quietly: the refusing LocalRecordingManager tells the user once', () => {
        const { store, seen } = forkStore();

        store.dispatch({ type: 'START_LOCAL_RECORDING' });
        expect(seen.map(a => a.type)).not.toContain('START_LOCAL_RECORDING');
        // jitsi-meet's recording middleware is the outer one and calls the manager anyway, whose
        // refusal notifies (tests/upstream/localRecording.test.ts): a second notice here would be twice.
        expect(seen.map(a => a.type)).not.toContain('SHOW_NOTIFICATION');
    });
});

describe('the meeting in the fork build', () => {
    it('locks with the prepared password when moderator, and flags who came before', async () => {
        const { store, conference, join, policy, seen } = forkStore();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('participant', ['early']);
        expect(conference.lockedWith).toBeNull();
        conference.moderator = true;
        store.dispatch({ type: 'PARTICIPANT_ROLE_CHANGED', participant: { id: LOCAL_ID, role: 'moderator' } });
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
        // jitsi-meet's own state hears of it as from its setPassword thunk (its security dialog).
        await waitFor(() =>
            expect(seen.find(a => a.type === 'SET_PASSWORD')).toMatchObject({ conference, password: PASSWORD }),
        );
        // eslint-disable-next-line @typescript-eslint/unbound-method -- jitsi-meet compares the function itself
        expect(seen.find(a => a.type === 'SET_PASSWORD')?.method).toBe(conference.lock);
        store.dispatch({ type: 'LOCK_STATE_CHANGED', locked: true });
        expect(policy().lock).toEqual({ kind: 'locked' });
        expect(policy().participants.early?.joinedBeforeLock).toBe(true);
    });

    it('counts those already inside, whom jitsi-meet announces before its own CONFERENCE_JOINED', () => {
        const { store, conference, feature, policy } = forkStore();

        store.dispatch({ type: 'CONFERENCE_WILL_JOIN', conference });
        store.dispatch({
            type: 'PARTICIPANT_JOINED',
            participant: { id: 's1', name: 'Mutige Eule', role: 'participant' },
        });
        conference.moderator = true;
        store.dispatch({ type: 'CONFERENCE_JOINED', conference });

        expect(Object.keys(policy().participants)).toEqual(['s1']);
        feature.routeToolbarClick('hangup', action => store.dispatch(action));
        expect(policy().phase.kind).toBe('leaveBlocked');
    });

    it('asks a teacher back in a locked room (password typed at join) for no new password, and flags nobody', async () => {
        const { store, conference, policy } = forkStore();

        store.dispatch({ type: 'CONFERENCE_WILL_JOIN', conference });
        // eslint-disable-next-line @typescript-eslint/unbound-method -- jitsi-meet compares the function itself
        store.dispatch({ type: 'SET_PASSWORD', conference, method: conference.join, password: PASSWORD });
        store.dispatch({
            type: 'PARTICIPANT_JOINED',
            participant: { id: 's1', name: 'Mutige Eule', role: 'participant' },
        });
        conference.moderator = true;
        store.dispatch({ type: 'CONFERENCE_JOINED', conference });

        await waitFor(() => expect(policy().phase.kind).toBe('joined'));
        expect(policy().lock).toEqual({ kind: 'locked' });
        expect(selectPolicyDialog(policy())).toBeNull();
        expect(policy().participants.s1?.joinedBeforeLock).toBe(false);
        expect(conference.lockedWith).toBeNull();
    });

    it('asks for a password that cannot be skipped when none was prepared (the dialog’s state)', async () => {
        const { store, conference, join, policy } = forkStore();

        join('moderator');
        await waitFor(() => expect(policy().lock).toEqual({ kind: 'passwordNeeded' }));
        store.dispatch(policyActions.passwordProvided({ password: PASSWORD }));
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
    });

    it('locks again when someone removes the password', async () => {
        const { store, conference, join } = forkStore();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator');
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
        conference.lockedWith = null;
        store.dispatch({ type: 'LOCK_STATE_CHANGED', locked: false });
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
    });

    it('stops a server recording as soon as its session turns on', async () => {
        const { store, conference, join } = forkStore();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator');
        store.dispatch({ type: 'RECORDING_SESSION_UPDATED', sessionData: { id: 'rec-1', mode: 'file', status: 'on' } });
        await waitFor(() => expect(conference.stoppedSessions).toEqual(['rec-1']));
        await waitFor(() => expect(conference.messages.join()).toContain('Aufnahmen sind in diesem Meeting verboten'));
    });

    it('holds the last moderator back on any hang-up key, then removes everyone and leaves', async () => {
        const { store, conference, join, feature, policy, seen } = forkStore();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator', ['s1', 's2']);
        for (const key of HANGUP_KEYS) {
            expect(feature.routeToolbarClick(key, action => store.dispatch(action))).toBe(true);
            expect(policy().phase.kind).toBe('leaveBlocked');
            store.dispatch(policyActions.leaveCancelled());
        }
        expect(feature.routeToolbarClick('chat', action => store.dispatch(action))).toBe(false);
        expect(seen.map(a => a.type)).not.toContain('CONFERENCE_LEFT');

        feature.routeToolbarClick('hangup', action => store.dispatch(action));
        store.dispatch(policyActions.removeAllChosen());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(conference.kicked.sort()).toEqual(['s1', 's2']);
    });

    it('hands APP.conference.hangup() from the console to the policy, and lets the policy’s own leave through', async () => {
        const { store, conference, join, feature, policy } = forkStore();
        /** Calls that reached jitsi-meet's own hangup. */
        const hangups: unknown[][] = [];
        const appConference = { hangup: (...args: never[]) => void hangups.push(args) };

        gateHangupCalls(appConference, () => feature.takeHangupCall(store));
        // Before the meeting (prejoin screen, a failed join) jitsi-meet's hangup runs as it is.
        appConference.hangup();
        expect(hangups).toHaveLength(1);

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator', ['s1']);
        appConference.hangup();
        expect(hangups).toHaveLength(1);
        expect(policy().phase.kind).toBe('leaveBlocked');

        // Once the room is empty, the same call leaves: through the policy, which uses jitsi-meet's.
        store.dispatch(policyActions.leaveCancelled());
        conference.onKick?.('s1');
        appConference.hangup();
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        appConference.hangup();
        expect(hangups).toHaveLength(2);
    });

    it('clears jitsi-meet’s stored data, the teacher’s login included, when the meeting ends', async () => {
        localStorage.setItem('sessionId', 'teacher-login');
        localStorage.setItem('features/base/settings', JSON.stringify({ displayName: 'Frau M.' }));
        localStorage.setItem('unrelated', 'stays');
        const { store, join, policy } = forkStore({ storage: localStorage });

        join('participant');
        store.dispatch({ type: 'CONFERENCE_LEFT' });
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(localStorage.getItem('sessionId')).toBeNull();
        expect(localStorage.getItem('features/base/settings')).toBeNull();
        expect(localStorage.getItem('unrelated')).toBe('stays');
    });

    it('reports which keys it removed', () => {
        const storage = new Map<string, string>([['jitsiMeetId', 'x']]);

        expect(
            clearJitsiStorage({
                getItem: key => storage.get(key) ?? null,
                removeItem: key => void storage.delete(key),
            }),
        ).toEqual(['jitsiMeetId']);
    });
});

describe('the server’s refusal in the fork build (mod_school_policy)', () => {
    const GUEST = 'x7k2q9@guest.meet.example.org/web-1';
    // What lib-jitsi-meet reports when the server refuses a guest's room join: the reason is dropped.
    const guestRefusal = { type: 'CONFERENCE_FAILED', error: { name: 'conference.connectionError', params: [] } };
    const config = {
        type: 'SET_CONFIG',
        config: { hosts: { domain: 'meet.example.org', anonymousdomain: 'guest.meet.example.org' } },
    };

    it('shows "Die Lehrkraft hat den Raum noch nicht geöffnet" to a student, counting down, then tries again', async () => {
        const { store, seen, policy } = forkStore({ notOpenRetrySeconds: 1, jid: GUEST });

        store.dispatch(config);
        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe' }));
        store.dispatch(guestRefusal);
        expect(seen.find(a => a.type === 'SHOW_NOTIFICATION')).toMatchObject({
            text: expect.stringContaining(
                'Die Lehrkraft hat den Raum noch nicht geöffnet. Neuer Versuch in 1 Sekunde.',
            ) as unknown,
        });
        await waitFor(() => expect(seen.map(a => a.type)).toContain('test/rejoin'), { timeout: 3000 });
        expect(policy().phase.kind).toBe('joining');
    });

    it('recognises the refusal with its reason too, as lib-jitsi-meet reports it to signed-in users', () => {
        const { store, seen } = forkStore({ notOpenRetrySeconds: 1 });

        store.dispatch({
            type: 'CONFERENCE_FAILED',
            error: {
                name: 'conference.connectionError.notAllowed',
                params: ['cancel', 'Der Raum ist noch nicht geöffnet: Die Lehrkraft hat noch kein Passwort gesetzt.'],
            },
        });
        expect(seen.map(a => a.type)).toContain('SHOW_NOTIFICATION');
    });

    it('leaves a teacher’s failed join, and other failures, to jitsi-meet', () => {
        const { store, seen } = forkStore({ notOpenRetrySeconds: 1 });

        store.dispatch(config);
        store.dispatch(guestRefusal);
        store.dispatch({
            type: 'CONFERENCE_FAILED',
            error: { name: 'conference.connectionError.notAllowed', params: ['cancel', 'token expired'] },
        });
        expect(seen.map(a => a.type)).not.toContain('SHOW_NOTIFICATION');
    });
});
