/**
 * Evaluates a deployment's config.js (and interface_config.js) without giving it access to
 * anything: a fresh V8 context with a null prototype (no `require`, no `process`, no network, no
 * file system, no way back to the host realm through `this.constructor`), no code generation from
 * strings, a size limit before parsing and a time limit while running. The result leaves the
 * sandbox as JSON text, so no sandbox object (getter, proxy) is ever touched outside it.
 */
import { createContext, runInContext, Script } from 'node:vm';

/** Why a config could not be read. */
export type ConfigLoadError = 'tooLarge' | 'syntax' | 'timeout' | 'runtime' | 'notAConfig';

/** The outcome of evaluating a config file. */
export type EvaluatedConfig =
    | {
          readonly ok: true;
          readonly config: Record<string, unknown>;
          readonly interfaceConfig: Record<string, unknown> | null;
      }
    | { readonly ok: false; readonly error: ConfigLoadError; readonly detail: string };

/** Limits for {@link evaluateConfig}. */
export interface EvaluateLimits {
    readonly maxBytes?: number;
    readonly timeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_TIMEOUT_MS = 1000;

/** Evaluates config.js source text; `interfaceSource` is interface_config.js, if any. */
export function evaluateConfig(source: string, limits: EvaluateLimits = {}, interfaceSource?: string): EvaluatedConfig {
    const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    const timeout = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const bytes = Buffer.byteLength(source) + Buffer.byteLength(interfaceSource ?? '');

    if (bytes > maxBytes) {
        return { ok: false, error: 'tooLarge', detail: `${bytes} bytes; at most ${maxBytes} are read` };
    }
    const sandbox = createContext(Object.create(null) as object, {
        codeGeneration: { strings: false, wasm: false },
        microtaskMode: 'afterEvaluate',
    });
    const scripts: Script[] = [];

    try {
        scripts.push(new Script(source, { filename: 'config.js' }));
        if (interfaceSource !== undefined) {
            scripts.push(new Script(interfaceSource, { filename: 'interface_config.js' }));
        }
    } catch (error) {
        return { ok: false, error: 'syntax', detail: error instanceof Error ? error.message : String(error) };
    }
    let text: unknown;

    try {
        for (const script of scripts) {
            script.runInContext(sandbox, { timeout, breakOnSigint: true });
        }
        text = runInContext(
            'JSON.stringify({ config: typeof config === "undefined" ? null : config, interfaceConfig: typeof interfaceConfig === "undefined" ? null : interfaceConfig })',
            sandbox,
            { timeout },
        );
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);

        return /timed out/i.test(message)
            ? { ok: false, error: 'timeout', detail: `did not finish within ${timeout} ms` }
            : { ok: false, error: 'runtime', detail: message };
    }
    const parsed =
        typeof text === 'string' ? (JSON.parse(text) as { config: unknown; interfaceConfig: unknown }) : null;
    const isObject = (value: unknown): value is Record<string, unknown> =>
        typeof value === 'object' && value !== null && !Array.isArray(value);

    if (!parsed || !isObject(parsed.config)) {
        return { ok: false, error: 'notAConfig', detail: 'the file defines no `config` object' };
    }

    return {
        ok: true,
        config: parsed.config,
        interfaceConfig: isObject(parsed.interfaceConfig) ? parsed.interfaceConfig : null,
    };
}
