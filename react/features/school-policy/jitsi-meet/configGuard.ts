/**
 * The config guard (R7, R9, R8): what jitsi-meet's config, settings and page URL must never say,
 * however the deployment, the URL hash, `configOverwrite` or `overwriteConfig` set them.
 */
import type { UnknownAction } from '../reduxShapes';

import { generatePseudonym } from '../policy/displayName';
import { hardenConfig } from '../policy/hardenConfig';
import { fieldOf } from '../policy/hostFacts';

import type { Lang } from '../rules';

import { centreConfig } from './centreInMeeting';
import { cleanLocation } from './locationUrl';
import { JITSI_ACTIONS, type IJitsiMeetState } from './types';

/** What {@link guardIncoming} returns for an action that must not go on. */
export const SWALLOWED = Symbol('swallowed');

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
 * Before jitsi-meet sees an action: START_LOCAL_RECORDING goes no further (R9; the refusal itself is
 * jitsi-meet's LocalRecordingManager's, localRecording.ts, as jitsi-meet's own recording middleware
 * comes before ours), and the location URL loses every override of a hardened key (locationUrl.ts).
 *
 * @param {unknown} action - The action on its way.
 * @returns {unknown} The action to pass on, or {@link SWALLOWED}.
 */
export function guardIncoming(action: unknown): unknown {
    const type = fieldOf(action, 'type');

    if (type === JITSI_ACTIONS.START_LOCAL_RECORDING) {
        return SWALLOWED;
    }
    if (type === JITSI_ACTIONS.SET_LOCATION_URL) {
        const url = fieldOf(action, 'locationURL');

        if (url instanceof URL) {
            const page = typeof window === 'undefined' ? undefined : window;

            return { ...(action as Record<string, unknown>), locationURL: cleanLocation(url, page) };
        }
    }

    return action;
}

/**
 * After jitsi-meet has applied a config action: the hardened keys are imposed again. OVERWRITE_CONFIG
 * replaces top-level keys; hardenConfig keeps every sibling and is idempotent, so this settles. The
 * media centre's legal links and "Missbrauch melden" button (centreInMeeting.ts) are imposed the same way.
 *
 * @param {unknown} type - The action's type.
 * @param {IJitsiMeetState} state - The state after it.
 * @param {Function} dispatch - The store's dispatch.
 * @param {Lang} lang - The language of jitsi-meet's UI.
 * @returns {void}
 */
export function reimposeHardenedConfig(
    type: unknown,
    state: IJitsiMeetState,
    dispatch: (action: UnknownAction) => unknown,
    lang: Lang = 'de',
): void {
    if (typeof type !== 'string' || !CONFIG_ACTIONS.has(type)) {
        return;
    }
    const config = { ...state['features/base/config'] } as Record<string, unknown>;
    const hardened = { ...hardenConfig(config), ...centreConfig(config, lang) };
    const changed = Object.keys(hardened).filter(key => !same(config[key], hardened[key]));

    if (changed.length > 0) {
        dispatch({
            type: JITSI_ACTIONS.OVERWRITE_CONFIG,
            config: Object.fromEntries(changed.map(key => [key, hardened[key]])),
        });
    }
}

/**
 * After the deployment's config is set (SET_CONFIG): camera and microphone start off, and a
 * pseudonym is suggested once when no name is set (R7).
 *
 * @param {Object} options - Whether to suggest a pseudonym at all.
 * @returns {Function} The handler for each action after jitsi-meet has seen it.
 */
export function createStartSettingsGuard(options: { readonly suggestPseudonym: boolean }) {
    let pseudonymOffered = !options.suggestPseudonym;

    return (type: unknown, getState: () => IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): void => {
        if (type !== JITSI_ACTIONS.SET_CONFIG) {
            return;
        }
        const settings = getState()['features/base/settings'];

        // jitsi-meet reads these from its settings before its config, and the settings default to
        // false: without this, the camera and microphone start on at the prejoin screen whatever
        // config.js says. Turning them on afterwards stays the user's choice.
        if (settings?.startWithAudioMuted !== true || settings.startWithVideoMuted !== true) {
            dispatch({
                type: JITSI_ACTIONS.SETTINGS_UPDATED,
                settings: { startWithAudioMuted: true, startWithVideoMuted: true },
            });
        }
        if (!pseudonymOffered) {
            pseudonymOffered = true;
            if (!getState()['features/base/settings']?.displayName?.trim()) {
                // A suggestion: jitsi-meet's prejoin screen shows it in the name field, to keep or change.
                dispatch({ type: JITSI_ACTIONS.SETTINGS_UPDATED, settings: { displayName: generatePseudonym() } });
            }
        }
    };
}
