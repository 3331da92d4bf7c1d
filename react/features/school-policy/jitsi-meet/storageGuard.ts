/**
 * R4: nothing of the meeting stays on a shared device, whatever jitsi-meet and lib-jitsi-meet write
 * after the policy's clean-up at the meeting's end (storageCleanup.ts). Used by both builds: the
 * fork's registration and the drop-in install it before jitsi-meet writes.
 */
import type { PolicyState } from '../slice';

import { SCHOOL_POLICY_STATE_KEY } from './feature';
import { PERSONAL_SETTINGS, SETTINGS_SUBTREE } from './personalSettings';
import { JITSI_STORAGE_KEYS } from './storageCleanup';

/** The part of jitsi-meet's store that says whether the meeting is over. */
export interface IMeetingStore {
    getState(): unknown;
}

/** Whether the policy says the meeting is over for this page. */
export function meetingOver(store: IMeetingStore): boolean {
    const policy = (store.getState() as Record<string, unknown>)[SCHOOL_POLICY_STATE_KEY] as PolicyState | undefined;

    return policy?.phase.kind === 'left';
}

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
 * A guard on what jitsi-meet writes to this page's localStorage, for both builds, installed before
 * jitsi-meet writes anything (it wraps `Storage.prototype.setItem`: jitsi-meet and lib-jitsi-meet,
 * each with its own copy of @jitsi/js-utils' jitsiLocalStorage, write through the page's Storage):
 *
 * - the name never reaches the device: writes of jitsi-meet's settings lose the personal settings,
 *   as the fork build's PersistenceRegistry registration also does (personalSettings.ts);
 * - once the meeting is over, nothing jitsi-meet keeps is written back: lib-jitsi-meet stores the
 *   teacher's `sessionId` (Jicofo's login session) again after the clean-up at the meeting's end
 *   (seen on the stock build; the fork build runs the same lib-jitsi-meet), so writes of those keys
 *   are dropped until a meeting starts again.
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
