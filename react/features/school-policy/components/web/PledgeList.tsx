import React from 'react';
import type { Bilingual } from '../..';

import { usePolicyText } from './LangContext';

/** Props of {@link PledgeList}. */
export interface PledgeListProps {
    /** The legend, e.g. "Bitte bestätigen Sie". */
    readonly legend: string;
    readonly pledges: readonly { readonly id: string; readonly text: Bilingual }[];
    readonly checked: ReadonlySet<string>;
    readonly onToggle: (id: string) => void;
    /** Shown (and announced) when the user tried to go on without ticking everything. */
    readonly error?: string;
}

/** The rules a person confirms before starting or joining, as checkboxes. */
export function PledgeList({ legend, pledges, checked, onToggle, error }: PledgeListProps) {
    const { lang } = usePolicyText();
    const errorId = 'sp-pledges-error';

    return (
        <fieldset className="sp-pledges" aria-describedby={error ? errorId : undefined}>
            <legend>{legend}</legend>
            {pledges.map(pledge => (
                <div key={pledge.id} className="sp-pledge">
                    <input
                        id={`sp-pledge-${pledge.id}`}
                        type="checkbox"
                        checked={checked.has(pledge.id)}
                        onChange={() => onToggle(pledge.id)}
                    />
                    <label htmlFor={`sp-pledge-${pledge.id}`}>{pledge.text[lang]}</label>
                </div>
            ))}
            {error && (
                <p id={errorId} className="sp-error" role="alert">
                    {error}
                </p>
            )}
        </fieldset>
    );
}
