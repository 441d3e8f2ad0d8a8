// openapi-pact-comparator compiles schemas with ajv in unicode mode, where PayPal's e-mail
// `pattern`s are invalid ("Lone quantifier brackets") and the comparator crashes. To time both
// tools on the same input, this writes a copy of the spec without the patterns JavaScript
// cannot compile, and prints how many it dropped.
const fs = require("fs");
const [, , from, to] = process.argv;
const spec = JSON.parse(fs.readFileSync(from, "utf8"));
let dropped = 0;
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (node === null || typeof node !== "object") return;
  if (typeof node.pattern === "string") {
    try {
      new RegExp(node.pattern, "u");
    } catch {
      delete node.pattern;
      dropped++;
    }
  }
  Object.values(node).forEach(walk);
})(spec);
fs.writeFileSync(to, JSON.stringify(spec));
console.log(dropped);
