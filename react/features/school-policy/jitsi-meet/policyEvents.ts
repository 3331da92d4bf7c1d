/**
 * jitsi-meet's actions as the core's events (docs/jitsi-behaviour.md §7): a pure function of the
 * action and jitsi-meet's state after it, so that each translation can be read, and tested, as a
 * row of a table (tests/fork/policyEvents.test.ts).
 */
import type { UnknownAction } from '../reduxShapes';

import { fieldOf } from '../policy/hostFacts';
import { policyActions, type PolicyState } from '../slice';

import { JITSI_ACTIONS, toMode, toRole, type IJitsiMeetState } from './types';

/** What a translation of one action type gets. */
interface Seen {
    readonly action: unknown;
    readonly state: IJitsiMeetState;
    readonly policy?: PolicyState;
    readonly localId?: string;
    readonly participantId: unknown;
}

type Translation = (seen: Seen) => UnknownAction[];

/** Those already inside are announced before our own CONFERENCE_JOINED: the core must be joining by then. */
const willJoin: Translation = ({ state, policy }) => {
    if (!['idle', 'left'].includes(policy?.phase.kind ?? 'idle')) {
        return [];
    }
    const room = fieldOf(state['features/base/conference'], 'room');

    return [policyActions.meetingJoinRequested({ room: typeof room === 'string' ? room : '' })];
};

/** Joining with a password (jitsi-meet's prompt): the room is locked already, e.g. after a reload. */
const passwordSet: Translation = ({ action }) => {
    const conference = fieldOf(action, 'conference');

    return conference && fieldOf(action, 'method') === fieldOf(conference, 'join') && fieldOf(action, 'password')
        ? [policyActions.lockStateObserved({ locked: true })]
        : [];
};

const joined: Translation = ({ action, localId }) => {
    const conference = fieldOf(action, 'conference') as { isModerator?: () => boolean | null } | undefined;

    return localId
        ? [policyActions.meetingJoined({ localId, role: conference?.isModerator?.() ? 'moderator' : undefined })]
        : [];
};

const participantJoined: Translation = ({ action, localId, participantId: id }) => {
    const participant = fieldOf(action, 'participant');

    if (typeof id !== 'string' || fieldOf(participant, 'local') === true || id === localId) {
        return [];
    }
    const name = fieldOf(participant, 'name');

    return [
        policyActions.participantJoined({
            id,
            name: typeof name === 'string' ? name : null,
            role: toRole(fieldOf(participant, 'role')),
        }),
    ];
};

const participantLeft: Translation = ({ participantId: id }) =>
    typeof id === 'string' ? [policyActions.participantLeft({ id })] : [];

const roleChanged: Translation = ({ action, participantId: id }) =>
    typeof id === 'string'
        ? [policyActions.roleChanged({ id, role: toRole(fieldOf(fieldOf(action, 'participant'), 'role')) })]
        : [];

const lockChanged: Translation = ({ action }) => [
    policyActions.lockStateObserved({ locked: fieldOf(action, 'locked') === true }),
];

const recordingUpdated: Translation = ({ action }) => {
    const session = fieldOf(action, 'sessionData');
    const status = fieldOf(session, 'status');

    return [
        policyActions.recordingStatusChanged({
            on: status === 'on' || status === 'pending',
            mode: toMode(fieldOf(session, 'mode')),
        }),
    ];
};

/** The end of the meeting, by hang-up, removal or failure; a failure while joining is no end. */
const meetingOver =
    (reason: 'hangup' | 'kicked' | 'ended'): Translation =>
    ({ policy }) =>
        reason === 'ended' && policy?.phase.kind === 'joining' ? [] : [policyActions.meetingLeft({ reason })];

const TRANSLATIONS: Readonly<Record<string, Translation>> = {
    [JITSI_ACTIONS.CONFERENCE_WILL_JOIN]: willJoin,
    [JITSI_ACTIONS.SET_PASSWORD]: passwordSet,
    [JITSI_ACTIONS.CONFERENCE_JOINED]: joined,
    [JITSI_ACTIONS.PARTICIPANT_JOINED]: participantJoined,
    [JITSI_ACTIONS.PARTICIPANT_LEFT]: participantLeft,
    [JITSI_ACTIONS.PARTICIPANT_ROLE_CHANGED]: roleChanged,
    [JITSI_ACTIONS.LOCK_STATE_CHANGED]: lockChanged,
    [JITSI_ACTIONS.RECORDING_SESSION_UPDATED]: recordingUpdated,
    [JITSI_ACTIONS.CONFERENCE_LEFT]: meetingOver('hangup'),
    [JITSI_ACTIONS.KICKED_OUT]: meetingOver('kicked'),
    [JITSI_ACTIONS.CONFERENCE_FAILED]: meetingOver('ended'),
};

/**
 * The core's events for one jitsi-meet action.
 *
 * @param {unknown} action - The action jitsi-meet has just applied.
 * @param {IJitsiMeetState} state - jitsi-meet's state after it.
 * @param {PolicyState} [policy] - The core's state (in jitsi-meet's state, once registered).
 * @returns {UnknownAction[]} The events to dispatch, in order; none for most actions.
 */
export function policyEventsFor(action: unknown, state: IJitsiMeetState, policy?: PolicyState): UnknownAction[] {
    const type = fieldOf(action, 'type');
    const translation = typeof type === 'string' && Object.hasOwn(TRANSLATIONS, type) ? TRANSLATIONS[type] : undefined;

    return translation
        ? translation({
              action,
              state,
              policy,
              localId: state['features/base/participants']?.local?.id,
              participantId: fieldOf(fieldOf(action, 'participant'), 'id'),
          })
        : [];
}
