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
import type { Middleware, MiddlewareAPI, UnknownAction } from '../reduxShapes';

import { translateNotice } from '../i18n/noticeMessages';
import { NOT_OPEN_RETRY_SECONDS, fieldOf, isHangupKey } from '../policy/hostFacts';
import type { Lang } from '../rules';
import { bindHost } from '../hostBinding';
import { createPolicyMiddleware, type PolicyExtra, type PolicyTiming } from '../listeners';
import { initialPolicyState, policyActions, policyReducer, type PolicyState } from '../slice';

import { JitsiMeetHost } from './JitsiMeetHost';
import { MISUSE_BUTTON_KEY } from './centreInMeeting';
import { SWALLOWED, createStartSettingsGuard, guardIncoming, reimposeHardenedConfig } from './configGuard';
import { createBlockedSchoolCheck, type SchoolAccess } from './blockedSchool';
import { createDialogBridge } from './dialogBridge';
import { createNotOpenRetry } from './notOpenRetry';
import { policyEventsFor } from './policyEvents';
import { clearJitsiStorage, type IStorageLike } from './storageCleanup';
import { JITSI_ACTIONS, type IJitsiMeetDeps, type IJitsiMeetDialogs, type IJitsiMeetState } from './types';

export { isRefusedAsNotOpen } from './notOpenRetry';

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

    /** R5: asks the server why a login failed (default: nobody asked, jitsi-meet's message stays). */
    readonly schoolAccess?: SchoolAccess;
}

/** The steps the feature takes on each jitsi-meet action, built once per feature. */
interface TranslationSteps {
    readonly lang: () => Lang;
    readonly selectPolicy: (state: IJitsiMeetState) => PolicyState | undefined;
    readonly startSettings: ReturnType<typeof createStartSettingsGuard>;
    readonly notOpenRetry: ReturnType<typeof createNotOpenRetry>;
    readonly blockedSchool?: ReturnType<typeof createBlockedSchoolCheck>;
    readonly bridge: ReturnType<typeof createDialogBridge>;
    /** A jitsi-meet notification with one of the core's messages. */
    readonly notice: (key: 'lock.changeRefused') => UnknownAction;
    /** R4: what to clear when a meeting ends on a shared device (nothing otherwise). */
    readonly clearStorage?: () => void;
}

/**
 * jitsi-meet's actions, in the order each step needs them: the config guard before and after
 * jitsi-meet applies an action, the not-open retry, the core's events, then the bridge to
 * jitsi-meet's UI.
 *
 * @param {TranslationSteps} steps - The feature's steps.
 * @param {Function} onStore - Called with the store before the first action.
 * @returns {Middleware}
 */
function translateMiddleware(
    steps: TranslationSteps,
    onStore: (store: MiddlewareAPI<IJitsiMeetState>) => void,
): Middleware<IJitsiMeetState> {
    return store => next => (action: unknown) => {
        onStore(store);
        const guarded = guardIncoming(action);

        if (guarded === SWALLOWED) {
            return undefined;
        }
        const result = next(guarded);
        const type = fieldOf(action, 'type');
        const state = store.getState();

        reimposeHardenedConfig(type, state, store.dispatch, steps.lang());
        void steps.blockedSchool?.(action, store.dispatch);
        steps.startSettings(type, () => store.getState(), store.dispatch);
        if (steps.notOpenRetry(action, state, store.dispatch)) {
            return result;
        }
        if (type === JITSI_ACTIONS.SET_PASSWORD_FAILED) {
            // R6: the server keeps the password while students are inside (and refuses one too
            // long for them). jitsi-meet keeps its state as it was, so its security dialog still
            // shows the password in force, but it only says "lock failed"; the teacher learns why.
            store.dispatch(steps.notice('lock.changeRefused'));
        }
        for (const event of policyEventsFor(action, state, steps.selectPolicy(state))) {
            store.dispatch(event);
            if (event.type === policyActions.meetingLeft.type) {
                steps.clearStorage?.();
            }
        }
        steps.bridge(() => store.getState(), store.dispatch);

        return result;
    };
}

/**
 * A toolbar click jitsi-meet only notified about (toolbarRouting.ts): the hang-up keys go to the
 * leave-last gate, "Missbrauch melden" opens its dialog (R5; the custom button only notifies, see
 * centreInMeeting.ts); anything else is left to jitsi-meet and the embedder.
 *
 * @param {string} key - The button's key.
 * @param {Function} dispatch - The store's dispatch.
 * @param {boolean} preventExecution - Whether jitsi-meet held the button's own action back.
 * @returns {boolean} Whether the policy took the click.
 */
function routeToolbarClick(key: string, dispatch: (action: UnknownAction) => unknown, preventExecution = true) {
    if (key === MISUSE_BUTTON_KEY) {
        dispatch(policyActions.misuseReportOpened());

        return true;
    }
    if (!preventExecution) {
        return false;
    }
    dispatch(policyActions.toolbarButtonClicked({ key }));

    return isHangupKey(key);
}

/**
 * Builds the feature.
 *
 * @param {ISchoolPolicyFeatureOptions} options - Jitsi-meet's thunks and settings.
 * @returns {Object} The reducer, the middlewares to register, and the toolbar router.
 */
export function createSchoolPolicyFeature(options: ISchoolPolicyFeatureOptions) {
    const lang = options.lang ?? (() => 'de' as const);
    const selectPolicy = (state: IJitsiMeetState) => state[SCHOOL_POLICY_STATE_KEY] as PolicyState | undefined;
    const notify = (key: 'account.blocked' | 'lock.changeRefused') =>
        options.deps.notify(translateNotice(lang(), key)) as UnknownAction;
    const storage = options.sharedDevices !== false ? options.storage : undefined;
    // The host needs the store and the store needs the host: made from the store the first time the
    // middleware sees it (hostBinding.ts, as the portal does).
    const binding = bindHost<IJitsiMeetState, JitsiMeetHost>(
        store =>
            new JitsiMeetHost(
                () => store.getState(),
                thunkOrAction => store.dispatch(thunkOrAction as UnknownAction),
                options.deps,
            ),
    );
    const extra: PolicyExtra = {
        get host() {
            return binding.host();
        },
        timing: options.timing,
    };
    // The reducer is registered with the middlewares; before its first run the state is the initial one.
    const listener = createPolicyMiddleware<IJitsiMeetState, PolicyExtra>(
        extra,
        state => selectPolicy(state) ?? initialPolicyState,
    );
    const translate = translateMiddleware(
        {
            lang,
            selectPolicy,
            startSettings: createStartSettingsGuard({ suggestPseudonym: options.suggestPseudonym !== false }),
            notOpenRetry: createNotOpenRetry({
                deps: options.deps,
                lang,
                retrySeconds: options.notOpenRetrySeconds ?? NOT_OPEN_RETRY_SECONDS,
                selectPolicy,
            }),
            blockedSchool: options.schoolAccess
                ? createBlockedSchoolCheck({ ask: options.schoolAccess, notice: () => notify('account.blocked') })
                : undefined,
            bridge: createDialogBridge({ deps: options.deps, dialogs: options.dialogs, lang, selectPolicy }),
            notice: notify,
            // R4: nothing of the meeting stays on a shared device.
            clearStorage: storage ? () => clearJitsiStorage(storage) : undefined,
        },
        store => binding.bind(store),
    );

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
        routeToolbarClick,

        /**
         * `APP.conference.hangup()` called while the policy holds the meeting (the console, or any
         * code besides the toolbar): the call goes to the policy as a hang-up click would, and the
         * policy either holds the teacher back (leave-last) or leaves through jitsi-meet itself.
         *
         * @param {MiddlewareAPI} store - jitsi-meet's store.
         * @returns {boolean} Whether the policy took the call (jitsi-meet's hangup must not run now).
         */
        takeHangupCall(store: Pick<MiddlewareAPI<IJitsiMeetState>, 'dispatch' | 'getState'>): boolean {
            const phase = selectPolicy(store.getState())?.phase.kind;

            if (phase !== 'joined' && phase !== 'leaveBlocked') {
                return false;
            }
            store.dispatch(policyActions.toolbarButtonClicked({ key: 'hangup' }));

            return true;
        },

        /**
         * What the teacher reads when local recording was refused (R9), in her language.
         *
         * @returns {string}
         */
        recordingRefusedText(): string {
            return translateNotice(lang(), 'recording.stopped');
        },
    };
}
