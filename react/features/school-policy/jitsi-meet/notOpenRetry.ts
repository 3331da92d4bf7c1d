/**
 * R6 on the server: mod_school_policy refuses a student while the teacher has not set the password
 * yet. jitsi-meet reports that as a failed conference; the fork shows "Die Lehrkraft hat den Raum
 * noch nicht geöffnet" with the seconds left and tries again (docs/jitsi-behaviour.md §8).
 */
import type { UnknownAction } from '@reduxjs/toolkit';

import { translateCore } from '../i18n';
import { fieldOf, isNotOpenRefusal } from '../policy/hostFacts';
import type { Lang } from '../rules';

import { JITSI_ACTIONS, type IJitsiMeetDeps, type IJitsiMeetState } from './types';

/** How often the "not open yet" countdown is shown, in seconds. */
const COUNTDOWN_STEP_SECONDS = 5;

/**
 * Whether the local user is connected as a guest (on the deployment's anonymous domain).
 *
 * @param {IJitsiMeetState} state - Jitsi-meet's state.
 * @returns {boolean}
 */
function isGuestConnection(state: IJitsiMeetState): boolean {
    const guestDomain = fieldOf(fieldOf(state['features/base/config'], 'hosts'), 'anonymousdomain');
    const connection = fieldOf(state['features/base/connection'], 'connection');
    const getJid = fieldOf(connection, 'getJid');
    const jid = typeof getJid === 'function' ? (getJid as () => unknown).call(connection) : undefined;

    return (
        typeof guestDomain === 'string' &&
        typeof jid === 'string' &&
        jid.split('/')[0]?.endsWith(`@${guestDomain}`) === true
    );
}

/**
 * Whether a CONFERENCE_FAILED is mod_school_policy's refusal ("no password set yet"): the core's one
 * rule (policy/hostFacts.ts), given what jitsi-meet knows.
 *
 * @param {unknown} error - The action's error.
 * @param {IJitsiMeetState} state - Jitsi-meet's state.
 * @returns {boolean}
 */
export function isRefusedAsNotOpen(error: unknown, state: IJitsiMeetState = {}): boolean {
    const name = fieldOf(error, 'name');
    const params = fieldOf(error, 'params');

    return (
        typeof name === 'string' &&
        isNotOpenRefusal({
            name,
            texts: Array.isArray(params) ? params : [],
            asGuest: isGuestConnection(state),
        })
    );
}

/**
 * The retry: a handler for every action after jitsi-meet has seen it.
 *
 * @param {Object} options - Jitsi-meet's thunks, the UI language and the seconds between tries.
 * @returns {Function} Returns whether the action was the refusal (then it is handled).
 */
export function createNotOpenRetry(options: {
    readonly deps: IJitsiMeetDeps;
    readonly lang: () => Lang;
    readonly retrySeconds: number;
}) {
    let countdown: ReturnType<typeof setTimeout> | undefined;

    /**
     * Shows the notice with the seconds left, every few seconds, then tries again.
     *
     * @param {Function} dispatch - The store's dispatch.
     * @param {number} left - Seconds until the next try.
     * @returns {void}
     */
    const countDown = (dispatch: (action: UnknownAction) => unknown, left: number): void => {
        if (left <= 0) {
            countdown = undefined;
            dispatch(options.deps.rejoin() as UnknownAction);

            return;
        }
        dispatch(
            options.deps.notify(
                left === 1
                    ? translateCore(options.lang(), 'join.notOpenOneSecond')
                    : translateCore(options.lang(), 'join.notOpen', { seconds: left }),
            ) as UnknownAction,
        );
        const step = Math.min(COUNTDOWN_STEP_SECONDS, left);

        countdown = setTimeout(() => countDown(dispatch, left - step), step * 1000);
    };

    return (action: unknown, state: IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): boolean => {
        if (
            fieldOf(action, 'type') !== JITSI_ACTIONS.CONFERENCE_FAILED ||
            !isRefusedAsNotOpen(fieldOf(action, 'error'), state)
        ) {
            return false;
        }
        if (!countdown) {
            countDown(dispatch, options.retrySeconds);
        }

        return true;
    };
}
