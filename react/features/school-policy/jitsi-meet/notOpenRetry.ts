/**
 * R6 on the server: mod_school_policy refuses a student while the teacher has not set the password
 * yet. jitsi-meet reports that as a failed conference. This step recognises it (the core's rule),
 * hands it to the core, which counts down in its state (`listeners.ts`, `retryWhenNotOpen`), shows
 * the countdown as jitsi-meet notifications and, when the core says so, tries again with jitsi-meet's
 * own reload (docs/jitsi-behaviour.md §8).
 */
import type { UnknownAction } from '../reduxShapes';

import { translateNotice } from '../i18n/noticeMessages';
import { fieldOf, isNotOpenRefusal } from '../policy/hostFacts';
import type { Lang } from '../rules';
import { policyActions, type PolicyState } from '../slice';

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
 * The text of the countdown notification for the seconds left, or null when no notification is due
 * (one at the start, then every few seconds).
 *
 * @param {Lang} lang - Jitsi-meet's UI language.
 * @param {number} left - Seconds until the next try.
 * @param {boolean} first - Whether the countdown just started.
 * @returns {string | null}
 */
export function notOpenNoticeText(lang: Lang, left: number, first: boolean): string | null {
    if (left <= 0 || (!first && left % COUNTDOWN_STEP_SECONDS !== 0)) {
        return null;
    }

    return left === 1
        ? translateNotice(lang, 'join.notOpenOneSecond')
        : translateNotice(lang, 'join.notOpen', { seconds: left });
}

/**
 * The step, run for every action after jitsi-meet has seen it.
 *
 * @param {Object} options - Jitsi-meet's thunks, the UI language, the seconds between tries and
 * where the core's state is.
 * @returns {Function} Returns whether the action was the refusal (then it is handled).
 */
export function createNotOpenRetry(options: {
    readonly deps: IJitsiMeetDeps;
    readonly lang: () => Lang;
    readonly retrySeconds: number;
    readonly selectPolicy: (state: IJitsiMeetState) => PolicyState | undefined;
}) {
    return (action: unknown, state: IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): boolean => {
        const type = fieldOf(action, 'type');

        if (type === JITSI_ACTIONS.CONFERENCE_FAILED && isRefusedAsNotOpen(fieldOf(action, 'error'), state)) {
            dispatch(policyActions.joinRefusedAsNotOpen({ seconds: options.retrySeconds }));

            return true;
        }
        if (policyActions.notOpenRetryDue.match(action)) {
            dispatch(options.deps.rejoin() as UnknownAction);
        } else if (
            policyActions.joinRefusedAsNotOpen.match(action) ||
            policyActions.notOpenSecondPassed.match(action)
        ) {
            const left = options.selectPolicy(state)?.notOpenRetry?.secondsLeft;
            const text =
                left === undefined
                    ? null
                    : notOpenNoticeText(options.lang(), left, policyActions.joinRefusedAsNotOpen.match(action));

            if (text !== null) {
                dispatch(options.deps.notify(text) as UnknownAction);
            }
        }

        return false;
    };
}
