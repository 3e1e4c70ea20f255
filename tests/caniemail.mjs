// The newsletter's HTML and CSS against caniemail.com's data (doiuse-email, pinned in package.json):
//   node tests/caniemail.mjs CLIENT_GLOBS FILE... → JSON {file: [{feature, client, support}]}
// support is "n" (the client does not support it) or "a" (partly); supported features are left out.
import { readFileSync } from "node:fs";
import { doIUseEmail } from "doiuse-email";

const [clients, ...files] = process.argv.slice(2);
const found = {};
for (const file of files) {
  const result = doIUseEmail(readFileSync(file, "utf8"), { emailClients: clients.split(",") });
  const findings = [];
  for (const [messages, support, pattern] of [
    [result.errors ?? [], "n", /^`(.+)` is not supported by `(.+)`$/],
    [result.warnings ?? [], "a", /^`(.+)` is only partially supported by `(.+)`$/],
  ]) {
    for (const message of messages) {
      const match = pattern.exec(message);
      if (!match) throw new Error(`doiuse-email: unexpected message ${message}`);
      findings.push({ feature: match[1], client: match[2], support });
    }
  }
  found[file] = findings;
}
process.stdout.write(JSON.stringify(found));
