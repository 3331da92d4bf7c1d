/**
 * A listener middleware: effects that run after the reducer, for the actions (or state changes)
 * they listen to. It follows the semantics of Redux Toolkit's `createListenerMiddleware`, which the
 * policy used before, in the part the policy needs, so that the module brings no state library into
 * jitsi-meet's bundle:
 *
 * - an effect starts in the same call as the dispatch that matched it (a lock command goes out in
 *   the same task as the role event), after the reducer;
 * - `condition(predicate, ms)` waits for a later action that satisfies it, or gives up after `ms`;
 * - `cancelActiveListeners()` ends the other running instances of the same listener: their pending
 *   `condition` rejects, which ends them quietly;
 * - an effect that fails is reported on the console, never silently dropped, and never breaks the
 *   dispatch that started it.
 */
import { isAction, type Dispatch, type Middleware, type Unsubscribe, type UnknownAction } from './reduxShapes';

/** Decides on an action and the states after and before it. */
export type ListenerPredicate<S> = (action: UnknownAction, current: S, previous: S) => boolean;

/** What an effect can do. */
export interface ListenerApi<S, E> {
    /** What the middleware was created with (the host, timing, ...). */
    readonly extra: E;
    readonly dispatch: Dispatch;
    getState(): S;
    /** The state before the action that started this effect. */
    getOriginalState(): S;
    /** Resolves true when a later action satisfies `predicate`, false after `timeoutMs`. */
    condition(predicate: ListenerPredicate<S>, timeoutMs: number): Promise<boolean>;
    /** Ends the other running instances of this listener. */
    cancelActiveListeners(): void;
}

/** What an effect is: it may run on after the dispatch (a promise), never longer than it waits. */
export type ListenerEffect<S, E, A> = (action: A, api: ListenerApi<S, E>) => void | Promise<void>;

/** Registers a listener (for one kind of action, or for a predicate) and returns its removal. */
export interface StartListening<S, E> {
    <A extends UnknownAction>(options: {
        readonly actionCreator: { match(action: unknown): action is A };
        readonly effect: ListenerEffect<S, E, A>;
    }): Unsubscribe;
    (options: {
        readonly predicate: ListenerPredicate<S>;
        readonly effect: ListenerEffect<S, E, UnknownAction>;
    }): Unsubscribe;
}

/** The middleware and its `startListening`. */
export interface ListenerMiddleware<S, E> {
    readonly middleware: Middleware<S>;
    readonly startListening: StartListening<S, E>;
}

/** Thrown into an effect whose listener was cancelled (by a newer instance); ends it quietly. */
class ListenerCancelled extends Error {
    constructor() {
        super('listener cancelled');
        this.name = 'ListenerCancelled';
    }
}

/** One running effect: cancelling it rejects whatever it waits for. */
interface Run {
    cancelled: boolean;
    readonly onCancel: Set<() => void>;
}

interface Entry<S> {
    readonly matches: ListenerPredicate<S>;
    readonly effect: (action: UnknownAction, api: ListenerApi<S, unknown>) => void | Promise<void>;
    readonly running: Set<Run>;
}

interface Waiter<S> {
    readonly predicate: ListenerPredicate<S>;
    readonly resolve: () => void;
}

function report(error: unknown): void {
    if (!(error instanceof ListenerCancelled)) {
        console.error('school-policy: a listener failed', error);
    }
}

/** A predicate that throws is reported and counts as not matched. */
function safely(predicate: () => boolean): boolean {
    try {
        return predicate();
    } catch (error) {
        report(error);

        return false;
    }
}

function cancel(run: Run): void {
    run.cancelled = true;
    run.onCancel.forEach(reject => reject());
    run.onCancel.clear();
}

/**
 * Makes a listener middleware.
 *
 * @param extra - given to every effect as `api.extra`.
 */
export function createListenerMiddleware<S, E>(extra: E): ListenerMiddleware<S, E> {
    const entries = new Set<Entry<S>>();
    const waiters = new Set<Waiter<S>>();

    const startListening: StartListening<S, E> = (
        options:
            | {
                  readonly actionCreator: { match(action: unknown): boolean };
                  readonly effect: ListenerEffect<S, E, never>;
              }
            | { readonly predicate: ListenerPredicate<S>; readonly effect: ListenerEffect<S, E, never> },
    ) => {
        const entry: Entry<S> = {
            matches: 'actionCreator' in options ? action => options.actionCreator.match(action) : options.predicate,
            effect: options.effect as Entry<S>['effect'],
            running: new Set(),
        };

        entries.add(entry);

        return () => {
            entries.delete(entry);
        };
    };

    const middleware: Middleware<S> = store => next => action => {
        if (!isAction(action)) {
            return next(action);
        }
        const previous = store.getState();
        const result = next(action);
        const current = store.getState();

        for (const waiter of [...waiters]) {
            if (safely(() => waiter.predicate(action, current, previous))) {
                waiter.resolve();
            }
        }
        for (const entry of [...entries]) {
            if (safely(() => entry.matches(action, current, previous))) {
                run(entry, action, previous, store);
            }
        }

        return result;
    };

    function condition(run: Run, predicate: ListenerPredicate<S>, timeoutMs: number): Promise<boolean> {
        if (run.cancelled) {
            return Promise.reject(new ListenerCancelled());
        }

        return new Promise<boolean>((resolve, reject) => {
            const settle = (value: boolean | null): void => {
                clearTimeout(timer);
                waiters.delete(waiter);
                run.onCancel.delete(onCancel);
                if (value === null) {
                    reject(new ListenerCancelled());
                } else {
                    resolve(value);
                }
            };
            const waiter: Waiter<S> = { predicate, resolve: () => settle(true) };
            const onCancel = (): void => settle(null);
            const timer = setTimeout(() => settle(false), timeoutMs);

            waiters.add(waiter);
            run.onCancel.add(onCancel);
        });
    }

    function run(entry: Entry<S>, action: UnknownAction, previous: S, store: Parameters<Middleware<S>>[0]): void {
        const self: Run = { cancelled: false, onCancel: new Set() };
        const api: ListenerApi<S, unknown> = {
            extra,
            dispatch: store.dispatch,
            getState: () => store.getState(),
            getOriginalState: () => previous,
            condition: (predicate, timeoutMs) => condition(self, predicate, timeoutMs),
            cancelActiveListeners: () => {
                entry.running.forEach(other => {
                    if (other !== self) {
                        cancel(other);
                    }
                });
            },
        };

        entry.running.add(self);
        const done = (): void => {
            entry.running.delete(self);
        };

        try {
            Promise.resolve(entry.effect(action, api)).then(done, (error: unknown) => {
                done();
                report(error);
            });
        } catch (error) {
            done();
            report(error);
        }
    }

    return { middleware, startListening };
}
