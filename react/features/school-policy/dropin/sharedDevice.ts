/**
 * R4 for the drop-in: nothing of the meeting stays on a shared device. The fork build keeps the name
 * out of jitsi-meet's persisted settings (PersistenceRegistry); the drop-in cannot reach that
 * registry, so it takes the name out of the one write that would store it
 * ({@link keepNamesOutOfStorage}). What else jitsi-meet keeps (lib-jitsi-meet's sessionId, the
 * teacher's login) is written again on later state changes after the storage was cleared at the
 * meeting's end (seen on the stock build). So once the meeting is over, the drop-in also empties the
 * name in jitsi-meet's settings in memory (its own SETTINGS_UPDATED action, base/settings/actions.ts
 * `updateSettings`: the next person at this page does not find it), clears the storage again, and
 * clears it a last time when the page goes away.
 */
import type { PolicyState } from '../slice';
import { clearJitsiStorage, type IStorageLike } from '../jitsi-meet/storageCleanup';
import { SCHOOL_POLICY_STATE_KEY } from '../jitsi-meet/feature';
import { PERSONAL_SETTINGS, SETTINGS_SUBTREE } from '../jitsi-meet/personalSettings';

/** The stored settings without the ones that name or picture a person (the text unchanged when it is no JSON object). */
export function withoutPersonalSettings(stored: string): string {
    let parsed: unknown;

    try {
        parsed = JSON.parse(stored);
    } catch {
        return stored;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return stored;
    }
    const kept: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };

    for (const key of PERSONAL_SETTINGS) {
        delete kept[key];
    }

    return JSON.stringify(kept);
}

/**
 * Keeps the name off the device during the meeting too: jitsi-meet's PersistenceRegistry writes its
 * settings subtree with `localStorage.setItem` (through @jitsi/js-utils' jitsiLocalStorage, which
 * calls the page's Storage), so the drop-in wraps `Storage.prototype.setItem` and removes the personal
 * settings from writes of that one key to this page's localStorage. Everything else passes unchanged.
 * Installed before jitsi-meet's bundle runs; returns a function that restores the original.
 */
export function keepNamesOutOfStorage(win: Window & typeof globalThis): () => void {
    const proto = win.Storage.prototype;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the right `this` below
    const original = proto.setItem;
    const isLocalStorage = (storage: Storage): boolean => {
        try {
            return storage === win.localStorage;
        } catch {
            // A page without storage access: nothing is written there anyway.
            return false;
        }
    };

    proto.setItem = function setItem(this: Storage, key: string, value: string): void {
        original.call(
            this,
            key,
            key === SETTINGS_SUBTREE && isLocalStorage(this) ? withoutPersonalSettings(String(value)) : value,
        );
    };

    return () => {
        proto.setItem = original;
    };
}

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
