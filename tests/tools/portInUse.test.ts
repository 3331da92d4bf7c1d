/**
 * `npm start` on a port another program already uses: a clear message naming the port and the
 * variable that chooses another, not a stack trace (tools/serve/listen.ts, used by the portal server
 * and the stand-in).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { startStandin } from '../../tools/jitsi-standin/server';
import { startPortalServer } from '../../tools/serve/portalServer';

let busy: Server;
let port: number;

beforeAll(async () => {
    busy = createServer();
    await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as AddressInfo).port;
});

afterAll(async () => {
    await new Promise(resolve => busy.close(resolve));
});

it('the portal says which port is taken and how to choose another', async () => {
    await expect(
        startPortalServer({
            dist: join(__dirname, '..', '..', 'dist'),
            port,
            cspJitsiOrigin: 'https://meet.example.org',
        }),
    ).rejects.toThrow(`Port ${port} ist schon belegt. Anderen Port wählen, z. B. PORT=${port + 10} npm start.`);
});

it('the stand-in names its own variable', async () => {
    await expect(startStandin({ port })).rejects.toThrow(`STANDIN_PORT=${port + 10}`);
});
