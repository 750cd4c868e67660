import * as assert from "assert";
import * as fs from "fs";
import { deidentify } from "../../../server/src/core/deidentify";
import { parseText } from "../../../server/src/core/syntax/parse";
import { CANARY, GRAMMAR_FILE, GrammarCanary } from "../../helpers/grammarCanary";

describe("deidentify: PHI canary in every free-text slot of the grammar", function () {
  this.timeout(60000);
  const canary = new GrammarCanary();
  const cases = canary.cases();

  it("finds the free-text slots by walking grammar/nadir.peggy (at least today's)", () => {
    const found = new Set(canary.slots.map((s) => s.where));
    for (const known of ["ValidPatientHeader -> PatientId", "PatientId -> String", "Therapy -> TherapyName", "TherapyName -> String", "Marker -> MarkerName",
      "Marker -> MarkerUnit", "Biopsy -> Organ", "Biopsy -> String", "Decision -> String", "Note -> String", "LesionLine -> LesionId",
      "LesionForm -> Organ", "LesionForm -> String", "Merged -> LesionId", "LineEnd -> Comment", "FileItem -> BadFileLine",
      "PatientItem -> BadPatientLine", "ScanItem -> BadScanLine", "String -> StringChar",
      // Recovery (issue 10): broken headers that still open their block, lesion lines with an unreadable value.
      "PatientHeader -> RestOfLine", "PatientHeader -> BraceLine", "AssessmentHeader -> RestOfLine", "BadBlock -> BraceLine",
      "UnreadableLesionLine -> LesionId", "UnreadableLesionHead -> Organ", "UnreadableLesionHead -> String", "UnreadableLesionLine -> Broken", "Broken -> String",
      // Language 1.1: the cancer type, the structured biopsy's header, genes, changes, assays, notes and broken lines.
      "Cancer -> CancerName", "CancerName -> String", "ValidBiopsyHeader -> Organ", "ValidBiopsyHeader -> String", "BiopsyHeader -> BraceLine",
      "BiopsyItem -> BadBiopsyLine", "Variant -> GeneName", "Variant -> ChangeName", "AssayClause -> AssayName", "BiopsyToken -> String", "BiopsyStatement -> Note",
      // P3: a criteria name is any word; the registry says which exist.
      "Criteria -> CriteriaName"]) {
      assert.ok(found.has(known), `${known} is not among the slots found: ${[...found].join(", ")}`);
    }
    assert.ok(canary.freeText.has("Organ") && canary.freeText.has("MarkerUnit") && !canary.freeText.has("Date") && !canary.freeText.has("Number"));
  });

  it("fills every slot with a marker string, in a file that parses as intended", () => {
    for (const c of cases) {
      assert.ok(c.filled, `slot ${c.slot.where}: no marker string fits it; extend the candidates in test/helpers/grammarCanary.ts\n${c.text}`);
      assert.match(c.text, CANARY, c.slot.where);
      if (!c.broken) assert.deepStrictEqual(parseText(c.text).diagnostics.map((d) => d.message), [], `${c.slot.where} should parse cleanly:\n${c.text}`);
    }
    assert.ok(cases.length >= canary.slots.length);
  });

  it("lets no marker string through deidentify, from any slot, and adds no error", () => {
    for (const c of cases) {
      const result = deidentify(c.text, { seed: "canary" });
      if (!result.ok) assert.fail(`slot ${c.slot.where}: deidentify refused the file: ${result.problems.map((p) => p.message).join("; ")}\n${c.text}`);
      const leak = CANARY.exec(result.text);
      assert.strictEqual(leak, null, `slot ${c.slot.where} (variant ${c.variant}) leaked '${leak?.[0]}':\n--- in\n${c.text}\n--- out\n${result.text}`);
      assert.strictEqual(parseText(result.text).diagnostics.length, parseText(c.text).diagnostics.length, `${c.slot.where}: errors changed\n${result.text}`);
    }
  });

  it("fails loudly for a new slot no marker string fits, and finds a new slot that one fits", () => {
    const grammar = fs.readFileSync(GRAMMAR_FILE, "utf8");
    const withSlots = grammar
      .replace(/Note\n  = KwNote __ text:String \{/, "Note\n  = KwNote __ text:String code:(__ c:CanaryAccented { return c; })? reason:(__ r:CanaryReason { return r; })? {")
      .concat('\nCanaryAccented = text:$[\u00e9\u00e8]+ { return text; }\nCanaryReason = text:$([a-z]+) { return text; }\n');
    assert.notStrictEqual(withSlots, grammar);
    const extended = new GrammarCanary(withSlots);
    const accented = extended.cases().filter((c) => c.slot.where === "Note -> CanaryAccented");
    assert.ok(accented.length > 0 && accented.every((c) => !c.filled), "a slot of accented letters only cannot take a marker string: the case says so");
    const reason = extended.cases().filter((c) => c.slot.where === "Note -> CanaryReason");
    assert.ok(reason.length > 0 && reason.every((c) => c.filled && /note "[^"]*ZZPHI[^"]*"[^\n]* zzphi/.test(c.text)), reason.map((c) => c.text).join("\n"));
  });
});
