/**
 * The core's own listener middleware, which replaced Redux Toolkit's inside the module (issue #14):
 * the behaviours the policy relies on, each on a real Redux store: Redux 5 (Redux Toolkit's, as the
 * portal has it) and Redux 4.0.4 (jitsi-meet's). A teacher notices them as a lock that goes out at
 * once, a countdown that does not run twice nor on after its store let it go, and a failure that is
 * not swallowed.
 */
import { configureStore, createSlice } from '@reduxjs/toolkit';
import { applyMiddleware, combineReducers, createStore, type Middleware as Redux4Middleware } from 'redux4';

import { createListenerMiddleware } from '../../react/features/school-policy/listenerMiddleware';

const counter = createSlice({
    name: 'counter',
    initialState: { value: 0 },
    reducers: {
        added: (state, action: { payload: number }) => {
            state.value += action.payload;
        },
        reset: () => ({ value: 0 }),
    },
});

interface State {
    counter: { value: number };
}

type Extra = { tag: string };

/** Redux Toolkit's store (Redux 5, with its thunk middleware and its checks against mutation). */
function redux5Store(extra: Extra = { tag: 'extra' }) {
    const listener = createListenerMiddleware<State, Extra>(extra);
    const store = configureStore({
        reducer: { counter: counter.reducer },
        middleware: getDefault => getDefault().prepend(listener.middleware),
    });

    return { store, startListening: listener.startListening };
}

/** Thunks as redux-thunk runs them (jitsi-meet's store has it after its own middlewares). */
const thunks: Redux4Middleware = store => next => (action: unknown) =>
    typeof action === 'function'
        ? (action as (dispatch: unknown, getState: unknown) => unknown)(
              (inner: unknown) => store.dispatch(inner as never),
              () => store.getState() as unknown,
          )
        : next(action as never);

/** A store as jitsi-meet makes one: Redux 4.0.4's createStore and applyMiddleware. */
function redux4Store(extra: Extra = { tag: 'extra' }) {
    const listener = createListenerMiddleware<State, Extra>(extra);
    const store = createStore(
        combineReducers({ counter: counter.reducer }),
        applyMiddleware(listener.middleware as unknown as Redux4Middleware, thunks),
    );

    return {
        store: store as unknown as ReturnType<typeof redux5Store>['store'],
        startListening: listener.startListening,
    };
}

const { added, reset } = counter.actions;

describe.each([
    ['Redux 5 (Redux Toolkit)', redux5Store],
    ['Redux 4.0.4 (jitsi-meet’s)', redux4Store],
])('the core’s listener middleware on %s', (_redux, makeStore) => {
    it('starts an effect within the dispatch that matched, after the reducer, with the state before', () => {
        const { store, startListening } = makeStore();
        const seen: string[] = [];

        startListening({
            actionCreator: added,
            effect: (action, api) => {
                seen.push(
                    `${action.payload}: ${api.getOriginalState().counter.value} → ${api.getState().counter.value} (${api.extra.tag})`,
                );
            },
        });
        store.dispatch(added(2));
        // Nothing awaited: the effect has already run.
        expect(seen).toEqual(['2: 0 → 2 (extra)']);
        store.dispatch(reset());
        expect(seen).toHaveLength(1);
    });

    it('runs a predicate listener on the state change it describes, and stops after unsubscribe', () => {
        const { store, startListening } = makeStore();
        let crossings = 0;
        const stop = startListening({
            predicate: (_action, current, previous) => current.counter.value >= 3 && previous.counter.value < 3,
            effect: () => {
                crossings += 1;
            },
        });

        store.dispatch(added(2));
        store.dispatch(added(2));
        store.dispatch(added(2));
        expect(crossings).toBe(1);
        stop();
        store.dispatch(reset());
        store.dispatch(added(5));
        expect(crossings).toBe(1);
    });

    it('lets an effect wait for a later action, and gives up after the time it was given', async () => {
        jest.useFakeTimers();
        try {
            const { store, startListening } = makeStore();
            const outcomes: boolean[] = [];

            startListening({
                actionCreator: reset,
                effect: async (_action, api) => {
                    outcomes.push(await api.condition((_a, state) => state.counter.value > 10, 1000));
                },
            });
            store.dispatch(reset());
            store.dispatch(added(20));
            await jest.advanceTimersByTimeAsync(0);
            store.dispatch(reset());
            await jest.advanceTimersByTimeAsync(999);
            expect(outcomes).toEqual([true]);
            await jest.advanceTimersByTimeAsync(1);
            expect(outcomes).toEqual([true, false]);
        } finally {
            jest.useRealTimers();
        }
    });

    it('ends the older run of a listener when a newer one cancels it, quietly', async () => {
        jest.useFakeTimers();
        const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);

        try {
            const { store, startListening } = makeStore();
            const finished: number[] = [];

            startListening({
                actionCreator: added,
                effect: async (action, api) => {
                    api.cancelActiveListeners();
                    await api.condition(() => false, 1000);
                    finished.push(action.payload);
                },
            });
            store.dispatch(added(1));
            await jest.advanceTimersByTimeAsync(500);
            store.dispatch(added(2));
            await jest.advanceTimersByTimeAsync(1000);
            expect(finished).toEqual([2]);
            expect(errors).not.toHaveBeenCalled();
        } finally {
            errors.mockRestore();
            jest.useRealTimers();
        }
    });

    it('ends a listener’s running effects when the listener is removed: a countdown stops', async () => {
        jest.useFakeTimers();
        const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);

        try {
            const { store, startListening } = makeStore();
            const stop = startListening({
                actionCreator: reset,
                effect: async (_action, api) => {
                    // The shape of the not-open countdown: one step a second until told otherwise.
                    for (;;) {
                        await api.condition(() => false, 1000);
                        api.dispatch(added(1));
                    }
                },
            });

            store.dispatch(reset());
            await jest.advanceTimersByTimeAsync(2000);
            expect(store.getState().counter.value).toBe(2);
            stop();
            await jest.advanceTimersByTimeAsync(5000);
            expect(store.getState().counter.value).toBe(2);
            expect(errors).not.toHaveBeenCalled();
            expect(jest.getTimerCount()).toBe(0);
        } finally {
            errors.mockRestore();
            jest.useRealTimers();
        }
    });

    it('gives the original state only within the dispatch that started the effect', async () => {
        const { store, startListening } = makeStore();
        const seen: (number | string)[] = [];

        startListening({
            actionCreator: added,
            effect: async (_action, api) => {
                seen.push(api.getOriginalState().counter.value);
                await Promise.resolve();
                try {
                    seen.push(api.getOriginalState().counter.value);
                } catch (error) {
                    seen.push(String(error));
                }
            },
        });
        store.dispatch(added(3));
        await new Promise(resolve => setTimeout(resolve, 0));
        expect(seen).toEqual([0, expect.stringMatching(/only be called synchronously/) as unknown]);
    });

    it('reports a failing effect on the console and keeps the store working', async () => {
        const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);

        try {
            const { store, startListening } = makeStore();

            startListening({
                actionCreator: added,
                effect: () => {
                    throw new Error('host gone');
                },
            });
            startListening({
                actionCreator: reset,
                effect: () => Promise.reject(new Error('later failure')),
            });
            store.dispatch(added(1));
            store.dispatch(reset());
            await Promise.resolve();
            await Promise.resolve();
            expect(store.getState().counter.value).toBe(0);
            expect(errors.mock.calls.map(call => String(call[1]))).toEqual([
                'Error: host gone',
                'Error: later failure',
            ]);
        } finally {
            errors.mockRestore();
        }
    });

    it('passes what is not a plain action (a thunk) on without looking at it', () => {
        const { store, startListening } = makeStore();
        let effects = 0;

        startListening({ predicate: () => true, effect: () => void (effects += 1) });
        const result = store.dispatch((dispatch: (action: unknown) => unknown) => {
            dispatch(added(4));

            return 'thunk ran';
        });

        expect(result).toBe('thunk ran');
        expect(store.getState().counter.value).toBe(4);
        expect(effects).toBe(1);
    });
});
