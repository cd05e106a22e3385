// Checks that schemas/pingplan.schema.json agrees with the manifest loader, using a real
// JSON Schema validator (ajv, draft 2020-12) on YAML parsed as editors parse it (yaml, 1.2 core):
// - every examples/*.yaml is valid and starts with the yaml-language-server comment;
// - a broken manifest of tests/manifest/broken/ is rejected exactly when it is listed in
//   schema-rejects.txt (the rules the schema can express; the rest are the loader's alone).
// Usage: node tests/schema/check.mjs REPO_ROOT   (needs: npm ci --prefix tests/schema)

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const root = process.argv[2];
if (!root) {
  console.error("usage: node tests/schema/check.mjs REPO_ROOT");
  process.exit(2);
}
const require = createRequire(join(root, "tests/schema/package.json"));
let Ajv2020, YAML;
try {
  Ajv2020 = require("ajv/dist/2020").default;
  YAML = require("yaml");
} catch (e) {
  console.error(
    "tests/schema/node_modules is missing (" + e.message.split("\n")[0] + ").\n" +
      "Install the schema test's dependencies first:  npm ci --prefix tests/schema");
  process.exit(1);
}

const schema = JSON.parse(readFileSync(join(root, "schemas/pingplan.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
const validate = ajv.compile(schema);
const header = "# yaml-language-server: $schema=../schemas/pingplan.schema.json";

/** Returns null when the file is valid, else a one-line reason. */
function check(path) {
  let doc;
  try {
    doc = YAML.parse(readFileSync(path, "utf8"));
  } catch (e) {
    return "YAML: " + e.message.split("\n")[0];
  }
  if (validate(doc)) return null;
  return validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
}

let failures = 0;
let checked = 0;
const fail = (message) => {
  console.error("FAIL " + message);
  failures++;
};

const examples = join(root, "examples");
for (const name of readdirSync(examples).filter((n) => n.endsWith(".yaml")).sort()) {
  const path = join(examples, name);
  checked++;
  const reason = check(path);
  if (reason) fail(`examples/${name} is rejected by the schema: ${reason}`);
  if (readFileSync(path, "utf8").split("\n")[0] !== header) {
    fail(`examples/${name} does not start with "${header}"`);
  }
}

const listed = new Set(
  readFileSync(join(root, "tests/schema/schema-rejects.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#")));
const brokenDir = join(root, "tests/manifest/broken");
const brokenFiles = readdirSync(brokenDir).filter((n) => n.endsWith(".yaml")).sort();
for (const name of listed) {
  if (!brokenFiles.includes(name + ".yaml")) fail(`schema-rejects.txt lists ${name}, which has no file`);
}
for (const file of brokenFiles) {
  const name = file.replace(/\.yaml$/, "");
  checked++;
  const reason = check(join(brokenDir, file));
  if (listed.has(name) && !reason) fail(`broken/${file} breaks a schema rule but the schema accepts it`);
  if (!listed.has(name) && reason) {
    fail(`broken/${file} is rejected by the schema (${reason}) but is not in schema-rejects.txt`);
  }
}

console.log(`${checked} manifests checked against the schema, ${failures} failures`);
process.exit(failures ? 1 : 0);
