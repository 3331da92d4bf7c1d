/**
 * How the drop-in gets into a stock jitsi-meet's Redux store without rebuilding it. jitsi-meet
 * creates its store with `window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ || compose`, in production too
 * (react/features/base/app/components/BaseApp.tsx, `_createStore`), and plugin.head.html runs before
 * its bundle. The compose function installed here adds two enhancers around jitsi-meet's middleware:
 *
 * - **outside** (it sees what the UI, the IFrame API and the console dispatch, before any of
 *   jitsi-meet's middlewares): the config guard, which swallows START_LOCAL_RECORDING and cleans
 *   incoming config overrides;
 * - **inside** (closest to the reducer, so it sees every action that changes the state, also those
 *   jitsi-meet's thunks dispatch): the policy's reducer under `features/school-policy` and its
 *   middlewares, as the compiled fork build registers them.
 *
 * A compose function already there (the Redux DevTools) keeps working: ours calls it.
 */
import { SWALLOWED, guardIncoming } from '../jitsi-meet/configGuard';
import { SCHOOL_POLICY_STATE_KEY } from '../jitsi-meet/feature';
import type { IJitsiMeetState } from '../jitsi-meet/types';
import { withoutKey } from '../policy/withoutKey';
import type { Dispatch, Middleware, Reducer, UnknownAction } from '../reduxShapes';
import type { PolicyState } from '../slice';

/** Redux's `createStore`, as an enhancer gets it (the parts the hook touches). */
type StoreCreator = (
    reducer: Reducer<unknown>,
    preloaded?: unknown,
) => { dispatch: Dispatch; getState(): unknown; [more: string]: unknown };

/** Redux's store enhancer. */
type StoreEnhancer = (createStore: StoreCreator) => StoreCreator;

/** Redux's `compose`: `compose(f, g)(x)` is `f(g(x))`; nothing to compose gives `x`. */
function compose<T>(...functions: readonly ((value: T) => T)[]): (value: T) => T {
    return value => functions.reduceRight((result, apply) => apply(result), value);
}

/** What the hook needs from the policy feature. */
export interface IHookedFeature {
    readonly reducer: Reducer<PolicyState>;
    readonly middlewares: readonly Middleware<IJitsiMeetState>[];
}

type Compose = (...enhancers: StoreEnhancer[]) => StoreEnhancer;

/** The global jitsi-meet reads its compose function from. */
export const COMPOSE_HOOK = '__REDUX_DEVTOOLS_EXTENSION_COMPOSE__';

/** What the hook reports: jitsi-meet created its store through it (and the store). */
export interface IHookReport {
    onStoreCreated(store: { dispatch: Dispatch; getState: () => IJitsiMeetState }): void;
}

/** The reducer with the policy's slice beside jitsi-meet's, unchanged objects kept unchanged. */
function withPolicySlice(reducer: Reducer, policyReducer: Reducer<PolicyState>): Reducer {
    let last: { outer: Record<string, unknown>; inner: unknown } | null = null;

    return (state: unknown, action: UnknownAction) => {
        const outer = (state ?? undefined) as Record<string, unknown> | undefined;
        let inner: unknown;

        if (outer && last && outer === last.outer) {
            inner = last.inner;
        } else if (outer) {
            inner = withoutKey(outer, SCHOOL_POLICY_STATE_KEY);
        }
        const nextInner = reducer(inner, action) as Record<string, unknown>;
        const policy = outer?.[SCHOOL_POLICY_STATE_KEY];
        const nextPolicy: unknown = policyReducer(policy as PolicyState | undefined, action);

        if (outer && last && outer === last.outer && nextInner === inner && nextPolicy === policy) {
            return outer;
        }
        const next = { ...nextInner, [SCHOOL_POLICY_STATE_KEY]: nextPolicy };

        last = { outer: next, inner: nextInner };

        return next;
    };
}

/** The inner enhancer: the policy's slice and middlewares, next to the reducer. */
function policyEnhancer(feature: IHookedFeature, report: IHookReport): StoreEnhancer {
    return createStore =>
        ((reducer: Reducer, preloaded?: unknown) => {
            const store = createStore(withPolicySlice(reducer, feature.reducer), preloaded);
            // Thunks need jitsi-meet's whole chain: once the store is made, dispatch through it.
            let outerDispatch: Dispatch | null = null;
            const api = {
                getState: () => store.getState() as IJitsiMeetState,
                dispatch: ((action: UnknownAction) => (outerDispatch ?? store.dispatch)(action)) as Dispatch,
            };
            const dispatch = compose<(action: unknown) => unknown>(
                ...feature.middlewares.map(middleware => middleware(api)),
            )(store.dispatch as (action: unknown) => unknown);

            report.onStoreCreated({
                get dispatch() {
                    return api.dispatch;
                },
                getState: api.getState,
            });

            return {
                ...store,
                dispatch,
                /** Called by the outer enhancer with the finished store's dispatch. */
                schoolPolicyOuter(outer: Dispatch) {
                    outerDispatch = outer;
                },
            };
        }) as never;
}

/** The outer enhancer: the config guard in front of everything jitsi-meet runs. */
const guardEnhancer: StoreEnhancer = createStore => (reducer: Reducer, preloaded?: unknown) => {
    const store = createStore(reducer, preloaded) as ReturnType<typeof createStore> & {
        schoolPolicyOuter?: (outer: Dispatch) => void;
    };
    const dispatch = ((action: unknown) => {
        const guarded = guardIncoming(action);

        return guarded === SWALLOWED ? undefined : store.dispatch(guarded as UnknownAction);
    }) as Dispatch;

    store.schoolPolicyOuter?.(dispatch);

    return { ...store, dispatch };
};

/**
 * Installs the compose function on `win`. Returns whether the global was free or a function we
 * could wrap (an unexpected value there is left alone and the hook is not installed).
 */
export function installStoreHook(win: Record<string, unknown>, feature: IHookedFeature, report: IHookReport): boolean {
    const previous = win[COMPOSE_HOOK];

    if (previous !== undefined && typeof previous !== 'function') {
        return false;
    }
    const base = (previous as Compose | undefined) ?? compose;

    win[COMPOSE_HOOK] = (...enhancers: StoreEnhancer[]) =>
        base(guardEnhancer, ...enhancers, policyEnhancer(feature, report));

    return true;
}
