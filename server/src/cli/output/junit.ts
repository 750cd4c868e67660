// JUnit XML for CI test reports: one test case per file, one <failure> per error; warnings and
// information go to the case's <system-out> so they are visible without failing the build.
import { XMLBuilder } from "fast-xml-parser";
import { LineIndex } from "../../core/text/lineIndex";
import type { CoreDiagnostic } from "../../core/diagnostics";
import type { CheckedFile } from "./checkFormats";

const SUITE_NAME = "nadir check";

export function formatJunit(files: CheckedFile[]): string {
  const cases = files.map(testCase);
  const failing = cases.filter((c) => c.failure.length > 0).length;
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": SUITE_NAME,
      "@_tests": files.length,
      "@_failures": failing,
      "@_errors": 0,
      testsuite: {
        "@_name": SUITE_NAME,
        "@_tests": files.length,
        "@_failures": failing,
        "@_errors": 0,
        "@_skipped": 0,
        testcase: cases,
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true });
  return builder.build(document);
}

function testCase(file: CheckedFile) {
  const lines = new LineIndex(file.text);
  const where = (d: CoreDiagnostic) => {
    const p = lines.positionAt(d.start);
    return `${file.path}:${p.line + 1}:${p.character + 1}`;
  };
  const errors = file.diagnostics.filter((d) => d.severity === "error");
  const others = file.diagnostics.filter((d) => d.severity !== "error");
  return {
    "@_name": file.path,
    "@_classname": "nadir.check",
    "@_file": file.path,
    failure: errors.map((d) => ({
      "@_message": `${d.code}: ${d.message}`,
      "@_type": d.code,
      "#text": `${where(d)} ${d.code} ${d.message}`,
    })),
    ...(others.length > 0 ? { "system-out": others.map((d) => `${where(d)} ${d.severity} ${d.code} ${d.message}`).join("\n") } : {}),
  };
}
