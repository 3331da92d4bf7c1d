/**
 * R4 for the drop-in: nothing of the meeting stays on a shared device. Like the fork build, it
 * filters what jitsi-meet writes (jitsi-meet/storageGuard.ts). The drop-in cannot reach jitsi-meet's
 * PersistenceRegistry, so that guard is also what keeps the name off the device here. Once the
 * meeting is over, the drop-in also empties the name in jitsi-meet's settings in memory (its own
 * SETTINGS_UPDATED action, base/settings/actions.ts `updateSettings`: the next person at this page
 * does not find it), clears the storage again, and clears it a last time when the page goes away.
 */
import { meetingOver, type IMeetingStore } from '../jitsi-meet/storageGuard';
import { clearJitsiStorage, type IStorageLike } from '../jitsi-meet/storageCleanup';

/** The part of jitsi-meet's store the clean-up needs. */
export interface ICleanedStore extends IMeetingStore {
    dispatch(action: unknown): unknown;
    subscribe(listener: () => void): () => void;
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
