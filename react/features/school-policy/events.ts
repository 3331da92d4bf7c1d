/**
 * Events as plain actions, and a reducer that handles them, without a state library: a handler per
 * event takes the state and the event's payload and returns the next state (never changes it). The
 * action creators carry their `type` and a `match` guard, as the listeners and both hosts use them.
 */
import type { UnknownAction } from './reduxShapes';

/** An event as dispatched: `{ type: '<slice>/<name>', payload }`. */
export interface PolicyEvent<P = undefined> extends UnknownAction {
    readonly payload: P;
}

/** Makes one event; `type` and `match` tell it apart from every other action. */
export interface EventCreator<Args extends unknown[], P> {
    (...args: Args): PolicyEvent<P>;
    readonly type: string;
    match(action: unknown): action is PolicyEvent<P>;
}

/** How an event changes the state: pure, and returns the state itself when nothing changes. */
export type EventHandler<S> = ((state: S) => S) | ((state: S, payload: never) => S);

/** The creator for one handler: no argument, an optional or a required payload. */
type CreatorFor<S, H> = H extends (state: S) => S
    ? EventCreator<[], undefined>
    : H extends (state: S, payload: infer P) => S
      ? undefined extends P
          ? EventCreator<[payload?: P], P>
          : EventCreator<[payload: P], P>
      : never;

/** The creators for a set of handlers, by the handlers' names. */
export type EventCreators<S, H> = { readonly [K in keyof H]: CreatorFor<S, H[K]> };

/**
 * The action creators and the reducer for a set of event handlers.
 *
 * @param name - prefix of every event's type, e.g. `schoolPolicy`.
 * @param initialState - the state before the first event.
 * @param handlers - one pure function per event, named in the past tense or as a user's choice.
 */
export function defineEvents<S, H extends Record<string, EventHandler<S>>>(
    name: string,
    initialState: S,
    handlers: H,
): { readonly actions: EventCreators<S, H>; readonly reducer: (state: S | undefined, action: UnknownAction) => S } {
    const byType = new Map<string, (state: S, payload: unknown) => S>();
    const actions: Record<string, unknown> = {};

    for (const key of Object.keys(handlers)) {
        const handler = handlers[key];
        const type = `${name}/${key}`;
        const create = (payload?: unknown): PolicyEvent<unknown> => ({ type, payload });

        byType.set(type, handler as (state: S, payload: unknown) => S);
        actions[key] = Object.assign(create, {
            type,
            match: (action: unknown): boolean =>
                typeof action === 'object' && action !== null && (action as { type?: unknown }).type === type,
        });
    }

    return {
        actions: actions as EventCreators<S, H>,
        reducer: (state = initialState, action) => {
            const handle = byType.get(action.type);

            return handle ? handle(state, action.payload) : state;
        },
    };
}
