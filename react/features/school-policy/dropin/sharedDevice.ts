/**
 * R4 for the drop-in: nothing of the meeting stays on a shared device. The fork build keeps the name
 * out of jitsi-meet's persisted settings (PersistenceRegistry); the drop-in cannot, and jitsi-meet
 * persists its settings again on the next state change after the feature cleared the storage at the
 * meeting's end (seen on the stock build: the name and the login's sessionId came back). So once the
 * meeting is over, the drop-in also empties the name in jitsi-meet's settings (its own
 * SETTINGS_UPDATED action, base/settings/actions.ts `updateSettings`), clears the storage again, and
 * clears it a last time when the page goes away.
 */
import type { PolicyState } from '../slice';
import { clearJitsiStorage, type IStorageLike } from '../jitsi-meet/storageCleanup';
import { SCHOOL_POLICY_STATE_KEY } from '../jitsi-meet/feature';

/** The part of jitsi-meet's store the clean-up needs. */
export interface ICleanedStore {
    dispatch(action: unknown): unknown;
    getState(): unknown;
    subscribe(listener: () => void): () => void;
}

function meetingOver(store: ICleanedStore): boolean {
    const policy = (store.getState() as Record<string, unknown>)[SCHOOL_POLICY_STATE_KEY] as PolicyState | undefined;

    return policy?.phase.kind === 'left';
}

/** Watches the store; returns a function that stops watching. */
export function keepSharedDeviceClean(win: Window, store: ICleanedStore, storage: IStorageLike): () => void {
    let cleaned = false;
    const unsubscribe = store.subscribe(() => {
        if (!meetingOver(store)) {
            cleaned = false;

            return;
        }
        if (!cleaned) {
            cleaned = true;
            store.dispatch({ type: 'SETTINGS_UPDATED', settings: { displayName: '', email: '' } });
            clearJitsiStorage(storage);
        }
    });
    const onPageHide = () => {
        if (meetingOver(store)) {
            clearJitsiStorage(storage);
        }
    };

    win.addEventListener('pagehide', onPageHide);

    return () => {
        unsubscribe();
        win.removeEventListener('pagehide', onPageHide);
    };
}
