/**
 * A bare XMPP login for the benchmark: TCP, stream header, SASL PLAIN, the server's answer, close.
 * The test clients (xmpp.js) compute SCRAM's key derivation in JavaScript, which costs more than the
 * whole login does on the server; this client leaves only the server's work — the stored password's
 * check and the storage it reads — to be measured. Loopback and test accounts only.
 */
import { connect } from 'node:net';

/**
 * Logs in once with SASL PLAIN and closes the stream.
 *
 * @param {number} port - Prosody's client port on loopback.
 * @param {string} domain - The account's host.
 * @param {string} user - The account.
 * @param {string} password - Its password.
 * @returns {Promise<boolean>} Whether the server answered with success (false: failure).
 */
export function plainLogin(port: number, domain: string, user: string, password: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let received = '';
        let authSent = false;
        const timer = setTimeout(() => {
            socket.destroy();
            reject(new Error('no answer within 10 s'));
        }, 10000);
        const finish = (ok: boolean) => {
            clearTimeout(timer);
            socket.end('</stream:stream>');
            resolve(ok);
        };

        socket.setEncoding('utf8');
        socket.on('error', error => {
            clearTimeout(timer);
            reject(error);
        });
        socket.on('connect', () =>
            socket.write(
                `<?xml version='1.0'?><stream:stream to='${domain}' version='1.0' xmlns='jabber:client' ` +
                    "xmlns:stream='http://etherx.jabber.org/streams'>",
            ),
        );
        socket.on('data', (chunk: string) => {
            received += chunk;
            if (!authSent && received.includes('</stream:features>')) {
                authSent = true;
                const token = Buffer.from(`\0${user}\0${password}`).toString('base64');

                socket.write(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${token}</auth>`);
            } else if (authSent && /<success\b/.test(received)) {
                finish(true);
            } else if (authSent && /<failure\b/.test(received)) {
                finish(false);
            }
        });
    });
}
