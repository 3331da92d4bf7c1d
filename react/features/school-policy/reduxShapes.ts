/**
 * The few Redux shapes the module speaks, declared here so that it needs no state library of its
 * own: inside jitsi-meet it runs on jitsi-meet's Redux 4, in the portal on Redux 5 (through Redux
 * Toolkit), in the drop-in on whatever store jitsi-meet made. They match Redux's own declarations
 * structurally, so either store accepts what the module hands it.
 */

/** Any action with a string type. */
export interface UnknownAction {
    readonly type: string;
    readonly [extra: string]: unknown;
}

/** A store's dispatch: returns what it was given (middlewares such as thunks may return more). */
export type Dispatch = <A extends UnknownAction>(action: A, ...rest: unknown[]) => A;

/** A reducer over the module's state. */
export type Reducer<S = unknown> = (state: S | undefined, action: UnknownAction) => S;

/** What a middleware gets from the store. */
export interface MiddlewareAPI<S> {
    dispatch: Dispatch;
    getState(): S;
}

/** A Redux middleware over a store whose state is `S`. */
export type Middleware<S> = (
    api: MiddlewareAPI<S>,
) => (next: (action: unknown) => unknown) => (action: unknown) => unknown;

/** Removes what was registered. */
export type Unsubscribe = () => void;

/** True for a plain action (not a thunk or anything else a middleware may see). */
export function isAction(value: unknown): value is UnknownAction {
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
