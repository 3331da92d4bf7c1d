/**
 * Device clean-up (R4): deletes what this origin stored in the browser, and asks the server to send
 * `Clear-Site-Data` where an endpoint is configured. Jitsi mirrors its storage into the embedding
 * page's `localStorage['jitsiLocalStorage']` on iPad Safari (docs/jitsi-behaviour.md §8), so clearing this
 * origin's localStorage matters there too.
 */

/** What the clean-up did. */
export interface CleanupReport {
    readonly localStorage: boolean;
    readonly sessionStorage: boolean;
    /** How many Cache Storage caches were deleted. */
    readonly caches: number;
    /** How many IndexedDB databases were deleted. */
    readonly indexedDb: number;
    readonly endpoint: 'notConfigured' | 'done' | 'failed';
}

/** What the clean-up needs from the browser; the defaults are the real ones. */
export interface CleanupEnvironment {
    readonly localStorage?: Storage;
    readonly sessionStorage?: Storage;
    readonly caches?: Pick<CacheStorage, 'keys' | 'delete'>;
    readonly indexedDB?: Pick<IDBFactory, 'databases' | 'deleteDatabase'>;
    readonly fetch?: typeof fetch;
}

const STEP_TIMEOUT_MS = 5000;

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;

    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise<T>(resolve => (timer = setTimeout(() => resolve(fallback), STEP_TIMEOUT_MS))),
    ]);
}

function clearStorage(storage: Storage | undefined): boolean {
    try {
        storage?.clear();

        return storage !== undefined && storage.length === 0;
    } catch {
        return false;
    }
}

async function clearCaches(caches: CleanupEnvironment['caches']): Promise<number> {
    if (!caches) {
        return 0;
    }
    const names = await caches.keys();
    const deleted = await Promise.all(names.map(name => caches.delete(name)));

    return deleted.filter(Boolean).length;
}

async function clearIndexedDb(factory: CleanupEnvironment['indexedDB']): Promise<number> {
    if (!factory || typeof factory.databases !== 'function') {
        return 0;
    }
    const databases = await factory.databases();
    const results = await Promise.all(
        databases.map(
            ({ name }) =>
                new Promise<boolean>(resolve => {
                    if (!name) {
                        resolve(false);

                        return;
                    }
                    const request = factory.deleteDatabase(name);

                    request.onsuccess = () => resolve(true);
                    request.onerror = () => resolve(false);
                    request.onblocked = () => resolve(false);
                }),
        ),
    );

    return results.filter(Boolean).length;
}

async function callEndpoint(
    endpoint: string | null,
    doFetch: typeof fetch | undefined,
): Promise<CleanupReport['endpoint']> {
    if (!endpoint) {
        return 'notConfigured';
    }
    if (!doFetch) {
        return 'failed';
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), STEP_TIMEOUT_MS);

    try {
        const response = await doFetch(endpoint, {
            method: 'POST',
            credentials: 'same-origin',
            cache: 'no-store',
            signal: abort.signal,
        });

        return response.ok ? 'done' : 'failed';
    } catch {
        return 'failed';
    } finally {
        clearTimeout(timer);
    }
}

/** Cleans this origin's browser storage; every step is bounded in time and reported. */
export async function cleanDevice(
    endpoint: string | null,
    env: CleanupEnvironment = defaultEnvironment(),
): Promise<CleanupReport> {
    const [caches, indexedDb, endpointResult] = await Promise.all([
        within(
            clearCaches(env.caches).catch(() => 0),
            0,
        ),
        within(
            clearIndexedDb(env.indexedDB).catch(() => 0),
            0,
        ),
        callEndpoint(endpoint, env.fetch),
    ]);

    return {
        localStorage: clearStorage(env.localStorage),
        sessionStorage: clearStorage(env.sessionStorage),
        caches,
        indexedDb,
        endpoint: endpointResult,
    };
}

function defaultEnvironment(): CleanupEnvironment {
    return {
        localStorage: window.localStorage,
        sessionStorage: window.sessionStorage,
        caches: 'caches' in window ? window.caches : undefined,
        indexedDB: 'indexedDB' in window ? window.indexedDB : undefined,
        fetch: typeof window.fetch === 'function' ? window.fetch.bind(window) : undefined,
    };
}
