/**
 * The host needs the store (it dispatches what it hears), the store needs the host (the policy's
 * listeners get it as `extra`). Both hosts — the portal's IFrame adapter and the fork build's
 * jitsi-meet adapter — solve it the same way: the host is made once, from the store's `dispatch` and
 * `getState`, the first time it is needed after the store exists.
 */
import type { Dispatch } from './reduxShapes';

/** What a host is made from. */
export interface HostStore<S> {
    readonly dispatch: Dispatch;
    getState(): S;
}

/** A host that is made from the store once the store exists. */
export interface HostBinding<S, H> {
    /** Hands over the store (the first call counts). */
    bind(store: HostStore<S>): void;
    /** The host; made on the first call. Throws before `bind`, which is a wiring mistake. */
    host(): H;
}

/** Makes the binding. */
export function bindHost<S, H>(make: (store: HostStore<S>) => H): HostBinding<S, H> {
    let store: HostStore<S> | undefined;
    let host: H | undefined;

    return {
        bind(given) {
            store ??= given;
        },
        host() {
            if (host === undefined) {
                if (!store) {
                    throw new Error('school-policy: the host was asked for before the store existed');
                }
                host = make(store);
            }

            return host;
        },
    };
}
