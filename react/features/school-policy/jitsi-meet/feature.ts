/**
 * The school-policy feature for the fork build, without any jitsi-meet import: the registration
 * files (registration/) hand in jitsi-meet's thunks and register what this returns with
 * jitsi-meet's registries.
 *
 * - Translates jitsi-meet's actions into the core's events (docs/jitsi-behaviour.md §7).
 * - Re-imposes the hardened config after every SET_CONFIG, UPDATE_CONFIG and OVERWRITE_CONFIG, so
 *   that no URL hash, `configOverwrite` or `overwriteConfig` brings recording back or removes the
 *   hang-up interception.
 * - Swallows START_LOCAL_RECORDING (the refusal itself is jitsi-meet's LocalRecordingManager's, see
 *   localRecording.ts).
 * - Routes the hang-up buttons' "notify" clicks into the core (see {@link routeToolbarClick}).
 * - Clears jitsi-meet's stored data when the meeting ends on a shared device.
 * - Shows the policy's dialogs through jitsi-meet's dialog system and keeps the password dialog
 *   open until a password is set, whatever else opens a dialog (see {@link IJitsiMeetDialogs}).
 * - Shows the core's notices as jitsi-meet notifications.
 * - Suggests a pseudonym as the display name when none is set (R7).
 */
import { createListenerMiddleware, type Dispatch, type Middleware, type UnknownAction } from '@reduxjs/toolkit';

import { generatePseudonym } from '../policy/displayName';
import { hardenConfig } from '../policy/hardenConfig';
import { fieldOf, isHangupKey, isNotOpenRefusal } from '../policy/hostFacts';
import { translateCore } from '../i18n';
import type { Lang } from '../rules';
import { selectPolicyDialog } from '../selectors';
import { setupPolicyListeners, type PolicyExtra, type PolicyTiming } from '../listeners';
import { initialPolicyState, policyActions, policyReducer, type PolicyState } from '../slice';

import { JitsiMeetHost } from './JitsiMeetHost';
import { cleanLocation } from './locationUrl';
import { clearJitsiStorage, type IStorageLike } from './storageCleanup';
import {
    JITSI_ACTIONS,
    toMode,
    toRole,
    type IJitsiMeetDeps,
    type IJitsiMeetDialogs,
    type IJitsiMeetState,
} from './types';

/** The key of the core's slice in jitsi-meet's state. */
export const SCHOOL_POLICY_STATE_KEY = 'features/school-policy';

/** Options of {@link createSchoolPolicyFeature}. */
export interface ISchoolPolicyFeatureOptions {
    readonly deps: IJitsiMeetDeps;

    /** Where jitsi-meet stores its data; cleared at the end of a meeting when `sharedDevices`. */
    readonly storage?: IStorageLike;

    /** R4: treat the device as shared (default true). */
    readonly sharedDevices?: boolean;
    readonly timing?: Partial<PolicyTiming>;

    /** Seconds between tries when mod_school_policy refuses the join (default 15). */
    readonly notOpenRetrySeconds?: number;

    /** Jitsi-meet's dialog system; without it the policy's dialogs are not shown. */
    readonly dialogs?: IJitsiMeetDialogs;

    /** The language of jitsi-meet's UI (default German). */
    readonly lang?: () => Lang;

    /** R7: suggest a pseudonym when no display name is set (default true). */
    readonly suggestPseudonym?: boolean;
}

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

type AnyAction = UnknownAction & Record<string, unknown>;

const CONFIG_ACTIONS: ReadonlySet<string> = new Set([
    JITSI_ACTIONS.SET_CONFIG,
    JITSI_ACTIONS.UPDATE_CONFIG,
    JITSI_ACTIONS.OVERWRITE_CONFIG,
]);

/**
 * Compares two JSON-like values.
 *
 * @param {unknown} a - One value.
 * @param {unknown} b - The other.
 * @returns {boolean}
 */
function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Builds the feature.
 *
 * @param {ISchoolPolicyFeatureOptions} options - Jitsi-meet's thunks and settings.
 * @returns {Object} The reducer, the middlewares to register, and the toolbar router.
 */
export function createSchoolPolicyFeature(options: ISchoolPolicyFeatureOptions) {
    const sharedDevices = options.sharedDevices !== false;
    const retrySeconds = options.notOpenRetrySeconds ?? 15;
    const lang = options.lang ?? (() => 'de' as const);
    let pseudonymOffered = options.suggestPseudonym === false;
    let bridging = false;
    let countdown: ReturnType<typeof setTimeout> | undefined;

    /**
     * Shows "Die Lehrkraft hat den Raum noch nicht geöffnet" with the seconds left, every few
     * seconds, then tries again.
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
                    ? translateCore(lang(), 'join.notOpenOneSecond')
                    : translateCore(lang(), 'join.notOpen', { seconds: left }),
            ) as UnknownAction,
        );
        const step = Math.min(COUNTDOWN_STEP_SECONDS, left);

        countdown = setTimeout(() => countDown(dispatch, left - step), step * 1000);
    };
    let host: JitsiMeetHost | undefined;
    const extra: PolicyExtra = {
        get host() {
            if (!host) {
                throw new Error('school-policy: the middleware has not seen the store yet');
            }

            return host;
        },
        timing: options.timing,
    };
    const listener = createListenerMiddleware<IJitsiMeetState, Dispatch<UnknownAction>, PolicyExtra>({ extra });
    const selectPolicy = (state: IJitsiMeetState) => state[SCHOOL_POLICY_STATE_KEY] as PolicyState | undefined;

    // The reducer is registered with the middlewares; before its first run the state is the initial one.
    setupPolicyListeners(listener.startListening, state => selectPolicy(state) ?? initialPolicyState);

    /**
     * After every action: the core's notices become jitsi-meet notifications, and the dialog the
     * policy needs is the one jitsi-meet shows. Another dialog (jitsi-meet shows one at a time) may
     * replace ours; while the policy still needs it, it comes back with the next action.
     *
     * @param {IJitsiMeetState} state - The state after the action.
     * @param {Function} dispatch - The store's dispatch.
     * @returns {void}
     */
    const bridge = (state: IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): void => {
        const policy = selectPolicy(state);

        if (!policy) {
            return;
        }
        for (const notice of policy.notices) {
            dispatch(options.deps.notify(translateCore(lang(), notice.key, notice.params)) as UnknownAction);
            dispatch(policyActions.noticeDismissed({ id: notice.id }));
        }
        const dialogs = options.dialogs;

        if (!dialogs) {
            return;
        }
        const wanted = selectPolicyDialog(policy) !== null;
        const open = dialogs.isOpen(state);

        if (wanted && !open) {
            dispatch(dialogs.open(lang()) as UnknownAction);
        } else if (!wanted && open) {
            dispatch(dialogs.hide() as UnknownAction);
        }
    };

    const translate: Middleware<object, IJitsiMeetState> = store => next => (action: unknown) => {
        host ??= new JitsiMeetHost(
            () => store.getState(),
            thunkOrAction => store.dispatch(thunkOrAction as UnknownAction),
            options.deps,
        );
        const type = fieldOf(action, 'type');

        if (type === JITSI_ACTIONS.START_LOCAL_RECORDING) {
            // R9: swallowed for any middleware after ours. jitsi-meet's own recording middleware
            // comes before and starts through LocalRecordingManager, which the registration makes
            // refuse with the notice (localRecording.ts); a notice here would be a second one.
            return undefined;
        }
        if (type === JITSI_ACTIONS.SET_LOCATION_URL) {
            const url = fieldOf(action, 'locationURL');

            if (url instanceof URL) {
                // R7, R9: no override of a hardened key reaches jitsi-meet's direct URL reads.
                const page = typeof window === 'undefined' ? undefined : window;

                return next({ ...(action as AnyAction), locationURL: cleanLocation(url, page) });
            }
        }
        const result = next(action);
        const a = action as AnyAction;
        const state = store.getState();
        const localId = state['features/base/participants']?.local?.id;
        const participant = fieldOf(a, 'participant');
        const id = fieldOf(participant, 'id');

        if (typeof type === 'string' && CONFIG_ACTIONS.has(type)) {
            const config = { ...state['features/base/config'] } as Record<string, unknown>;
            const hardened = hardenConfig(config);
            const changed = Object.keys(hardened).filter(key => !same(config[key], hardened[key]));

            if (changed.length > 0) {
                // OVERWRITE_CONFIG replaces top-level keys; hardenConfig is idempotent, so this settles.
                store.dispatch({
                    type: JITSI_ACTIONS.OVERWRITE_CONFIG,
                    config: Object.fromEntries(changed.map(key => [key, hardened[key]])),
                });
            }
        }

        if (type === JITSI_ACTIONS.SET_CONFIG) {
            const settings = store.getState()['features/base/settings'];

            // R7: jitsi-meet reads these from its settings before its config, and the settings
            // default to false: without this, the camera and microphone start on at the prejoin
            // screen whatever config.js says. Turning them on afterwards stays the user's choice.
            if (settings?.startWithAudioMuted !== true || settings.startWithVideoMuted !== true) {
                store.dispatch({
                    type: JITSI_ACTIONS.SETTINGS_UPDATED,
                    settings: { startWithAudioMuted: true, startWithVideoMuted: true },
                });
            }
        }

        if (type === JITSI_ACTIONS.SET_CONFIG && !pseudonymOffered) {
            pseudonymOffered = true;
            if (!store.getState()['features/base/settings']?.displayName?.trim()) {
                // A suggestion: jitsi-meet's prejoin screen shows it in the name field, to keep or change.
                store.dispatch({
                    type: JITSI_ACTIONS.SETTINGS_UPDATED,
                    settings: { displayName: generatePseudonym() },
                });
            }
        }

        if (type === JITSI_ACTIONS.CONFERENCE_FAILED && isRefusedAsNotOpen(fieldOf(a, 'error'), state)) {
            // R6 on the server: the room has no password yet. Wait and try again, visibly.
            if (!countdown) {
                countDown(store.dispatch, retrySeconds);
            }

            return result;
        }

        switch (type) {
            case JITSI_ACTIONS.CONFERENCE_WILL_JOIN:
                // Those already inside are announced before our own CONFERENCE_JOINED: the policy
                // must be joining by then, or it would not count them (and let the teacher leave).
                if (['idle', 'left'].includes(selectPolicy(state)?.phase.kind ?? 'idle')) {
                    const room = fieldOf(state['features/base/conference'], 'room');

                    store.dispatch(policyActions.meetingJoinRequested({ room: typeof room === 'string' ? room : '' }));
                }
                break;
            case JITSI_ACTIONS.SET_PASSWORD: {
                const conference = fieldOf(a, 'conference');

                // Joining with a password (jitsi-meet's prompt): the room is locked already, e.g. a
                // teacher back after a reload. No new password is needed, nobody came before a lock.
                if (conference && fieldOf(a, 'method') === fieldOf(conference, 'join') && fieldOf(a, 'password')) {
                    store.dispatch(policyActions.lockStateObserved({ locked: true }));
                }
                break;
            }
            case JITSI_ACTIONS.SET_PASSWORD_FAILED:
                // R6: the server keeps the password while students are inside (and refuses one too
                // long for them). jitsi-meet keeps its state as it was, so its security dialog still
                // shows the password in force, but it only says "lock failed"; the teacher learns why.
                store.dispatch(options.deps.notify(translateCore(lang(), 'lock.changeRefused')) as UnknownAction);
                break;
            case JITSI_ACTIONS.CONFERENCE_JOINED: {
                const conference = fieldOf(a, 'conference') as { isModerator?: () => boolean | null } | undefined;

                if (localId) {
                    store.dispatch(
                        policyActions.meetingJoined({
                            localId,
                            role: conference?.isModerator?.() ? 'moderator' : undefined,
                        }),
                    );
                }
                break;
            }
            case JITSI_ACTIONS.PARTICIPANT_JOINED:
                if (typeof id === 'string' && fieldOf(participant, 'local') !== true && id !== localId) {
                    const name = fieldOf(participant, 'name');

                    store.dispatch(
                        policyActions.participantJoined({
                            id,
                            name: typeof name === 'string' ? name : null,
                            role: toRole(fieldOf(participant, 'role')),
                        }),
                    );
                }
                break;
            case JITSI_ACTIONS.PARTICIPANT_LEFT:
                if (typeof id === 'string') {
                    store.dispatch(policyActions.participantLeft({ id }));
                }
                break;
            case JITSI_ACTIONS.PARTICIPANT_ROLE_CHANGED:
                if (typeof id === 'string') {
                    store.dispatch(policyActions.roleChanged({ id, role: toRole(fieldOf(participant, 'role')) }));
                }
                break;
            case JITSI_ACTIONS.LOCK_STATE_CHANGED:
                store.dispatch(policyActions.lockStateObserved({ locked: fieldOf(a, 'locked') === true }));
                break;
            case JITSI_ACTIONS.RECORDING_SESSION_UPDATED: {
                const session = fieldOf(a, 'sessionData');
                const status = fieldOf(session, 'status');

                store.dispatch(
                    policyActions.recordingStatusChanged({
                        on: status === 'on' || status === 'pending',
                        mode: toMode(fieldOf(session, 'mode')),
                    }),
                );
                break;
            }
            case JITSI_ACTIONS.CONFERENCE_LEFT:
            case JITSI_ACTIONS.KICKED_OUT:
            case JITSI_ACTIONS.CONFERENCE_FAILED:
                if (type !== JITSI_ACTIONS.CONFERENCE_FAILED || selectPolicy(state)?.phase.kind !== 'joining') {
                    store.dispatch(
                        policyActions.meetingLeft({
                            reason:
                                type === JITSI_ACTIONS.KICKED_OUT
                                    ? 'kicked'
                                    : type === JITSI_ACTIONS.CONFERENCE_FAILED
                                      ? 'ended'
                                      : 'hangup',
                        }),
                    );
                    if (sharedDevices && options.storage) {
                        clearJitsiStorage(options.storage);
                    }
                }
                break;
        }
        if (!bridging) {
            bridging = true;
            try {
                bridge(store.getState(), store.dispatch);
            } finally {
                bridging = false;
            }
        }

        return result;
    };

    return {
        reducer: policyReducer,
        middlewares: [translate, listener.middleware] as const,

        /**
         * Jitsi-meet's buttons in `buttonsWithNotifyClick` do not run their click; they call
         * `APP.API.notifyToolbarButtonClicked(key, true)` instead (AbstractButton). The registration
         * wraps that function and routes the hang-up keys here: it is the one place every prevented
         * toolbar click passes, in an iframe or not, whichever of the three hang-up buttons it was.
         *
         * @param {string} key - The toolbar button's key.
         * @param {Function} dispatch - The store's dispatch.
         * @returns {boolean} Whether the click was a hang-up and went to the policy.
         */
        routeToolbarClick(key: string, dispatch: (action: UnknownAction) => unknown): boolean {
            dispatch(policyActions.toolbarButtonClicked({ key }));

            return isHangupKey(key);
        },

        /**
         * What the teacher reads when local recording was refused (R9), in her language.
         *
         * @returns {string}
         */
        recordingRefusedText(): string {
            return translateCore(lang(), 'recording.stopped');
        },
    };
}
