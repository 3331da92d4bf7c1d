import { useCallback, useEffect, useState } from 'react';

import { ExternalApiLoadFailure, loadExternalApi, type ExternalApiLoadError } from './externalApi';

/** Loading state of `external_api.js`. */
export type ExternalApiStatus =
    | { readonly kind: 'loading' }
    | { readonly kind: 'ready' }
    | { readonly kind: 'failed'; readonly reason: ExternalApiLoadError };

/** Loads `external_api.js` from the Jitsi origin, with a time limit and a retry. */
export function useExternalApi(origin: string, timeoutMs?: number): [ExternalApiStatus, () => void] {
    const [status, setStatus] = useState<ExternalApiStatus>({ kind: 'loading' });
    const [tries, setTries] = useState(0);

    useEffect(() => {
        let current = true;

        setStatus({ kind: 'loading' });
        loadExternalApi(origin, { timeoutMs }).then(
            () => current && setStatus({ kind: 'ready' }),
            (error: unknown) => {
                console.error('school-policy: external_api.js failed to load', error);
                if (current) {
                    setStatus({
                        kind: 'failed',
                        reason: error instanceof ExternalApiLoadFailure ? error.reason : 'network',
                    });
                }
            },
        );

        return () => {
            current = false;
        };
    }, [origin, timeoutMs, tries]);

    return [status, useCallback(() => setTries(n => n + 1), [])];
}
