/**
 * What the core says about what people type (passwords, room names, display names), German first.
 * Shown by the policy's dialogs and the portal's forms.
 */

/** German. */
export const inputDe = {
    'password.empty': 'Bitte gib ein Passwort ein.',
    'password.whitespaceOnly': 'Das Passwort besteht nur aus Leerzeichen.',
    'password.tooShort': 'Das Passwort ist zu kurz: mindestens {min} Zeichen.',
    'password.tooLong': 'Das Passwort ist zu lang: höchstens {max} Zeichen.',
    'password.surroundingSpaces': 'Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.',
    'password.controlCharacters': 'Das Passwort enthält unsichtbare Steuerzeichen.',
    'room.empty': 'Bitte gib einen Raumnamen ein.',
    'room.tooLong': 'Der Raumname ist zu lang: höchstens {max} Zeichen.',
    'room.noUsableCharacters': 'Der Raumname braucht Buchstaben oder Ziffern.',
    'room.looksLikeLink': 'Bitte gib einen Namen ein, keinen Link.',
    'room.guessable': 'Dieser Name ist leicht zu erraten. Vorschlag: {suggestion}',
    'name.tooLong': 'Der Name ist zu lang und wurde auf {max} Zeichen gekürzt.',
    'name.claimsRole':
        'Bitte wähle einen anderen Namen: Namen wie „Lehrkraft“, „Admin“ oder „Moderator“ könnten andere täuschen.',
} as const;

/** Every key of a message about input. */
export type InputMessageKey = keyof typeof inputDe;

/** English: the same keys, checked by the compiler and by a test. */
export const inputEn: Record<InputMessageKey, string> = {
    'password.empty': 'Please enter a password.',
    'password.whitespaceOnly': 'The password is only spaces.',
    'password.tooShort': 'The password is too short: at least {min} characters.',
    'password.tooLong': 'The password is too long: at most {max} characters.',
    'password.surroundingSpaces': 'The password must not start or end with a space.',
    'password.controlCharacters': 'The password contains invisible control characters.',
    'room.empty': 'Please enter a room name.',
    'room.tooLong': 'The room name is too long: at most {max} characters.',
    'room.noUsableCharacters': 'The room name needs letters or digits.',
    'room.looksLikeLink': 'Please enter a name, not a link.',
    'room.guessable': 'This name is easy to guess. Suggestion: {suggestion}',
    'name.tooLong': 'The name was too long and has been cut to {max} characters.',
    'name.claimsRole': 'Please choose another name: names like "Teacher", "Admin" or "Moderator" could mislead others.',
};
