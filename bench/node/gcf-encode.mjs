// The TypeScript server's answer text for a Cisco answer (its 1.18 default): the parsed JSON encoded with GCF's generic
// profile, pretty JSON if that fails. Reads the Cisco JSON on stdin, writes the text on stdout (AnswerSizeBench).
import { encodeGeneric } from "@blackwell-systems/gcf";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
let text;
try {
  text = encodeGeneric(data);
} catch {
  text = JSON.stringify(data, null, 2);
}
process.stdout.write(text);
