/**
 * A real store with the real policy reducer and listeners, as a host would build it, around a
 * fake host. Only the host is fake.
 */
import { configureStore, createListenerMiddleware, type Dispatch, type UnknownAction } from '@reduxjs/toolkit';

import {
    policyReducer,
    setupPolicyListeners,
    type PolicyExtra,
    type PolicyState,
    type PolicyTiming,
} from '../../react/features/school-policy';

import { FakeHost } from './fakeHost';

/** Short limits so that the timeout paths run quickly; the conditions are still awaited, not slept. */
export const FAST_TIMING: PolicyTiming = { commandTimeoutMs: 100, removalWaitMs: 200, leaveWaitMs: 200 };

interface TestState {
    schoolPolicy: PolicyState;
}

export function makePolicyTestStore(host = new FakeHost(), timing: PolicyTiming = FAST_TIMING) {
    const listener = createListenerMiddleware<TestState, Dispatch<UnknownAction>, PolicyExtra>({
        extra: { host, timing },
    });
    const store = configureStore({
        reducer: { schoolPolicy: policyReducer },
        middleware: getDefault => getDefault().prepend(listener.middleware),
    });
    const unsubscribe = setupPolicyListeners(listener.startListening, state => state.schoolPolicy);

    host.report = action => store.dispatch(action);

    return { store, host, unsubscribe, policy: () => store.getState().schoolPolicy };
}
