/**
 * The IFrame API's events as the portal reads them (react/features/portal/iframeEvents.ts), as a table:
 * each row an event as jitsi-meet's page sends it (modules/API/API.js), the facts before it, and what
 * the core and the portal hear. What a teacher notices: the lock follows her role, a student who
 * leaves drops off the list, a dropped connection is not the end of the lesson.
 */
import { policyActions } from '../../react/features/school-policy';
import { NO_MEETING, translateIFrameEvent, type MeetingFacts } from '../../react/features/portal/iframeEvents';
import type { ExternalApiEvent } from '../../react/features/portal/externalApi';
import { portalActions } from '../../react/features/portal/portalSlice';

const IN_MEETING: MeetingFacts = {
    ...NO_MEETING,
    connected: true,
    localId: 'me',
    roles: new Map([['me', 'moderator']]),
    remotes: new Set(['s1']),
};

type Row = [string, ExternalApiEvent, unknown, MeetingFacts, { policy: unknown[]; portal: unknown[] }];

const ROWS: Row[] = [
    [
        'our own join',
        'videoConferenceJoined',
        { id: 'me', roomName: 'mathe-7b' },
        NO_MEETING,
        {
            policy: [policyActions.meetingJoined({ localId: 'me', room: 'mathe-7b' })],
            portal: [portalActions.joinSucceeded()],
        },
    ],
    ['a join without an id', 'videoConferenceJoined', {}, NO_MEETING, { policy: [], portal: [] }],
    [
        'a role',
        'participantRoleChanged',
        { id: 'me', role: 'moderator' },
        NO_MEETING,
        { policy: [policyActions.roleChanged({ id: 'me', role: 'moderator' })], portal: [] },
    ],
    [
        'a role Jitsi does not have',
        'participantRoleChanged',
        { id: 'me', role: 'owner' },
        NO_MEETING,
        { policy: [], portal: [] },
    ],
    [
        'someone already inside, announced before our join',
        'participantJoined',
        { id: 's2', displayName: 'Mutige Eule' },
        NO_MEETING,
        { policy: [policyActions.participantJoined({ id: 's2', name: 'Mutige Eule' })], portal: [] },
    ],
    [
        'someone leaves',
        'participantLeft',
        { id: 's1' },
        IN_MEETING,
        { policy: [policyActions.participantLeft({ id: 's1' })], portal: [] },
    ],
    [
        'we are removed',
        'participantKickedOut',
        { kicked: { id: 'me', local: true } },
        IN_MEETING,
        { policy: [policyActions.meetingLeft({ reason: 'kicked' })], portal: [] },
    ],
    [
        'a student is removed',
        'participantKickedOut',
        { kicked: { id: 's1' } },
        IN_MEETING,
        { policy: [policyActions.participantLeft({ id: 's1' })], portal: [] },
    ],
    [
        'a recording starts',
        'recordingStatusChanged',
        { on: true, mode: 'file' },
        IN_MEETING,
        { policy: [policyActions.recordingStatusChanged({ on: true, mode: 'file' })], portal: [] },
    ],
    ['the page unloads before a join', 'videoConferenceLeft', {}, NO_MEETING, { policy: [], portal: [] }],
    [
        'we hang up',
        'videoConferenceLeft',
        {},
        IN_MEETING,
        { policy: [policyActions.meetingLeft({ reason: 'hangup' })], portal: [] },
    ],
    [
        'a hang-up key',
        'toolbarButtonClicked',
        { key: 'hangup' },
        IN_MEETING,
        { policy: [policyActions.toolbarButtonClicked({ key: 'hangup' })], portal: [] },
    ],
    [
        'a locked room asks',
        'passwordRequired',
        {},
        NO_MEETING,
        { policy: [], portal: [portalActions.joinPasswordRequested()] },
    ],
    [
        'the connection drops in the meeting',
        'errorOccurred',
        { error: { name: 'connection.droppedError', isFatal: true } },
        IN_MEETING,
        { policy: [policyActions.meetingInterrupted()], portal: [portalActions.meetingReconnecting()] },
    ],
    [
        'a join fails',
        'errorOccurred',
        { error: { name: 'conference.passwordRequired', isFatal: false, params: ['x', 3] } },
        NO_MEETING,
        {
            policy: [],
            portal: [
                portalActions.joinErrorOccurred({ name: 'conference.passwordRequired', isFatal: false, texts: ['x'] }),
            ],
        },
    ],
    ['the page answers', 'prejoinScreenLoaded', {}, NO_MEETING, { policy: [], portal: [] }],
];

describe('the IFrame API’s events, translated', () => {
    it.each(ROWS)('%s', (_what, event, payload, facts, expected) => {
        const { policy, portal } = translateIFrameEvent(event, payload, facts);

        expect({ policy, portal }).toEqual(expected);
    });

    it('keeps what the events said of the meeting', () => {
        let facts = translateIFrameEvent('videoConferenceJoined', { id: 'me' }, NO_MEETING).facts;

        facts = translateIFrameEvent('participantJoined', { id: 's1' }, facts).facts;
        facts = translateIFrameEvent('participantRoleChanged', { id: 'me', role: 'moderator' }, facts).facts;
        expect(facts).toMatchObject({ connected: true, localId: 'me' });
        expect(facts.roles.get('me')).toBe('moderator');
        expect([...facts.remotes]).toEqual(['s1']);
        const gone = translateIFrameEvent('participantLeft', { id: 's1' }, facts);

        expect(gone.gone).toBe('s1');
        expect([...gone.facts.remotes]).toEqual([]);
        const dropped = translateIFrameEvent(
            'errorOccurred',
            { error: { name: 'connection.x', isFatal: true } },
            facts,
        );

        expect(dropped.facts).toMatchObject({ connected: false, localId: null });
    });
});
