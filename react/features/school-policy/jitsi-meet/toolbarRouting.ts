/**
 * The hang-up gate, shared by the compiled fork build and the drop-in. Buttons listed in
 * `buttonsWithNotifyClick` do not run their click; jitsi-meet's AbstractButton calls
 * `APP.API.notifyToolbarButtonClicked(key, true)` instead (react/features/base/toolbox/components/
 * AbstractButton.tsx), and outside an iframe that notification goes nowhere. Wrapping it once routes
 * all three hang-up keys into the policy, in an iframe or not; and the media centre's "Missbrauch
 * melden" button, a custom button whose clicks only notify (centreInMeeting.ts).
 */
/** The part of jitsi-meet's `APP.API` the gate wraps. */
export interface IToolbarNotifier {
    notifyToolbarButtonClicked(key: string, preventExecution: boolean): void;
}

/**
 * Wraps `api.notifyToolbarButtonClicked` so that prevented clicks go to `route` first; what the
 * route does not take (not a hang-up key) is passed on to the embedder as before.
 *
 * @param {IToolbarNotifier} api - jitsi-meet's `APP.API`.
 * @param {Function} route - The feature's `routeToolbarClick`, bound to the store's dispatch.
 * @returns {void}
 */
export function routeHangupClicks(
    api: IToolbarNotifier,
    route: (key: string, preventExecution: boolean) => boolean,
): void {
    const notify = api.notifyToolbarButtonClicked.bind(api);

    api.notifyToolbarButtonClicked = (key: string, preventExecution: boolean) => {
        if (!route(key, preventExecution)) {
            notify(key, preventExecution);
        }
    };
}

/** The part of jitsi-meet's `APP.conference` the second gate wraps. */
export interface IConferenceHangup {
    hangup(...args: never[]): unknown;
}

/**
 * The same gate for `APP.conference.hangup()`, which every web leave path of jitsi-meet ends in (its
 * `hangup` thunk, base/connection/actions.web.ts; the IFrame API's `hangup` command, modules/API/
 * API.js) and which a curious teacher can call from the browser console. While the policy holds the
 * meeting, `take` hands the call to it, and the policy leaves through the same function itself once it
 * has decided to (its phase is then `leaving`, and `take` lets the call through).
 *
 * @param {IConferenceHangup} conference - jitsi-meet's `APP.conference`.
 * @param {Function} take - The feature's `takeHangupCall`, bound to the store.
 * @returns {void}
 */
export function gateHangupCalls(conference: IConferenceHangup, take: () => boolean): void {
    const hangup = conference.hangup.bind(conference);

    conference.hangup = (...args: never[]) => (take() ? undefined : hangup(...args));
}
