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
 * - removing a listener (the function `startListening` returned) ends its running instances the
 *   same way (Redux Toolkit's `unsubscribe({ cancelActive: true })`), so that no effect dispatches
 *   for a store that has let it go (a countdown, say);
 * - `getOriginalState()` works only while the effect runs synchronously within the dispatch that
 *   started it, and throws after, as in Redux Toolkit: a later "original" state would be a lie;
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
    /** The state before the action that started this effect; only before the effect's first `await`. */
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

/** What the middleware keeps: its listeners, and the conditions effects wait on. */
interface Registry<S> {
    readonly entries: Set<Entry<S>>;
    readonly waiters: Set<Waiter<S>>;
}

/** Resolves true when a later action satisfies `predicate`, false after `timeoutMs`; rejects when cancelled. */
function condition<S>(
    waiters: Set<Waiter<S>>,
    self: Run,
    predicate: ListenerPredicate<S>,
    timeoutMs: number,
): Promise<boolean> {
    if (self.cancelled) {
        return Promise.reject(new ListenerCancelled());
    }

    return new Promise<boolean>((resolve, reject) => {
        const settle = (value: boolean | null): void => {
            clearTimeout(timer);
            waiters.delete(waiter);
            self.onCancel.delete(onCancel);
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
        self.onCancel.add(onCancel);
    });
}

/** Starts one instance of a listener's effect for `action`. */
function runEffect<S>(
    registry: Registry<S>,
    entry: Entry<S>,
    action: UnknownAction,
    previous: S,
    store: Parameters<Middleware<S>>[0],
    extra: unknown,
): void {
    const self: Run = { cancelled: false, onCancel: new Set() };
    let synchronous = true;
    const api: ListenerApi<S, unknown> = {
        extra,
        dispatch: store.dispatch,
        getState: () => store.getState(),
        getOriginalState: () => {
            if (!synchronous) {
                throw new Error('getOriginalState can only be called synchronously, within the dispatch');
            }

            return previous;
        },
        condition: (predicate, timeoutMs) => condition(registry.waiters, self, predicate, timeoutMs),
        cancelActiveListeners: () => entry.running.forEach(other => other !== self && cancel(other)),
    };
    const done = (): void => {
        entry.running.delete(self);
    };

    entry.running.add(self);
    try {
        Promise.resolve(entry.effect(action, api)).then(done, (error: unknown) => {
            done();
            report(error);
        });
    } catch (error) {
        done();
        report(error);
    } finally {
        synchronous = false;
    }
}

/** The registration function: a listener for an action creator or a predicate, and its removal. */
function makeStartListening<S, E>(registry: Registry<S>): StartListening<S, E> {
    return (
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

        registry.entries.add(entry);

        return () => {
            registry.entries.delete(entry);
            entry.running.forEach(cancel);
        };
    };
}

/**
 * Makes a listener middleware.
 *
 * @param extra - given to every effect as `api.extra`.
 */
export function createListenerMiddleware<S, E>(extra: E): ListenerMiddleware<S, E> {
    const registry: Registry<S> = { entries: new Set(), waiters: new Set() };
    const middleware: Middleware<S> = store => next => action => {
        if (!isAction(action)) {
            return next(action);
        }
        const previous = store.getState();
        const result = next(action);
        const current = store.getState();

        for (const waiter of [...registry.waiters]) {
            if (safely(() => waiter.predicate(action, current, previous))) {
                waiter.resolve();
            }
        }
        for (const entry of [...registry.entries]) {
            if (safely(() => entry.matches(action, current, previous))) {
                runEffect(registry, entry, action, previous, store, extra);
            }
        }

        return result;
    };

    return { middleware, startListening: makeStartListening<S, E>(registry) };
}
