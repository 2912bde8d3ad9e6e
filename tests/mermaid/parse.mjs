// parse.mjs: parses Mermaid files with mermaid's own parser, as a page would. Prints one line
// per file; exits 1 if any file fails to parse.
//
//   node parse.mjs mermaid10|mermaid11 FILE…
//
// One version a process: the two share modules (khroma) that one of them changes on loading.
// The packages come from package.json beside this file (build-aux/install-deps.sh installs
// them). mermaid needs a DOM, for its sanitizer: jsdom gives it one.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const [ name, ...files ] = process.argv.slice(2);
if (name !== 'mermaid10' && name !== 'mermaid11') {
  console.log('usage: node parse.mjs mermaid10|mermaid11 FILE…');
  process.exit(2);
}
const { default: mermaid } = await import(name);
const version = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url))).version;

let failed = 0;
mermaid.initialize({ startOnLoad: false });
for (const file of files) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok mermaid ${version} ${file}`);
  } catch (error) {
    failed++;
    console.log(`FAIL mermaid ${version} ${file}: ${String(error.message ?? error).split('\n').join(' | ')}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
