import { screen } from '@testing-library/react';

import { cleanDevice } from '../../react/features/portal/deviceCleanup';
import { renderPortal, TEST_CONFIG } from '../support/renderPortal';

function seedStorage() {
    localStorage.setItem(
        'jitsiLocalStorage',
        JSON.stringify({ 'features/base/settings': { displayName: 'Frau M.' }, sessionId: 'abc' }),
    );
    localStorage.setItem('other', 'x');
    sessionStorage.setItem('jwt', 'token');
}

describe('cleanDevice (R4)', () => {
    it('clears both storages, every cache and database, and calls the endpoint', async () => {
        seedStorage();
        const deletedCaches: string[] = [];
        const deletedDatabases: string[] = [];
        const calls: [string, RequestInit | undefined][] = [];
        const report = await cleanDevice('/clear-site-data', {
            localStorage,
            sessionStorage,
            caches: {
                keys: () => Promise.resolve(['a', 'b']),
                delete: name => Promise.resolve(deletedCaches.push(name) > 0),
            },
            indexedDB: {
                databases: () => Promise.resolve([{ name: 'db1', version: 1 }]),
                deleteDatabase: (name: string) => {
                    deletedDatabases.push(name);
                    const request = {} as IDBOpenDBRequest;

                    setTimeout(() => {
                        request.onsuccess?.call(request, new Event('success'));
                    }, 0);

                    return request;
                },
            },
            fetch: (input, init) => {
                calls.push([typeof input === 'string' ? input : 'not a string', init]);

                return Promise.resolve({ ok: true, status: 204 } as Response);
            },
        });

        expect(report).toEqual({ localStorage: true, sessionStorage: true, caches: 2, indexedDb: 1, endpoint: 'done' });
        expect(localStorage.length).toBe(0);
        expect(sessionStorage.length).toBe(0);
        expect(deletedCaches).toEqual(['a', 'b']);
        expect(deletedDatabases).toEqual(['db1']);
        expect(calls).toEqual([
            ['/clear-site-data', expect.objectContaining({ method: 'POST', credentials: 'same-origin' })],
        ]);
    });

    it('reports a failing endpoint instead of hiding it', async () => {
        const report = await cleanDevice('/clear-site-data', {
            localStorage,
            sessionStorage,
            fetch: () => Promise.resolve({ ok: false, status: 500 } as Response),
        });

        expect(report.endpoint).toBe('failed');
    });

    it('does not call anything when no endpoint is configured', async () => {
        const fetch = jest.fn();
        const report = await cleanDevice(null, { localStorage, sessionStorage, fetch });

        expect(report.endpoint).toBe('notConfigured');
        expect(fetch).not.toHaveBeenCalled();
    });
});

describe('the clean-up page', () => {
    it('empties this origin’s storage and says honestly what it cannot do', async () => {
        seedStorage();
        const { user } = renderPortal({
            path: '/bereinigen',
            config: { schoolPolicy: { ...TEST_CONFIG.schoolPolicy, cleanupEndpoint: '' } },
        });

        expect(screen.getByText(/Ein Tablet zurücksetzen/)).toBeInTheDocument();
        expect(screen.getByText(/Die Daten der Jitsi-Seite \(meet.example.org\) löschen/)).toBeInTheDocument();
        await user.click(screen.getByRole('button', { name: 'Jetzt bereinigen' }));
        expect(
            await screen.findByText('Fertig: Die Daten dieses Portals auf diesem Gerät sind gelöscht.'),
        ).toBeInTheDocument();
        expect(localStorage.length).toBe(0);
        expect(sessionStorage.length).toBe(0);
    });

    it('tells the teacher when the server could not clear the site data', async () => {
        const { user } = renderPortal({ path: '/bereinigen' });
        const original = Object.getOwnPropertyDescriptor(window, 'fetch');

        Object.defineProperty(window, 'fetch', {
            configurable: true,
            writable: true,
            value: () => Promise.reject(new TypeError('offline')),
        });
        try {
            await user.click(screen.getByRole('button', { name: 'Jetzt bereinigen' }));
            expect(
                await screen.findByText(/Der Server konnte die gespeicherten Daten der Website nicht löschen/),
            ).toBeInTheDocument();
        } finally {
            if (original) {
                Object.defineProperty(window, 'fetch', original);
            } else {
                delete (window as { fetch?: unknown }).fetch;
            }
        }
    });
});
