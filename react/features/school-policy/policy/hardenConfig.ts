/**
 * Config hardening: the table of hardened keys (hardenedKeys.ts) imposed on a jitsi-meet config
 * object. The fork build runs it after every config change (so that URL hash and API overrides cannot
 * undo it), and the portal passes its result as `configOverwrite`.
 */
import { HARDENED_KEYS, type HardenedKey } from './hardenedKeys';
import { withoutKey } from './withoutKey';

/** A jitsi-meet config object as far as we need to know it: any keys, values unknown. */
export type JitsiConfig = Readonly<Record<string, unknown>>;

/** An entry of `buttonsWithNotifyClick`: a key alone means "notify and do not run the click". */
export type NotifyClickEntry = string | { readonly key: string; readonly preventExecution: boolean };

export { HANGUP_KEYS, RECORDING_BUTTONS } from './hardenedKeys';

/**
 * The toolbar we set where a config names none. Jitsi's own default list contains `recording`
 * and `livestreaming`; an explicit list leaves no doubt.
 */
export const SCHOOL_TOOLBAR_BUTTONS: readonly string[] = [
    'microphone',
    'camera',
    'desktop',
    'chat',
    'raisehand',
    'reactions',
    'participants-pane',
    'tileview',
    'toggle-camera',
    'select-background',
    'settings',
    'fullscreen',
    'security',
    'hangup',
];

function objectAt(config: JitsiConfig, key: string): Readonly<Record<string, unknown>> {
    const value = config[key];

    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Readonly<Record<string, unknown>>)
        : {};
}

function withoutButtons(value: unknown, without: readonly string[]): unknown {
    if (!Array.isArray(value)) {
        return value;
    }

    return value
        .map((item: unknown) => (Array.isArray(item) ? withoutButtons(item, without) : item))
        .filter((item: unknown) => typeof item !== 'string' || !without.includes(item));
}

function entryKey(entry: unknown): string | undefined {
    if (typeof entry === 'string') {
        return entry;
    }
    if (typeof entry === 'object' && entry !== null && 'key' in entry && typeof entry.key === 'string') {
        return entry.key;
    }

    return undefined;
}

/** Keeps every other entry as it was and makes the given keys notify-and-prevent. */
function withClicksPrevented(value: unknown, keys: readonly string[]): NotifyClickEntry[] {
    const entries = Array.isArray(value) ? (value as unknown[]) : [];
    const others = entries.filter((entry): entry is NotifyClickEntry => {
        const key = entryKey(entry);

        return key !== undefined && !keys.includes(key);
    });

    return [...others, ...keys];
}

/** A copy of `config` with `path` set to `value`, keeping every sibling key of every object on the way. */
function setPath(config: JitsiConfig, path: readonly string[], value: unknown): JitsiConfig {
    const head = path[0];
    const rest = path.slice(1);

    if (head === undefined) {
        return config;
    }

    return { ...config, [head]: rest.length === 0 ? value : setPath(objectAt(config, head), rest, value) };
}

/** A copy of `config` without the key at `path` (unchanged when it is not there). */
function removePath(config: JitsiConfig, path: readonly string[]): JitsiConfig {
    const head = path[0];
    const rest = path.slice(1);

    if (head === undefined || !(head in config)) {
        return config;
    }
    if (rest.length === 0) {
        return withoutKey(config, head);
    }

    return { ...config, [head]: removePath(objectAt(config, head), rest) };
}

/** Imposes one row of the table. */
function impose(config: JitsiConfig, key: HardenedKey): JitsiConfig {
    const path = key.path.split('.');

    switch (key.kind) {
        case 'flag': {
            const set = setPath(config, path, key.value);

            return key.legacy ? setPath(set, key.legacy.split('.'), key.value) : set;
        }
        case 'absent':
            return removePath(config, path);
        case 'buttonList':
            // Jitsi's own default toolbar contains the recording buttons: where a config names no
            // toolbar, an explicit list leaves no doubt. Other lists are only filtered when present.
            if (key.path === 'toolbarButtons' && !Array.isArray(config.toolbarButtons)) {
                return { ...config, toolbarButtons: [...SCHOOL_TOOLBAR_BUTTONS] };
            }

            return key.path in config
                ? { ...config, [key.path]: withoutButtons(config[key.path], key.without) }
                : config;
        case 'notifyClick':
            return { ...config, [key.path]: withClicksPrevented(config[key.path], key.keys) };
    }
}

/**
 * Returns a copy of `config` with every row of the hardened-keys table imposed:
 * - no recording, streaming, local recording or transcription, and no buttons for them (R9);
 * - prejoin on, camera and microphone off at the start, no name required (R7);
 * - no third-party requests: Gravatar and analytics off, rooms not stored (R10, R4);
 * - the three hang-up keys intercepted, so the leave-last dialog runs (R8).
 *
 * Idempotent, never mutates its input, and only ever tightens: every value it sets is the strict
 * one, lists are only filtered, and every other key, also inside the objects it touches, is kept.
 */
export function hardenConfig(config: JitsiConfig): JitsiConfig {
    return HARDENED_KEYS.reduce(impose, config);
}
