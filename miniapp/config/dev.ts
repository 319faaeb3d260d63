import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // `pnpm dev` serves H5 on its own port; the API stays same-origin through this proxy.
      proxy: {
        '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
