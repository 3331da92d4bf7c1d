/**
 * Starts a server on a loopback port and says clearly when the port is taken, instead of crashing
 * with Node's stack trace: which port, and which variable chooses another.
 */
import type { Server } from 'node:net';

/** A port that another program already uses. */
export class PortInUse extends Error {
    constructor(
        readonly port: number,
        readonly variable: string,
    ) {
        super(
            `Port ${port} ist schon belegt. Anderen Port wählen, z. B. ${variable}=${port + 10} npm start. / ` +
                `Port ${port} is already in use. Choose another, e.g. ${variable}=${port + 10} npm start.`,
        );
        this.name = 'PortInUse';
    }
}

/**
 * Listens on 127.0.0.1.
 *
 * @param variable - the environment variable that sets this port (named in the error).
 */
export function listenOnLoopback(server: Server, port: number, variable: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
            reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUse(port, variable) : error);
        };

        server.once('error', onError);
        server.listen(port, '127.0.0.1', () => {
            server.off('error', onError);
            resolve();
        });
    });
}
