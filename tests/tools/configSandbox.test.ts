/**
 * The config sandbox (tools/config/evaluateConfig.ts) against a hostile config.js. Every attempt
 * below tries to reach the host — its `process`, its file system, its global object — and, if it got
 * there, would write a marker file and set a flag on the host's global object. The tests prove that
 * neither happens, that the evaluation ends (with a verdict or a clear error), and that the host
 * process is unharmed. Several of these attempts broke out of the previous `node:vm` evaluator.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { evaluateConfig } from '../../tools/config/evaluateConfig';

const MARKER = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'escaped');
const FLAG = '__schoolPolicySandboxEscaped';

/**
 * What a file does once it holds a host `Function`: take the host's process and write the marker,
 * and set the flag on the host's global object.
 */
const PAYLOAD = `
    function own(HostFunction) {
        try { HostFunction('globalThis.${FLAG} = true')(); } catch (e) {}
        try {
            var p = HostFunction('return process')();
            p.getBuiltinModule('fs').writeFileSync(${JSON.stringify(MARKER)}, 'escaped');
        } catch (e) {}
    }
`;

const ATTEMPTS: readonly (readonly [string, string])[] = [
    [
        'the rejected import() hands over an error object from the host',
        `${PAYLOAD}
         try { import('fs').then(function () {}, function (e) { own(e.constructor.constructor); }); } catch (e) { own(e.constructor.constructor); }
         var config = {};`,
    ],
    ['this.constructor.constructor', `${PAYLOAD} own(this.constructor.constructor); var config = {};`],
    [
        'Error.prepareStackTrace and the call sites it is given',
        `${PAYLOAD}
         Error.prepareStackTrace = function (error, frames) {
             (frames || []).forEach(function (frame) {
                 try { own(frame.getFunction().constructor); } catch (e) {}
                 try { own(frame.getThis().constructor.constructor); } catch (e) {}
             });
             return 'stack';
         };
         try { null.x; } catch (e) { String(e.stack); }
         var config = {};`,
    ],
    [
        'a getter that runs when the result is read',
        `${PAYLOAD} var config = { get recordingService() { own(this.constructor.constructor); return { enabled: true }; } };`,
    ],
    [
        'a Proxy as the config',
        `${PAYLOAD}
         var config = new Proxy({}, {
             get: function (target, key, receiver) { own(receiver.constructor.constructor); return undefined; },
             ownKeys: function () { own(Object.constructor); return ['a']; },
             getOwnPropertyDescriptor: function () { return { value: 1, enumerable: true, configurable: true }; },
         });`,
    ],
    [
        'Symbol.toPrimitive and toJSON',
        `${PAYLOAD}
         var config = {
             a: { [Symbol.toPrimitive]: function () { own(this.constructor.constructor); return 1; } },
             toJSON: function () { own(this.constructor.constructor); return { b: 1 }; },
         };`,
    ],
    [
        'an async function and a promise job',
        `${PAYLOAD}
         (async function () { await null; own((async function () {}).constructor); })();
         Promise.resolve().then(function () { own(Function); });
         var config = {};`,
    ],
    [
        'a thrown object whose getters run when the error is described',
        `${PAYLOAD}
         throw { get name() { own(Function); return 'X'; }, get message() { own(Function); return 'm'; } };`,
    ],
];

function hostUntouched() {
    expect(existsSync(MARKER)).toBe(false);
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined();
}

describe('the config sandbox holds against a hostile config.js', () => {
    it.each(ATTEMPTS)('%s: nothing outside is reached', async (_what, source) => {
        const result = await evaluateConfig(source, { timeoutMs: 500 });

        hostUntouched();
        // Whatever came back is plain data.
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it('has no host globals inside: no process, require, module, fetch, timers or WebAssembly', async () => {
        const result = await evaluateConfig(
            'var config = { seen: [typeof process, typeof require, typeof module, typeof fetch, ' +
                'typeof setTimeout, typeof WebAssembly, typeof Buffer, typeof globalThis.constructor] };',
        );

        expect(result).toMatchObject({
            ok: true,
            config: {
                seen: [
                    'undefined',
                    'undefined',
                    'undefined',
                    'undefined',
                    'undefined',
                    'undefined',
                    'undefined',
                    'function',
                ],
            },
        });
    });

    it.each([
        ['an endless loop', 'while (true) {}', 'timeout'],
        ['an endless loop in a getter read at the end', 'var config = { get a() { for (;;) {} } };', 'timeout'],
        [
            'endless promise jobs',
            '(function again() { Promise.resolve().then(again); })(); var config = {};',
            'timeout',
        ],
        ['endless recursion', 'function f() { return f() + 1; } f();', 'runtime'],
        ['JSON nested past the engine’s stack', 'JSON.parse("[".repeat(100000) + "]".repeat(100000));', 'runtime'],
        ['a string that doubles until memory runs out', 'var s = "x"; for (;;) s += s;', 'memory'],
        ['a result too large to hand back', 'var config = { a: "x".repeat(30 * 1024 * 1024) };', 'memory'],
    ])(
        'ends %s with a clear error, and the host goes on',
        async (_what, source, error) => {
            const result = await evaluateConfig(source, { timeoutMs: 300 });

            expect(result).toMatchObject({ ok: false, error });
            hostUntouched();
            // The host still evaluates the next file normally.
            expect(await evaluateConfig('var config = { ok: 1 };')).toMatchObject({ ok: true, config: { ok: 1 } });
        },
        30000,
    );
});
