// Babel strips types for Jest and webpack; `tsc --noEmit` does the type checking. Jest runs on the
// current Node; the browser build targets the school devices we expect (old iPads included).
module.exports = api => {
    const forBrowser = api.caller(caller => Boolean(caller && caller.name === 'babel-loader'));

    return {
        presets: [
            [
                '@babel/preset-env',
                forBrowser
                    ? { targets: 'safari >= 15, chrome >= 100, firefox >= 100' }
                    : { targets: { node: 'current' } },
            ],
            ['@babel/preset-react', { runtime: 'classic' }],
            '@babel/preset-typescript',
        ],
    };
};
