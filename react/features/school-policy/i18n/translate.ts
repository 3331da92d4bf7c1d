import type { Lang } from '../rules';

/** Parameters filled into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Looks a key up in a catalogue and fills its placeholders. An unknown placeholder stays visible
 * as `{name}` so that a missing parameter is noticed rather than silently dropped.
 */
export function format(template: string, params: MessageParams = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];

        return value === undefined ? whole : String(value);
    });
}

/** A catalogue pair: German and English with the same keys. */
export type Catalogues<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/** Makes a typed translate function over a catalogue pair. */
export function makeTranslate<K extends string>(catalogues: Catalogues<K>) {
    return (lang: Lang, key: K, params?: MessageParams): string => format(catalogues[lang][key], params);
}
