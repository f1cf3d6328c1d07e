/**
 * webpack.cli.js's loader for archiver-utils, the zip writer's helpers that exceljs's streaming writer bundles in
 * dist/cli/xlsx-writer.js: its three `new Buffer(…)` written as what they do, Buffer.alloc and Buffer.from. Node
 * warns of `new Buffer` on stderr (DEP0005) unless it is called from a file under node_modules, which the bundle
 * is not: every `summary -o` would end with that warning. A version of archiver-utils that calls it otherwise
 * stops the build rather than warning the users.
 */
const CALLS = [
  // A count of bytes: zero-filled, as `new Buffer(n)` has been since Node 8.
  ['new Buffer(size)', 'Buffer.alloc(size)'],
  ['new Buffer(0)', 'Buffer.alloc(0)'],
  // A string, as UTF-8.
  ['new Buffer(source)', 'Buffer.from(source)'],
];

module.exports = function bufferFrom(source) {
  // archiver's copy calls them; zip-stream's own, a later version, calls none.
  let out = source;
  for (const [call, instead] of CALLS) out = out.split(call).join(instead);
  if (out.includes('new Buffer(')) throw new Error(`${this.resourcePath} calls new Buffer( otherwise: see scripts/buffer-from-loader.js`);
  return out;
};
