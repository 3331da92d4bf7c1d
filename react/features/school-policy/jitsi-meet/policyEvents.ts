/**
 * jitsi-meet's actions as the core's events (docs/jitsi-behaviour.md §7): a pure function of the
 * action and jitsi-meet's state after it, so that each translation can be read, and tested, as a
 * row of a table (tests/fork/policyEvents.test.ts).
 */
import type { UnknownAction } from '@reduxjs/toolkit';

import { fieldOf } from '../policy/hostFacts';
import { policyActions, type PolicyState } from '../slice';

import { JITSI_ACTIONS, toMode, toRole, type IJitsiMeetState } from './types';

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
    const localId = state['features/base/participants']?.local?.id;
    const participant = fieldOf(action, 'participant');
    const id = fieldOf(participant, 'id');

    switch (type) {
        case JITSI_ACTIONS.CONFERENCE_WILL_JOIN: {
            // Those already inside are announced before our own CONFERENCE_JOINED: the policy must
            // be joining by then, or it would not count them (and let the teacher leave).
            if (!['idle', 'left'].includes(policy?.phase.kind ?? 'idle')) {
                return [];
            }
            const room = fieldOf(state['features/base/conference'], 'room');

            return [policyActions.meetingJoinRequested({ room: typeof room === 'string' ? room : '' })];
        }
        case JITSI_ACTIONS.SET_PASSWORD: {
            const conference = fieldOf(action, 'conference');

            // Joining with a password (jitsi-meet's prompt): the room is locked already, e.g. a
            // teacher back after a reload. No new password is needed, nobody came before a lock.
            return conference &&
                fieldOf(action, 'method') === fieldOf(conference, 'join') &&
                fieldOf(action, 'password')
                ? [policyActions.lockStateObserved({ locked: true })]
                : [];
        }
        case JITSI_ACTIONS.CONFERENCE_JOINED: {
            const conference = fieldOf(action, 'conference') as { isModerator?: () => boolean | null } | undefined;

            return localId
                ? [
                      policyActions.meetingJoined({
                          localId,
                          role: conference?.isModerator?.() ? 'moderator' : undefined,
                      }),
                  ]
                : [];
        }
        case JITSI_ACTIONS.PARTICIPANT_JOINED: {
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
        }
        case JITSI_ACTIONS.PARTICIPANT_LEFT:
            return typeof id === 'string' ? [policyActions.participantLeft({ id })] : [];
        case JITSI_ACTIONS.PARTICIPANT_ROLE_CHANGED:
            return typeof id === 'string'
                ? [policyActions.roleChanged({ id, role: toRole(fieldOf(participant, 'role')) })]
                : [];
        case JITSI_ACTIONS.LOCK_STATE_CHANGED:
            return [policyActions.lockStateObserved({ locked: fieldOf(action, 'locked') === true })];
        case JITSI_ACTIONS.RECORDING_SESSION_UPDATED: {
            const session = fieldOf(action, 'sessionData');
            const status = fieldOf(session, 'status');

            return [
                policyActions.recordingStatusChanged({
                    on: status === 'on' || status === 'pending',
                    mode: toMode(fieldOf(session, 'mode')),
                }),
            ];
        }
        case JITSI_ACTIONS.CONFERENCE_LEFT:
        case JITSI_ACTIONS.KICKED_OUT:
        case JITSI_ACTIONS.CONFERENCE_FAILED:
            // A failure while joining is not the end of a meeting (the core retries or reports it).
            if (type === JITSI_ACTIONS.CONFERENCE_FAILED && policy?.phase.kind === 'joining') {
                return [];
            }

            return [
                policyActions.meetingLeft({
                    reason:
                        type === JITSI_ACTIONS.KICKED_OUT
                            ? 'kicked'
                            : type === JITSI_ACTIONS.CONFERENCE_FAILED
                              ? 'ended'
                              : 'hangup',
                }),
            ];
        default:
            return [];
    }
}
