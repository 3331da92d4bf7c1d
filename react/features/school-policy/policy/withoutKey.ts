/**
 * A copy of `record` without `key`, or the same object when the key is not there (so a state that
 * does not change stays the same object). Written without object rest (`{ [key]: _, ...rest }`):
 * jitsi-meet compiles for Safari 14, where Babel adds a helper for that to every module using it.
 */
export function withoutKey<T extends Readonly<Record<string, unknown>>>(record: T, key: string): T {
    if (!Object.hasOwn(record, key)) {
        return record;
    }
    const copy: Record<string, unknown> = { ...record };

    delete copy[key];

    return copy as T;
}
