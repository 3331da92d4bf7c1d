/**
 * Keeps names off shared devices (R4, R7): jitsi-meet writes its `features/base/settings` subtree,
 * the display name included, to the device's storage through its PersistenceRegistry. In
 * shared-device mode the registration re-registers that subtree without the settings that name a
 * person, so the name lives in memory for the meeting and is never written to the device.
 */

/** The subtree jitsi-meet persists its settings under. */
export const SETTINGS_SUBTREE = 'features/base/settings';

/** Settings that name or picture a person. */
export const PERSONAL_SETTINGS = ['displayName', 'email', 'avatarURL'] as const;

/** The part of jitsi-meet's PersistenceRegistry this needs (its fields as jitsi-meet declares them). */
export interface IPersistenceRegistryLike {
    _elements: { [name: string]: boolean | object };
    _defaultStates: { [name: string]: object | undefined };
    register(name: string, config?: boolean | object, defaultState?: object): void;
}

/**
 * Re-registers jitsi-meet's settings subtree without the personal settings. Call it after
 * jitsi-meet's settings reducer registered the subtree.
 *
 * @param {IPersistenceRegistryLike} registry - Jitsi-meet's PersistenceRegistry.
 * @returns {boolean} False when the subtree was not registered as a list of keys, so nothing could
 * be excluded (the registration then warns).
 */
export function keepPersonalSettingsOffDevice(registry: IPersistenceRegistryLike): boolean {
    const config = registry._elements[SETTINGS_SUBTREE];

    if (typeof config !== 'object' || config === null) {
        return false;
    }
    const withoutNames: Record<string, unknown> = { ...config };

    for (const key of PERSONAL_SETTINGS) {
        withoutNames[key] = false;
    }
    registry.register(SETTINGS_SUBTREE, withoutNames, registry._defaultStates[SETTINGS_SUBTREE]);

    return true;
}
