import { useCallback, useState } from 'react';

/**
 * The set of ticked pledges (rule ids) of a form, and a toggle for the checkboxes.
 *
 * @param initial - ids ticked from the start (e.g. when the form comes back after a failed join).
 */
export function usePledges(initial: Iterable<string> = []) {
    const [pledged, setPledged] = useState<ReadonlySet<string>>(() => new Set(initial));
    const toggle = useCallback((id: string) => {
        setPledged(before => {
            const next = new Set(before);

            if (!next.delete(id)) {
                next.add(id);
            }

            return next;
        });
    }, []);

    return [pledged, toggle] as const;
}

/**
 * Moves focus to the first field with an error, or the first unticked pledge, after the next paint,
 * so that keyboard and screen-reader users land on what needs fixing.
 */
export function focusFirstProblem(form: HTMLFormElement | null): void {
    requestAnimationFrame(() =>
        form?.querySelector<HTMLElement>('[aria-invalid="true"], .sp-pledges input:not(:checked)')?.focus(),
    );
}
