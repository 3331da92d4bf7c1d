/**
 * The policy core end to end: a real store, the real reducer and listeners, and a fake host that
 * records what the policy asked of it.
 */
import { waitFor } from '@testing-library/react';

import { policyActions as a, selectJoinedBeforeLock, selectRemovalProgress } from '../../react/features/school-policy';
import { FakeHost } from '../support/fakeHost';
import { makePolicyTestStore } from '../support/policyStore';

const PASSWORD = 'Igel-Kerze-Hafen-40817';

/** A teacher who prepared a password and joined; remote students as given. */
function teacherInMeeting(students: string[] = [], options: { role?: 'moderator' | 'participant' } = {}) {
    const host = new FakeHost();
    const harness = makePolicyTestStore(host);
    const { store } = harness;

    store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b', password: PASSWORD }));
    host.join(options.role ?? 'moderator', students);
    store.dispatch(a.meetingJoined({ localId: 'teacher', room: 'mathe-7b' }));
    students.forEach((id, i) => store.dispatch(a.participantJoined({ id, name: `Schüler ${i + 1}` })));

    return harness;
}

async function lockedMeeting(students: string[]) {
    const harness = teacherInMeeting(students);

    harness.store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
    await waitFor(() => expect(harness.policy().lock.kind).toBe('locked'));

    return harness;
}

describe('locking the room (R6)', () => {
    it('locks at once with the prepared password when we become moderator', async () => {
        const { store, host, policy } = teacherInMeeting();

        expect(host.commands()).toEqual([]);
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock).toEqual({ kind: 'locked' }));
        expect(host.lockedWith).toBe(PASSWORD);
        expect(host.commands()).toEqual(['lock']);
        expect(policy().log.map(entry => entry.event)).toContain('locked');
    });

    it('locks when the join already reports the moderator role', async () => {
        const host = new FakeHost();
        const { store, policy } = makePolicyTestStore(host);

        store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b', password: PASSWORD }));
        host.join('moderator');
        store.dispatch(a.meetingJoined({ localId: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock.kind).toBe('locked'));
        expect(policy().phase).toEqual({ kind: 'joined', room: 'mathe-7b' });
    });

    it('locks when the role event arrives before the join event', async () => {
        const host = new FakeHost();
        const { store, policy } = makePolicyTestStore(host);

        store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b', password: PASSWORD }));
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        expect(host.commands()).toEqual([]);
        host.join('moderator');
        store.dispatch(a.meetingJoined({ localId: 'teacher' }));
        await waitFor(() => expect(host.lockedWith).toBe(PASSWORD));
        expect(policy().local).toEqual({ id: 'teacher', role: 'moderator' });
    });

    it('asks for a password before anything else when none was prepared', async () => {
        const host = new FakeHost();
        const { store, policy } = makePolicyTestStore(host);

        store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b' }));
        host.join('moderator');
        store.dispatch(a.meetingJoined({ localId: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock).toEqual({ kind: 'passwordNeeded' }));
        expect(host.commands()).toEqual([]);

        store.dispatch(a.passwordProvided({ password: PASSWORD }));
        await waitFor(() => expect(policy().lock.kind).toBe('locked'));
        expect(host.lockedWith).toBe(PASSWORD);
    });

    it('flags everyone who came in before the lock, and nobody after', async () => {
        const { store, policy } = await lockedMeeting(['early-1', 'early-2']);

        store.dispatch(a.participantJoined({ id: 'late', name: 'Flinke Eule' }));
        expect(selectJoinedBeforeLock(policy()).map(p => p.id)).toEqual(['early-1', 'early-2']);

        store.dispatch(a.participantReviewed({ id: 'early-1' }));
        expect(selectJoinedBeforeLock(policy()).map(p => p.id)).toEqual(['early-2']);
    });

    it('removes one flagged participant on the teacher’s choice', async () => {
        const { store, host, policy } = await lockedMeeting(['early-1', 'early-2']);

        store.dispatch(a.participantRemovalChosen({ id: 'early-2' }));
        await waitFor(() => expect(Object.keys(policy().participants)).toEqual(['early-1']));
        expect(host.kicked).toEqual(['early-2']);
    });

    it('shows a notice when the lock is refused', async () => {
        const { store, host, policy } = teacherInMeeting([], { role: 'participant' });

        // The store believes we are moderator, the server does not: the host refuses.
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock).toEqual({ kind: 'failed', code: 'notModerator' }));
        expect(host.lockedWith).toBeNull();
        expect(policy().notices.map(n => n.key)).toEqual(['lock.notModerator']);
    });

    it('gives up on a lock that never answers instead of waiting forever', async () => {
        const { store, host, policy } = teacherInMeeting();

        host.hang.add('lock');
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock).toEqual({ kind: 'failed', code: 'timeout' }));
        expect(policy().notices.map(n => n.key)).toEqual(['lock.failed']);
    });

    it('never tries to lock as a plain participant', async () => {
        const { store, host, policy } = teacherInMeeting(['student-1'], { role: 'participant' });

        store.dispatch(a.roleChanged({ id: 'teacher', role: 'participant' }));
        store.dispatch(a.recordingStatusChanged({ on: false }));
        await waitFor(() => expect(policy().phase.kind).toBe('joined'));
        expect(host.commands()).toEqual([]);
        expect(policy().lock).toEqual({ kind: 'unknown' });
    });

    it('locks again when the password is observed to be removed', async () => {
        const { store, host } = await lockedMeeting([]);

        store.dispatch(a.lockStateObserved({ locked: false }));
        await waitFor(() => expect(host.commands()).toEqual(['lock', 'lock']));
    });

    it('forgets the password when the meeting ends, so the next start needs a new one', async () => {
        const { store, host, policy } = await lockedMeeting([]);

        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(policy().password).toBeNull();

        store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b' }));
        host.join('moderator');
        store.dispatch(a.meetingJoined({ localId: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().lock.kind).toBe('passwordNeeded'));
    });
});

describe('recordings (R9)', () => {
    it('stops a recording that is reported on, tells everyone and shows a notice', async () => {
        const { store, host, policy } = await lockedMeeting(['student-1']);

        store.dispatch(a.recordingStatusChanged({ on: true, mode: 'file' }));
        await waitFor(() => expect(policy().recording).toEqual({ kind: 'off' }));
        expect(host.stopped).toEqual(['file']);
        await waitFor(() => expect(host.messages).toHaveLength(1));
        expect(host.messages[0]).toContain('Aufnahmen sind in diesem Meeting verboten');
        expect(host.messages[0]).toContain('Recordings are prohibited');
        expect(policy().notices.map(n => n.key)).toContain('recording.stopped');
        expect(policy().log.map(e => e.event)).toEqual(
            expect.arrayContaining(['recordingDetected', 'recordingStopped']),
        );
    });

    it('tries every mode when the report does not say which', async () => {
        const { store, host, policy } = await lockedMeeting([]);

        store.dispatch(a.recordingStatusChanged({ on: true }));
        await waitFor(() => expect(policy().recording.kind).toBe('off'));
        expect(host.stopped).toEqual(['file', 'stream', 'local']);
    });

    it('says so when the recording cannot be stopped', async () => {
        const { store, host, policy } = await lockedMeeting([]);

        host.failNext.set('stopRecording', 'rejected');
        store.dispatch(a.recordingStatusChanged({ on: true, mode: 'stream' }));
        await waitFor(() => expect(policy().recording).toEqual({ kind: 'stopFailed', modes: ['stream'] }));
        expect(policy().notices.map(n => n.key)).toContain('recording.stopFailed');
    });
});

describe('recordings that could not be stopped (R9)', () => {
    it('are stopped as soon as we are moderator again', async () => {
        const { store, host, policy } = await lockedMeeting(['student-1']);

        store.dispatch(a.roleChanged({ id: 'teacher', role: 'participant' }));
        host.failNext.set('stopRecording', 'notModerator');
        store.dispatch(a.recordingStatusChanged({ on: true, mode: 'file' }));
        await waitFor(() => expect(policy().recording.kind).toBe('stopFailed'));
        expect(host.stopped).toEqual([]);
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        await waitFor(() => expect(policy().recording).toEqual({ kind: 'off' }));
        expect(host.stopped).toEqual(['file']);
        expect(policy().notices.map(n => n.key)).toContain('recording.stopped');
    });
});

describe('notices', () => {
    it('shows the same notice once, with how often it came', async () => {
        const { store, policy } = await lockedMeeting(['student-1']);

        for (let i = 0; i < 3; i += 1) {
            store.dispatch(a.recordingStatusChanged({ on: true, mode: 'file' }));
            await waitFor(() => expect(policy().recording).toEqual({ kind: 'off' }));
        }
        const stopped = policy().notices.filter(n => n.key === 'recording.stopped');

        expect(stopped).toHaveLength(1);
        expect(stopped[0]?.count).toBe(3);
        store.dispatch(a.noticeDismissed({ id: stopped[0]?.id ?? -1 }));
        store.dispatch(a.recordingStatusChanged({ on: true, mode: 'file' }));
        await waitFor(() => expect(policy().notices.filter(n => n.key === 'recording.stopped')).toHaveLength(1));
        expect(policy().notices.find(n => n.key === 'recording.stopped')?.count).toBeUndefined();
    });
});

describe('a student’s session never acts as the teacher', () => {
    /** A student who joined with the room password; Jitsi may still make her moderator. */
    function studentInMeeting(others: string[]) {
        const host = new FakeHost();
        const harness = makePolicyTestStore(host);

        harness.store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b', password: PASSWORD, teaching: false }));
        host.join('moderator', others);
        harness.store.dispatch(a.meetingJoined({ localId: 'student', room: 'mathe-7b' }));
        others.forEach(id => harness.store.dispatch(a.participantJoined({ id, name: id })));

        return harness;
    }

    it('does not lock, review, remove or hold back leaving, even as moderator', async () => {
        const { store, host, policy } = studentInMeeting(['other-student']);

        store.dispatch(a.roleChanged({ id: 'student', role: 'moderator' }));
        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(host.commands()).toContain('leave'));
        expect(host.commands()).not.toContain('lock');
        expect(host.commands()).not.toContain('kick');
        expect(host.commands()).not.toContain('endForAll');
        expect(policy().lock.kind).not.toBe('passwordNeeded');
        expect(selectJoinedBeforeLock(policy())).toEqual([]);
    });

    it('is not told that a moderator role was lost', () => {
        const { store, policy } = studentInMeeting([]);

        store.dispatch(a.roleChanged({ id: 'student', role: 'moderator' }));
        store.dispatch(a.roleChanged({ id: 'student', role: 'participant' }));
        expect(policy().notices.map(n => n.key)).not.toContain('moderator.lost');
    });
});

describe('leaving last (R8)', () => {
    it('does not leave while students remain, and says how many', async () => {
        const { store, host, policy } = await lockedMeeting(['s1', 's2', 's3']);

        store.dispatch(a.hangupRequested());
        expect(policy().phase).toEqual({ kind: 'leaveBlocked', room: 'mathe-7b', step: { kind: 'choosing' } });
        expect(policy().log.at(-1)).toMatchObject({ event: 'leaveBlocked', detail: '3' });
        expect(host.commands()).not.toContain('leave');

        store.dispatch(a.leaveCancelled());
        expect(policy().phase).toEqual({ kind: 'joined', room: 'mathe-7b' });
    });

    it('leaves at once from an empty room', async () => {
        const { store, host, policy } = await lockedMeeting([]);

        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase).toEqual({ kind: 'left', room: 'mathe-7b', reason: 'hangup' }));
        expect(host.left).toBe(true);
    });

    it('lets a moderator go when another moderator stays', async () => {
        const { store, host, policy } = await lockedMeeting(['co-teacher', 's1']);

        store.dispatch(a.roleChanged({ id: 'co-teacher', role: 'moderator' }));
        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(host.left).toBe(true);
    });

    it('asks everyone to leave, then leaves when the last one has gone', async () => {
        const { store, host, policy } = await lockedMeeting(['s1', 's2']);

        store.dispatch(a.hangupRequested());
        store.dispatch(a.askAllToLeaveChosen());
        await waitFor(() => expect(policy().phase).toMatchObject({ step: { kind: 'askedToLeave' } }));
        expect(host.messages).toEqual([
            'Die Stunde ist zu Ende. Bitte verlasse jetzt das Meeting. / The lesson is over. Please leave the meeting now.',
        ]);
        expect(host.left).toBe(false);

        store.dispatch(a.participantLeft({ id: 's1' }));
        expect(policy().phase.kind).toBe('leaveBlocked');
        store.dispatch(a.participantLeft({ id: 's2' }));
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(host.left).toBe(true);
    });

    it('removes everyone, counts the progress, then leaves', async () => {
        const { store, host, policy } = await lockedMeeting(['s1', 's2', 's3']);
        const progress: string[] = [];

        store.subscribe(() => {
            const removal = selectRemovalProgress(policy());

            if (removal) {
                progress.push(`${removal.removed}/${removal.total}`);
            }
        });
        store.dispatch(a.hangupRequested());
        store.dispatch(a.removeAllChosen());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(host.kicked.sort()).toEqual(['s1', 's2', 's3']);
        expect(progress).toEqual(expect.arrayContaining(['0/3', '1/3', '2/3']));
        expect(host.commands().at(-1)).toBe('leave');
    });

    it('reports who could not be removed after a bounded wait, and stays', async () => {
        const { store, host, policy } = await lockedMeeting(['s1', 'stuck']);

        host.unkickable.add('stuck');
        store.dispatch(a.hangupRequested());
        store.dispatch(a.removeAllChosen());
        await waitFor(() =>
            expect(policy().phase).toMatchObject({
                kind: 'leaveBlocked',
                step: { kind: 'removalIncomplete', failed: 1 },
            }),
        );
        expect(host.left).toBe(false);
        expect(policy().notices.at(-1)).toMatchObject({ key: 'leave.removalIncomplete', params: { count: 1 } });
        expect(policy().log.map(e => e.event)).toContain('removalFailed');
    });

    it('does not leave if kicked participants never actually go', async () => {
        const { store, host, policy } = await lockedMeeting(['s1']);

        host.kickedParticipantsLeave = false;
        store.dispatch(a.hangupRequested());
        store.dispatch(a.removeAllChosen());
        await waitFor(() => expect(policy().phase).toMatchObject({ step: { kind: 'removalIncomplete', failed: 1 } }));
        expect(host.left).toBe(false);
    });

    it('ends the meeting for everyone', async () => {
        const { store, host, policy } = await lockedMeeting(['s1', 's2']);

        store.dispatch(a.hangupRequested());
        store.dispatch(a.endForAllChosen());
        await waitFor(() => expect(policy().phase).toEqual({ kind: 'left', room: 'mathe-7b', reason: 'ended' }));
        expect(host.endedForAll).toBe(true);
    });

    it('stays and says so when ending for everyone fails', async () => {
        const { store, host, policy } = await lockedMeeting(['s1']);

        host.failNext.set('endForAll', 'rejected');
        store.dispatch(a.hangupRequested());
        store.dispatch(a.endForAllChosen());
        await waitFor(() => expect(policy().phase).toMatchObject({ step: { kind: 'endFailed' } }));
        expect(policy().notices.map(n => n.key)).toContain('leave.endFailed');
        expect(host.left).toBe(false);
    });

    it('lets the teacher go, with a notice, when the moderator role is lost mid-meeting', async () => {
        const { store, host, policy } = await lockedMeeting(['s1']);

        store.dispatch(a.hangupRequested());
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'participant' }));
        expect(policy().phase.kind).toBe('joined');
        expect(policy().notices.map(n => n.key)).toContain('moderator.lost');

        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(host.left).toBe(true);
    });

    it('does not wait forever for the host to confirm the leave', async () => {
        const { store, host, policy } = await lockedMeeting([]);

        host.hang.add('leave');
        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase).toMatchObject({ kind: 'left', reason: 'unconfirmed' }));
    });
});

describe('the room not open yet (R6 on the server)', () => {
    /** A student refused by mod_school_policy; the countdown runs on jest's clock. */
    function refusedStudent(seconds: number) {
        jest.useFakeTimers();
        const harness = makePolicyTestStore(new FakeHost());
        harness.store.dispatch(a.meetingJoinRequested({ room: 'mathe-7b', password: PASSWORD, teaching: false }));
        harness.store.dispatch(a.joinRefusedAsNotOpen({ seconds }));

        return { ...harness, retried: () => harness.policy().log.some(e => e.event === 'retriedAfterNotOpen') };
    }

    afterEach(() => jest.useRealTimers());

    it('counts the seconds down in the state, then says it is time to try again', async () => {
        const { policy, retried } = refusedStudent(3);

        expect(policy().notOpenRetry).toEqual({ secondsLeft: 3 });
        await jest.advanceTimersByTimeAsync(1000);
        expect(policy().notOpenRetry).toEqual({ secondsLeft: 2 });
        await jest.advanceTimersByTimeAsync(1000);
        expect(retried()).toBe(false);
        await jest.advanceTimersByTimeAsync(1000);
        expect(policy().notOpenRetry).toBeNull();
        expect(retried()).toBe(true);
    });

    it('tries at once when the student chooses to, and a second refusal does not restart the count', async () => {
        const { store, policy, retried } = refusedStudent(15);

        await jest.advanceTimersByTimeAsync(2000);
        store.dispatch(a.joinRefusedAsNotOpen({ seconds: 15 }));
        expect(policy().notOpenRetry).toEqual({ secondsLeft: 13 });
        store.dispatch(a.notOpenRetryChosen());
        await jest.advanceTimersByTimeAsync(0);
        expect(policy().notOpenRetry).toBeNull();
        expect(retried()).toBe(true);
    });

    it('stops quietly when the meeting is left behind (back to the start)', async () => {
        const { store, policy, retried } = refusedStudent(5);

        await jest.advanceTimersByTimeAsync(1000);
        store.dispatch(a.policyReset());
        await jest.advanceTimersByTimeAsync(10000);
        expect(policy().notOpenRetry).toBeNull();
        expect(retried()).toBe(false);
        expect(policy().log).toEqual([]);
    });
});

describe('odd events', () => {
    it('ignores unknown departures and fills missing fields', async () => {
        const { store, policy } = await lockedMeeting(['s1']);

        store.dispatch(a.participantLeft({ id: 'never-seen' }));
        store.dispatch(a.participantJoined({ id: 'anon' }));
        store.dispatch(a.participantJoined({ id: 'rude', name: '\u202eIch bin die Lehrerin\u0007' }));
        expect(Object.keys(policy().participants)).toEqual(['s1', 'anon', 'rude']);
        expect(policy().participants.anon).toEqual({
            id: 'anon',
            name: null,
            role: 'participant',
            joinedBeforeLock: false,
        });
        expect(policy().participants.rude?.name).toBe('Ich bin die Lehrerin');
    });

    it('applies a remote role that arrived before the participant', async () => {
        const { store, policy } = await lockedMeeting([]);

        store.dispatch(a.roleChanged({ id: 'co-teacher', role: 'moderator' }));
        store.dispatch(a.participantJoined({ id: 'co-teacher', name: 'Frau M.' }));
        expect(policy().participants['co-teacher']?.role).toBe('moderator');
    });

    it('ignores events after the meeting has ended', async () => {
        const { store, policy } = await lockedMeeting([]);

        store.dispatch(a.hangupRequested());
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        store.dispatch(a.participantJoined({ id: 'ghost' }));
        store.dispatch(a.hangupRequested());
        expect(policy().participants).toEqual({});
        expect(policy().phase.kind).toBe('left');
    });

    it('stops reacting once the listeners are removed', async () => {
        const { store, host, policy, unsubscribe } = teacherInMeeting();

        unsubscribe();
        store.dispatch(a.roleChanged({ id: 'teacher', role: 'moderator' }));
        store.dispatch(a.recordingStatusChanged({ on: true, mode: 'file' }));
        expect(policy().local?.role).toBe('moderator');
        await Promise.resolve();
        expect(host.commands()).toEqual([]);
    });
});
