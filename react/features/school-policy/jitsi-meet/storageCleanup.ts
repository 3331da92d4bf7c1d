/**
 * What jitsi-meet and lib-jitsi-meet keep in `jitsiLocalStorage` (docs/jitsi-behaviour.md §8). On a shared
 * device all of it goes when the meeting ends, including `sessionId`: the teacher's stored Jicofo
 * login (R4).
 */
export const JITSI_STORAGE_KEYS = [
    'features/base/settings',
    'features/recent-list',
    'features/dropbox',
    'features/calendar-sync',
    'features/polls-history',
    'callStatsUserName',
    'jitsiMeetId',
    'sessionId',

    // On WebKit, jitsi-meet mirrors everything into this one key.
    'jitsiLocalStorage',
] as const;

/** The part of the Storage interface the clean-up needs. */
export interface IStorageLike {
    removeItem(key: string): void;
    getItem(key: string): string | null;
}

/**
 * Removes jitsi-meet's stored data from a storage.
 *
 * @param {IStorageLike} storage - Usually jitsi-meet's `jitsiLocalStorage` or `window.localStorage`.
 * @returns {string[]} The keys that were there and are gone now.
 */
export function clearJitsiStorage(storage: IStorageLike): string[] {
    return JITSI_STORAGE_KEYS.filter(key => {
        const present = storage.getItem(key) !== null;

        storage.removeItem(key);

        return present;
    });
}
