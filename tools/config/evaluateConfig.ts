/**
 * Evaluates a deployment's config.js (and interface_config.js) as untrusted code, in an isolate with
 * no access to the host at all: QuickJS compiled to WebAssembly (quickjs-emscripten). The file runs
 * in its own engine, with its own heap inside the WebAssembly memory, so no host object, function or
 * prototype exists there to reach (Node's `vm` module is no such boundary: an error object thrown from
 * the host's `import()` hands the file the host's `Function`). The engine has no file system, network,
 * modules, timers or `process`; it runs under a memory limit, a stack limit and a deadline. Only one
 * string crosses back: `JSON.stringify` of the two objects, done inside; the host parses that text.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import {
    newQuickJSWASMModuleFromVariant,
    newVariant,
    type QuickJSContext,
    type QuickJSHandle,
    type QuickJSRuntime,
    type QuickJSWASMModule,
} from 'quickjs-emscripten-core';

/** Why a config could not be read. */
export type ConfigLoadError = 'tooLarge' | 'syntax' | 'timeout' | 'memory' | 'runtime' | 'notAConfig';

/** Where in the file an error was, when the engine says so. */
export interface ErrorPlace {
    readonly file: 'config.js' | 'interface_config.js';
    /** The error's name (`TypeError`, `SyntaxError` …), a word, not prose. */
    readonly name?: string;
    readonly line?: number;
}

/** The outcome of evaluating a config file. */
export type EvaluatedConfig =
    | {
          readonly ok: true;
          readonly config: Record<string, unknown>;
          readonly interfaceConfig: Record<string, unknown> | null;
      }
    | {
          readonly ok: false;
          readonly error: ConfigLoadError;
          /** Language-neutral facts for the message (sizes, limits, place). */
          readonly detail: { readonly bytes?: number; readonly limit?: number; readonly place?: ErrorPlace };
      };

/** Limits for {@link evaluateConfig}. */
export interface EvaluateLimits {
    readonly maxBytes?: number;
    readonly timeoutMs?: number;
    /** The engine's heap, in bytes. */
    readonly memoryBytes?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_TIMEOUT_MS = 1000;
export const DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024;
/** The engine's stack: deep enough for any config, small enough that recursion ends early. */
const STACK_BYTES = 256 * 1024;

/**
 * A fresh engine for every evaluation (from the package's own .wasm file, never from a network): a
 * hostile file can leave an engine in a state where freeing it aborts, and such an engine is simply
 * dropped instead of serving the next file.
 */
function quickJs(): Promise<QuickJSWASMModule> {
    // Emscripten prints an engine abort to stderr in English; the command speaks for itself.
    const quiet = { printErr: () => undefined, print: () => undefined } as Record<string, unknown>;

    return newQuickJSWASMModuleFromVariant(newVariant(variant, { emscriptenModule: quiet }));
}

/** The most promise jobs run in one go before the deadline is checked again. */
const JOBS_PER_ROUND = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads what the engine threw as plain data (name, message, line), never as a live object. */
function describeThrown(vm: QuickJSContext, handle: QuickJSHandle): { name?: string; message: string; line?: number } {
    const dumped: unknown = vm.dump(handle);

    if (!isObject(dumped)) {
        return { message: String(dumped) };
    }
    const stack = typeof dumped.stack === 'string' ? dumped.stack : '';
    const line = /:(\d+)(?::\d+)?\)?\s*$/m.exec(stack)?.[1] ?? /line (\d+)/.exec(String(dumped.message))?.[1];

    return {
        ...(typeof dumped.name === 'string' ? { name: dumped.name } : {}),
        message: typeof dumped.message === 'string' ? dumped.message : '',
        ...(line ? { line: Number(line) } : {}),
    };
}

/**
 * Runs the Promise jobs the file queued, under the same deadline; their errors are the file's own
 * business, as in a browser. An endless chain of jobs ends at the deadline.
 *
 * @returns false when the deadline stopped them.
 */
function runQueuedJobs(runtime: QuickJSRuntime, deadline: number, interrupted: () => boolean): boolean {
    while (runtime.hasPendingJob()) {
        if (Date.now() > deadline) {
            return false;
        }
        const jobs = runtime.executePendingJobs(JOBS_PER_ROUND);

        if (jobs.error) {
            jobs.error.dispose();
            if (interrupted()) {
                return false;
            }
        }
    }

    return true;
}

/** Evaluates config.js source text; `interfaceSource` is interface_config.js, if any. */
export async function evaluateConfig(
    source: string,
    limits: EvaluateLimits = {},
    interfaceSource?: string,
): Promise<EvaluatedConfig> {
    const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const memoryBytes = limits.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    const bytes = Buffer.byteLength(source) + Buffer.byteLength(interfaceSource ?? '');

    if (bytes > maxBytes) {
        return { ok: false, error: 'tooLarge', detail: { bytes, limit: maxBytes } };
    }
    const runtime = (await quickJs()).newRuntime();

    runtime.setMemoryLimit(memoryBytes);
    runtime.setMaxStackSize(STACK_BYTES);
    const deadline = Date.now() + timeoutMs;
    let interrupted = false;

    runtime.setInterruptHandler(() => (interrupted = Date.now() > deadline));
    const vm = runtime.newContext();
    const fail = (file: ErrorPlace['file'], thrown: QuickJSHandle): EvaluatedConfig => {
        const { name, message, line } = describeThrown(vm, thrown);
        const place: ErrorPlace = { file, ...(name ? { name } : {}), ...(line ? { line } : {}) };

        thrown.dispose();
        if (interrupted) {
            return { ok: false, error: 'timeout', detail: { limit: timeoutMs } };
        }
        if (/out of memory|too long/i.test(message)) {
            return { ok: false, error: 'memory', detail: { limit: memoryBytes } };
        }

        return { ok: false, error: name === 'SyntaxError' ? 'syntax' : 'runtime', detail: { place } };
    };

    try {
        const scripts: [ErrorPlace['file'], string][] = [['config.js', source]];

        if (interfaceSource !== undefined) {
            scripts.push(['interface_config.js', interfaceSource]);
        }
        for (const [file, text] of scripts) {
            let result: ReturnType<QuickJSContext['evalCode']>;

            try {
                result = vm.evalCode(text, file, { type: 'global' });
            } catch {
                // The engine itself gave out (e.g. a parser recursing past the WebAssembly stack):
                // the file's fault, reported as such; this engine is dropped.
                return { ok: false, error: 'runtime', detail: { place: { file, name: 'RangeError' } } };
            }
            if (result.error) {
                return fail(file, result.error);
            }
            result.value.dispose();
        }
        // Stopped at the deadline anywhere (also inside a job): the file's state is not to be trusted.
        if (!runQueuedJobs(runtime, deadline, () => interrupted) || interrupted) {
            return { ok: false, error: 'timeout', detail: { limit: timeoutMs } };
        }
        const out = vm.evalCode(
            'JSON.stringify({ config: typeof config === "undefined" ? null : config, ' +
                'interfaceConfig: typeof interfaceConfig === "undefined" ? null : interfaceConfig })',
            'read-config.js',
        );

        if (out.error) {
            return fail('config.js', out.error);
        }
        const text = vm.typeof(out.value) === 'string' ? vm.getString(out.value) : undefined;

        out.value.dispose();
        const parsed: unknown = text === undefined ? undefined : JSON.parse(text);

        if (!isObject(parsed) || !isObject(parsed.config)) {
            return { ok: false, error: 'notAConfig', detail: {} };
        }

        return {
            ok: true,
            config: parsed.config,
            interfaceConfig: isObject(parsed.interfaceConfig) ? parsed.interfaceConfig : null,
        };
    } finally {
        try {
            vm.dispose();
            runtime.dispose();
        } catch {
            // Objects the file left behind (queued jobs, cycles) make QuickJS abort while freeing;
            // this engine is never used again (see quickJs()), so there is nothing to clean.
        }
    }
}
