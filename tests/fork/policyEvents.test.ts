/**
 * The fork's translation of jitsi-meet's actions into the core's events, as a table: one row per
 * action jitsi-meet sends (type strings are jitsi-meet's own, checked in tests/upstream).
 */
import { initialPolicyState, policyActions, policyReducer, type PolicyState } from '../../react/features/school-policy';
import { policyEventsFor } from '../../react/features/school-policy/jitsi-meet/policyEvents';
import type { IJitsiMeetState } from '../../react/features/school-policy/jitsi-meet/types';

const conference = { join: () => undefined, lock: () => undefined, isModerator: () => true };
const inMeeting: IJitsiMeetState = {
    'features/base/participants': { local: { id: 'me' } },
    'features/base/conference': { room: 'mathe-7b' },
};
// The core's own states, reached through its reducer.
const joining = policyReducer(initialPolicyState, policyActions.meetingJoinRequested({ room: 'mathe-7b' }));
const joined = policyReducer(joining, policyActions.meetingJoined({ localId: 'me', role: 'moderator' }));

const ROWS: readonly [string, Record<string, unknown>, PolicyState, unknown[]][] = [
    [
        'joining starts before those inside are announced',
        { type: 'CONFERENCE_WILL_JOIN', conference },
        initialPolicyState,
        [policyActions.meetingJoinRequested({ room: 'mathe-7b' })],
    ],
    ['… once', { type: 'CONFERENCE_WILL_JOIN', conference }, joining, []],
    [
        'joined, as moderator',
        { type: 'CONFERENCE_JOINED', conference },
        joining,
        [policyActions.meetingJoined({ localId: 'me', role: 'moderator' })],
    ],
    [
        'a student comes in',
        { type: 'PARTICIPANT_JOINED', participant: { id: 's1', name: 'Flinke Eule', role: 'participant' } },
        joined,
        [policyActions.participantJoined({ id: 's1', name: 'Flinke Eule', role: 'participant' })],
    ],
    [
        'the local participant is not a newcomer',
        { type: 'PARTICIPANT_JOINED', participant: { id: 'me', local: true } },
        joined,
        [],
    ],
    [
        'a student leaves',
        { type: 'PARTICIPANT_LEFT', participant: { id: 's1' } },
        joined,
        [policyActions.participantLeft({ id: 's1' })],
    ],
    [
        'a role changes',
        { type: 'PARTICIPANT_ROLE_CHANGED', participant: { id: 's1', role: 'moderator' } },
        joined,
        [policyActions.roleChanged({ id: 's1', role: 'moderator' })],
    ],
    [
        'the room is locked',
        { type: 'LOCK_STATE_CHANGED', locked: true },
        joined,
        [policyActions.lockStateObserved({ locked: true })],
    ],
    [
        'joining with the password means locked',
        { type: 'SET_PASSWORD', conference, method: conference.join, password: 'geheim' },
        joining,
        [policyActions.lockStateObserved({ locked: true })],
    ],
    [
        'setting a password is not observing a lock',
        { type: 'SET_PASSWORD', conference, method: conference.lock, password: 'x' },
        joined,
        [],
    ],
    [
        'a recording turns on',
        { type: 'RECORDING_SESSION_UPDATED', sessionData: { status: 'pending', mode: 'file' } },
        joined,
        [policyActions.recordingStatusChanged({ on: true, mode: 'file' })],
    ],
    ['hang-up', { type: 'CONFERENCE_LEFT', conference }, joined, [policyActions.meetingLeft({ reason: 'hangup' })]],
    ['removed', { type: 'KICKED_OUT', conference }, joined, [policyActions.meetingLeft({ reason: 'kicked' })]],
    [
        'the meeting fails',
        { type: 'CONFERENCE_FAILED', error: { name: 'x' } },
        joined,
        [policyActions.meetingLeft({ reason: 'ended' })],
    ],
    ['a failure while joining is not an end', { type: 'CONFERENCE_FAILED', error: { name: 'x' } }, joining, []],
    ['anything else', { type: 'SET_AUDIO_MUTED', muted: true }, joined, []],
];

describe('jitsi-meet actions as the core’s events', () => {
    it.each(ROWS)('%s', (_, action, policy, events) => {
        expect(policyEventsFor(action, inMeeting, policy)).toEqual(events);
    });
});
