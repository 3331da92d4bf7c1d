/**
 * The portal's store: the policy core's slice and the portal's own, with the core's listeners and
 * the portal's, all given the same host as `extra`. The same factory builds the app's store and the
 * tests' stores.
 */
import { applyMiddleware, combineReducers, legacy_createStore as createStore, type UnknownAction } from 'redux';

import { bindHost, createPolicyMiddleware, policyReducer, type PolicyTiming } from '../school-policy';

import { IFrameHost } from './iframeHost';
import { setupPortalListeners } from './portalListeners';
import { portalReducer } from './portalSlice';
import type { PortalExtra, PortalHost, PortalRootState } from './portalState';

export type { PortalExtra, PortalHost, PortalRootState } from './portalState';

const rootReducer = combineReducers({ schoolPolicy: policyReducer, portal: portalReducer });

/** Options for {@link makeStore}. */
export interface MakeStoreOptions {
    /** Builds the host; it gets the store's dispatch. Default: the IFrame adapter. */
    readonly host?: (dispatch: (action: UnknownAction) => unknown) => PortalHost;
    readonly preloadedState?: Partial<PortalRootState>;
    readonly timing?: Partial<PolicyTiming>;
    readonly pageAnswerMs?: number;
}

/** Builds a store with its host. */
export function makeStore(options: MakeStoreOptions = {}) {
    // The host needs the store and the store needs the host: made from the store once it exists
    // (the core's hostBinding.ts, as the fork build does).
    const makeHost = options.host ?? (dispatch => new IFrameHost(dispatch));
    const binding = bindHost<PortalRootState, PortalHost>(store => makeHost(action => store.dispatch(action)));
    const policy = createPolicyMiddleware<PortalRootState, PortalExtra>(
        {
            get host() {
                return binding.host();
            },
            timing: options.timing,
            ...(options.pageAnswerMs === undefined ? {} : { pageAnswerMs: options.pageAnswerMs }),
        },
        state => state.schoolPolicy,
    );
    // Redux itself, as jitsi-meet creates its store: the state is written only by the core's events
    // (pure handlers), so neither Redux Toolkit nor Immer is needed in the portal's bundle.
    const store = createStore(rootReducer, options.preloadedState, applyMiddleware(policy.middleware));

    binding.bind(store);
    setupPortalListeners(policy.startListening);

    return { store, host: binding.host() };
}

/** The store type. */
export type PortalStore = ReturnType<typeof makeStore>['store'];
/** The store's dispatch. */
export type PortalDispatch = PortalStore['dispatch'];
