/**
 * R4 for the drop-in: nothing of the meeting stays on a shared device. The fork build keeps the name
 * out of jitsi-meet's persisted settings (PersistenceRegistry); the drop-in cannot reach that
 * registry, so it filters what jitsi-meet writes ({@link guardJitsiStorage}): the name never, and
 * after the meeting nothing (lib-jitsi-meet writes the teacher's sessionId again after the clean-up at
 * the meeting's end, seen on the stock build). Once the meeting is over, the drop-in also empties the
 * name in jitsi-meet's settings in memory (its own SETTINGS_UPDATED action, base/settings/actions.ts
 * `updateSettings`: the next person at this page does not find it), clears the storage again, and
 * clears it a last time when the page goes away.
 */
import type { PolicyState } from '../slice';
import { JITSI_STORAGE_KEYS, clearJitsiStorage, type IStorageLike } from '../jitsi-meet/storageCleanup';
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
 * The drop-in's guard on what jitsi-meet writes to this page's localStorage, installed before
 * jitsi-meet's bundle runs (it wraps `Storage.prototype.setItem`: jitsi-meet and lib-jitsi-meet
 * write through @jitsi/js-utils' jitsiLocalStorage, which calls the page's Storage):
 *
 * - the name never reaches the device: writes of jitsi-meet's settings lose the personal settings,
 *   as the fork build's PersistenceRegistry registration does;
 * - once the meeting is over, nothing jitsi-meet keeps is written back: lib-jitsi-meet stores the
 *   teacher's `sessionId` again after the clean-up at the meeting's end (seen on the stock build),
 *   so writes of those keys are dropped until a meeting starts again.
 *
 * Everything else passes unchanged. Returns a function that restores the original.
 *
 * @param win - The page.
 * @param isMeetingOver - Whether the meeting is over (false until jitsi-meet's store exists).
 */
export function guardJitsiStorage(win: Window & typeof globalThis, isMeetingOver: () => boolean): () => void {
    const proto = win.Storage.prototype;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the right `this` below
    const original = proto.setItem;
    const kept: readonly string[] = JITSI_STORAGE_KEYS;
    const isLocalStorage = (storage: Storage): boolean => {
        try {
            return storage === win.localStorage;
        } catch {
            // A page without storage access: nothing is written there anyway.
            return false;
        }
    };

    proto.setItem = function setItem(this: Storage, key: string, value: string): void {
        if (!isLocalStorage(this)) {
            original.call(this, key, value);
        } else if (kept.includes(key) && isMeetingOver()) {
            // R4: after the meeting, jitsi-meet keeps nothing on a shared device.
        } else {
            original.call(this, key, key === SETTINGS_SUBTREE ? withoutPersonalSettings(String(value)) : value);
        }
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

/** Whether the policy says the meeting is over for this page. */
export function meetingOver(store: ICleanedStore): boolean {
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
