// Production build of the portal: dist/ holds index.html, the bundle, and the deployment's
// config.js and interface_config.js (served beside the app and loaded at run time, as jitsi-meet does).
const path = require('node:path');

const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (_env, argv) => ({
    mode: argv.mode ?? 'production',
    entry: { portal: './react/index.tsx' },
    output: {
        path: path.resolve(__dirname, 'dist'),
        filename: '[name].[contenthash:8].js',
        clean: true,
        publicPath: '/',
    },
    resolve: {
        extensions: ['.tsx', '.ts', '.js'],
        // Preact's React compatibility layer in the browser, as the drop-in has it: a fraction of
        // React DOM's size for the same components (BENCHMARKS.md, the portal's initial JS). The
        // browser tests run this build; the component tests run on React itself.
        alias: {
            react: 'preact/compat',
            'react-dom/client': 'preact/compat/client',
            'react-dom': 'preact/compat',
            'react/jsx-runtime': 'preact/jsx-runtime',
        },
    },
    module: {
        rules: [
            { test: /\.[jt]sx?$/, exclude: /node_modules\/(?!@jitsi\/react-sdk)/, use: 'babel-loader' },
            { test: /\.css$/, type: 'asset/resource', generator: { filename: '[name].[contenthash:8][ext]' } },
        ],
    },
    devtool: false,
    performance: { hints: false },
    plugins: [
        new HtmlWebpackPlugin({ template: './react/index.html', inject: 'body' }),
        {
            apply(compiler) {
                // Copy the deployment's config files next to the app, unchanged.
                compiler.hooks.thisCompilation.tap('CopyDeploymentConfig', compilation => {
                    compilation.hooks.processAssets.tap({ name: 'CopyDeploymentConfig', stage: 0 }, () => {
                        const fs = require('node:fs');
                        for (const file of ['config.js', 'interface_config.js', 'react/portal.css']) {
                            const source = fs.readFileSync(path.join(__dirname, file));
                            const name = path.basename(file);
                            // Marked as minimized so that the admin's comments survive: these files are read by people.
                            compilation.emitAsset(name, new compiler.webpack.sources.RawSource(source), {
                                minimized: true,
                            });
                        }
                    });
                });
            },
        },
    ],
});
