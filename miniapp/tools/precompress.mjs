#!/usr/bin/env node
// After `taro build --type h5`: writes a brotli (.br) and a gzip (.gz) sibling next to every text asset of
// dist/h5, compressed once at the highest levels, so the server sends them as they are (@fastify/static
// `preCompressed`) instead of compressing on every request. A sibling is kept only when it is smaller.
// Taro empties dist/h5 at the start of each build, so no sibling outlives its file.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5');
const TEXT = /\.(?:js|css|html|svg|json|txt|map|xml)$/;
const MIN_BYTES = 512;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let plain = 0;
let brotli = 0;
let gzip = 0;
let count = 0;
for (const path of [...files(root)]) {
  if (/\.(?:br|gz)$/.test(path)) {
    unlinkSync(path); // left by an earlier run of this script on the same build
    continue;
  }
  if (!TEXT.test(path) || statSync(path).size < MIN_BYTES) continue;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < data.length) writeFileSync(`${path}.br`, br);
  if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  plain += data.length;
  brotli += Math.min(br.length, data.length);
  gzip += Math.min(gz.length, data.length);
  count += 1;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`precompressed ${count} files in ${relative(process.cwd(), root) || '.'}: ${kb(plain)} → brotli ${kb(brotli)}, gzip ${kb(gzip)}`);
