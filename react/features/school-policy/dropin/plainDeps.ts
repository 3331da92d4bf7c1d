/**
 * What the compiled fork build takes from jitsi-meet's modules, for the drop-in, which cannot import
 * them: jitsi-meet's globals (`APP.conference`, as its IFrame API commands use them) and plain actions
 * jitsi-meet's reducers know by type. Each names the upstream code it stands for.
 */
import type { UnknownAction } from '../reduxShapes';

import type { IJitsiMeetDeps, IJitsiMeetState } from '../jitsi-meet/types';

/** The part of jitsi-meet's `APP` global the drop-in uses. */
export interface IJitsiMeetApp {
    readonly store?: { dispatch(action: unknown): unknown; getState(): unknown };
    readonly conference?: { hangup(requestFeedback?: boolean): unknown; isJoined?(): boolean };
    readonly API?: { notifyToolbarButtonClicked(key: string, preventExecution: boolean): void };
}

/** jitsi-meet's `APP`, when its bundle has set it up. */
export function jitsiApp(win: Window): IJitsiMeetApp | undefined {
    const app = (win as unknown as { APP?: unknown }).APP;

    return typeof app === 'object' && app !== null ? app : undefined;
}

/** How long a notice stays (jitsi-meet's NOTIFICATION_TIMEOUT.LONG, notifications/constants.ts). */
const LONG_NOTICE_MS = 10000;

/**
 * jitsi-meet's thunks, rebuilt from what a page can reach:
 * - leave: what the IFrame API's `video-hangup` runs, `APP.conference.hangup(false)` (modules/API/API.js);
 * - endConference: jitsi-meet's `endConference()` is `conference.end()` on the current conference
 *   (react/features/base/conference/actions.any.ts);
 * - notify: the plain SHOW_NOTIFICATION action its `showNotification` dispatches (notifications/actions.ts);
 * - rejoin: its `reloadNow()` reloads the page (app/actions.web.ts).
 */
export function plainDeps(win: Window): IJitsiMeetDeps {
    return {
        leave: () => () => jitsiApp(win)?.conference?.hangup(false),
        endConference: () => (_dispatch: unknown, getState: () => IJitsiMeetState) => {
            const conference = getState()['features/base/conference']?.conference as
                { end?: () => unknown } | undefined;

            return conference?.end?.();
        },
        notify: (text: string): UnknownAction => ({
            type: 'SHOW_NOTIFICATION',
            props: { title: text },
            timeout: LONG_NOTICE_MS,
            uid: `school-policy-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        }),
        rejoin: () => () => win.location.reload(),
    };
}
