import React, { type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled input with its hint and error tied to it (WCAG: labels, errors announced). */
export function Field({
    id,
    label,
    hint,
    error,
    children,
    ...input
}: {
    readonly id: string;
    readonly label: string;
    readonly hint?: ReactNode;
    readonly error?: string | null;
    readonly children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
    const describedBy =
        [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

    return (
        <div className="field">
            <label htmlFor={id}>{label}</label>
            {hint && (
                <p id={`${id}-hint`} className="hint">
                    {hint}
                </p>
            )}
            <div className="field-row">
                <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
                {children}
            </div>
            {error && (
                <p id={`${id}-error`} className="error" role="alert">
                    {error}
                </p>
            )}
        </div>
    );
}
