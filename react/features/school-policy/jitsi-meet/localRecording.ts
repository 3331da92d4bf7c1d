/**
 * R9: local recording refused where jitsi-meet starts it. jitsi-meet's recording middleware
 * (`react/features/recording/middleware.ts`, `START_LOCAL_RECORDING`) is registered before the
 * module's (`app/middlewares.any.ts`), so it is the outer one and calls
 * `LocalRecordingManager.startLocalRecording(store, onlySelf)` whatever the module's middleware does
 * with the action, and whatever the config says. The manager is one shared object
 * (`recording/components/Recording/LocalRecordingManager.web.ts`): replacing its method is the one
 * point every way of starting goes through — button, shortcut, a hand-dispatched action.
 */

/** The part of jitsi-meet's LocalRecordingManager this module replaces. */
export interface LocalRecordingStarter {
    // A method signature, as jitsi-meet's ILocalRecordingManager is checked against it with its
    // own (wider) store type.
    startLocalRecording(store: { dispatch: (action: never) => unknown }, onlySelf: boolean): Promise<void>;
}

/** What jitsi-meet's middleware gets as the rejection: it logs it and shows "recording failed to start". */
export const LOCAL_RECORDING_REFUSED = 'SchoolPolicyForbidsRecording';

/**
 * Makes `manager.startLocalRecording` refuse: it notifies through the store it is given and
 * rejects, so jitsi-meet's middleware never marks a recording as running.
 *
 * @param {LocalRecordingStarter} manager - jitsi-meet's LocalRecordingManager.
 * @param {Function} notice - Builds the notification action (the teacher's language).
 * @returns {void}
 */
export function refuseLocalRecording(manager: LocalRecordingStarter, notice: () => unknown): void {
    manager.startLocalRecording = store => {
        store.dispatch(notice() as never);

        return Promise.reject(new Error(LOCAL_RECORDING_REFUSED));
    };
}
