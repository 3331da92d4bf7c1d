import { createContext, useContext } from 'react';

import type { PortalHost } from './portalState';

/** The store's host, for the meeting view to attach the IFrame API to. */
export const HostContext = createContext<PortalHost | null>(null);

export function useHost(): PortalHost {
    const host = useContext(HostContext);

    if (!host) {
        throw new Error('useHost outside HostContext');
    }

    return host;
}
