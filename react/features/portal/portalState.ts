/**
 * The portal's root state and what its listeners are given: the types the store, the listeners
 * and the hooks share, apart from the store's construction (store.ts), so that none of them has to
 * import another's module for a type.
 */
import type { PolicyExtra, PolicyState } from '../school-policy';

import type { IFrameHost } from './iframeHost';
import type { PortalState } from './portalSlice';

/** The portal's root state: the policy core's slice and the portal's own. */
export interface PortalRootState {
    readonly schoolPolicy: PolicyState;
    readonly portal: PortalState;
}

/** What the portal needs of its host beyond the policy port. */
export type PortalHost = Pick<IFrameHost, keyof IFrameHost>;

/** The listeners' `extra`. */
export interface PortalExtra extends PolicyExtra {
    readonly host: PortalHost;
    /** How long the meeting page may take to answer (default PAGE_ANSWER_MS). */
    readonly pageAnswerMs?: number;
}
