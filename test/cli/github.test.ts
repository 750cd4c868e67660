import * as assert from "assert";
import { runCli } from "../helpers/runCli";
import { escapeData, escapeProperty } from "../../server/src/cli/output/github";

const COMMAND = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=nadir ([a-z0-9-]+)::(.+)$/;

describe("nadir check --format github", () => {
  it("prints one workflow command per diagnostic, at the text format's positions", () => {
    const run = runCli(["check", "--format", "github", "examples"]);
    assert.strictEqual(run.code, 1);
    const lines = run.stdout.trim().split("\n");
    const text = runCli(["check", "examples"]).stdout.trim().split("\n");
    assert.strictEqual(lines.length, text.length);
    lines.forEach((line, i) => {
      const m = COMMAND.exec(line);
      assert.ok(m, line);
      const [, level, file, l, c, , , code] = m;
      const [where, severity, textCode] = text[i].split(" ");
      assert.strictEqual(`${file}:${l}:${c}`, where);
      assert.strictEqual(code, textCode);
      assert.strictEqual(level, { error: "error", warning: "warning", information: "notice", hint: "notice" }[severity]);
    });
  });

  it("escapes %, line breaks, and in properties : and ,", () => {
    assert.strictEqual(escapeData("50% done\r\nnext"), "50%25 done%0D%0Anext");
    assert.strictEqual(escapeProperty("a:b,c"), "a%3Ab%2Cc");
  });
});
