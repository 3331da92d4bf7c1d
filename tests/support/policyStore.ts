/**
 * A real store with the real policy reducer and listeners, as a host would build it, around a
 * fake host. Only the host is fake.
 */
import { configureStore } from '@reduxjs/toolkit';

import {
    createPolicyMiddleware,
    policyReducer,
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
    const { middleware, unsubscribe } = createPolicyMiddleware<TestState, PolicyExtra>(
        { host, timing },
        state => state.schoolPolicy,
    );
    const store = configureStore({
        reducer: { schoolPolicy: policyReducer },
        middleware: getDefault => getDefault().prepend(middleware),
    });

    host.report = action => store.dispatch(action);

    return { store, host, unsubscribe, policy: () => store.getState().schoolPolicy };
}
