/**
 * A store built the way jitsi-meet builds its own: from the reducers registered with jitsi-meet's
 * ReducerRegistry (by importing jitsi-meet's reducer modules), the school-policy reducer registered
 * as the fork's registration file does, and optionally the feature's middlewares.
 */
import { configureStore, type Middleware, type UnknownAction } from '@reduxjs/toolkit';
import ReducerRegistry from 'jitsi-meet/base/redux/ReducerRegistry';

import { policyReducer } from '../../react/features/school-policy';
import {
    SCHOOL_POLICY_STATE_KEY,
    createSchoolPolicyFeature,
    type ISchoolPolicyFeatureOptions,
} from '../../react/features/school-policy/jitsi-meet/feature';

ReducerRegistry.register(SCHOOL_POLICY_STATE_KEY, policyReducer);

/** A store over everything registered so far, with the given middlewares. */
export function registeredStore(middlewares: Middleware[]) {
    const reducer = ReducerRegistry.combineReducers();

    return configureStore({
        reducer: (state: Record<string, unknown> | undefined, action: UnknownAction) => reducer(state, action),
        middleware: getDefault =>
            getDefault({ serializableCheck: false, immutableCheck: false }).concat(...middlewares),
    });
}

/**
 * The fork feature's middlewares, with jitsi-meet's thunks replaced by no-ops; what it notifies is
 * collected as text (the German UI), as a teacher would read it.
 */
function featureWithNotices(options: Partial<ISchoolPolicyFeatureOptions> = {}) {
    const notices: string[] = [];
    const feature = createSchoolPolicyFeature({
        deps: {
            leave: () => ({ type: 'noop' }),
            endConference: () => ({ type: 'noop' }),
            notify: (text: string) => {
                notices.push(text);

                return { type: 'noop' };
            },
            rejoin: () => ({ type: 'noop' }),
        },
        lang: () => 'de',
        suggestPseudonym: false,
        ...options,
    });

    return { middlewares: [...feature.middlewares] as Middleware[], notices };
}

/** The fork feature's middlewares, with jitsi-meet's thunks replaced by no-ops. */
export function schoolMiddlewares(): Middleware[] {
    return featureWithNotices().middlewares;
}

/** A store with the fork feature, and the notifications it showed. */
export function storeWithNotices(options: Partial<ISchoolPolicyFeatureOptions> = {}) {
    const { middlewares, notices } = featureWithNotices(options);

    return { store: registeredStore(middlewares), notices };
}
