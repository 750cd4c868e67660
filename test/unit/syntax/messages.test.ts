// Syntax errors speak to radiologists: what was expected, in the language's own words.
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";

function messageFor(line: string, where: "patient" | "scan" = "scan"): { message: string; covered: string } {
  const text = where === "scan"
    ? `patient P {\n  scan 2025-01-01 CT {\n${line}\n  }\n}\n`
    : `patient P {\n${line}\n}\n`;
  const diagnostics = parseText(text).diagnostics;
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  return { message: diagnostics[0].message, covered: text.slice(diagnostics[0].start, diagnostics[0].end) };
}

describe("syntax: friendly messages", () => {
  it("a number without a unit asks for mm or cm", () => {
    assert.deepStrictEqual(messageFor("    T1 42"), {
      message: "Expected a size unit (`mm` or `cm`) after `42`, or another value such as `absent` or `not evaluated`.",
      covered: "42",
    });
  });

  it("a misspelt value names the expected value kinds", () => {
    const { message, covered } = messageFor("    T1 abscent");
    assert.equal(covered, "abscent");
    assert.match(message, /^Expected .*a value such as `12 mm`, `absent` or `not evaluated`.*, found `abscent`\.$/);
  });

  it("an unknown statement lists what may stand there", () => {
    assert.deepStrictEqual(messageFor("  scna 2025-01-01 CT", "patient"), {
      message: "Unknown statement `scna`: inside a patient: `scan`, `baseline`, `therapy`, `cancer`, `ctdna`, `marker`, `biopsy`, `decision`, `note`, `criteria`, `schedule`, `as of` or `confirm responses`.",
      covered: "scna",
    });
  });

  it("a bad criteria name says what a name looks like (the registry's names: invalid-value, P3)", () => {
    const { message, covered } = messageFor("  criteria RECIST 2.0", "patient");
    assert.equal(covered, "2.0");
    assert.equal(message, "Expected a criteria name such as `RECIST 1.1`, `iRECIST` or `irRC`, found `2.0`.");
  });

  it("P1: a value with two diameters that does not parse says what two diameters look like", () => {
    assert.equal(messageFor("    T1 42 x mm").message, "Expected two diameters and a unit, such as `42 x 30 mm`, from `42` on.");
    assert.equal(messageFor("    T1 42 × 30").message, "Expected two diameters and a unit, such as `42 x 30 mm`, from `42` on.");
  });

  it("an unterminated string says so", () => {
    assert.equal(messageFor('  note "unfinished', "patient").message, "This quoted text has no closing `\"` on its line.");
  });

  it("a signed number says numbers have no sign", () => {
    assert.match(messageFor("    T1 -4 mm").message, /numbers are written without a sign\.$/);
  });

  it("a line that stops early says what should come next", () => {
    assert.equal(messageFor("  therapy pembrolizumab from", "patient").message, "Expected a date (YYYY-MM-DD) before the end of the line.");
  });
});
