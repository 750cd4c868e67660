import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { deidentify, DeidentifyOptions } from "../../../server/src/core/deidentify";
import { dateShiftFor, pseudonymFor, MIN_SHIFT_DAYS, MAX_SHIFT_DAYS } from "../../../server/src/core/deidentify/pseudonyms";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import { analyze } from "../../../server/src/core/analyze";
import type { CaseAssessment } from "../../../server/src/core/engine/types";
import { parseDay } from "../../../server/src/core/util/dates";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { CANCER_TYPES, MARKER_NAMES, MARKER_UNITS, THERAPY_WORDS } from "../../../server/src/core/deidentify/vocabulary";
import { GENE_SYMBOLS, PDL1_ASSAYS } from "../../../server/src/core/model/biomarkerVocabulary";
import { MELANOMA } from "../export/handAssessed";
import { rebuild } from "../../../server/src/core/deidentify/rebuild";
import { treeDifference } from "../../../server/src/core/deidentify/verify";
import { NO_KEEP } from "../../../server/src/core/deidentify";
import type { FileNode } from "../../../server/src/core/syntax/ast";

const OPTIONS = { seed: "test-seed" };

function deidentified(text: string, options: DeidentifyOptions = OPTIONS): string {
  const result = deidentify(text, options);
  if (!result.ok) assert.fail(`not de-identified: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.text;
}

/** Every dated fact of every patient as days from the patient's first date, in file order. */
function intervals(text: string): number[][] {
  return buildModel(parseText(text).file).patients.map((p) => {
    const days = [...p.therapies.map((t) => t.start), ...p.assessments.map((a) => a.day), ...p.ctdna.map((c) => c.day),
      ...p.markers.map((m) => m.day), ...p.biopsies.map((b) => b.day), ...p.decisions.map((d) => d.day), ...(p.settings.asOf !== undefined ? [p.settings.asOf] : [])];
    return days.map((d) => d - Math.min(...days));
  });
}

/** The assessment without dates: responses, sums and windows as days from the episode start. */
function dateFree(assessment: CaseAssessment) {
  const rel = (date: string | null | undefined, start: number | null) => (date && start !== null ? (parseDay(date) as number) - start : date ?? null);
  return assessment.patients.map((p) => ({
    criteria: p.criteria,
    episodes: p.episodes.map((e) => {
      const start = e.episode.start;
      return {
        baselineSum: e.baseline?.sum ?? null,
        timepoints: e.timepoints.map((tp) => ({
          day: start === null ? null : tp.day - start, sum: tp.sum, nadir: tp.nadir, changeFromBaselinePct: tp.changeFromBaselinePct, changeFromNadirPct: tp.changeFromNadirPct,
          target: tp.target, nonTarget: tp.nonTarget, newLesions: tp.newLesions, newLesionTargetSum: tp.newLesionTargetSum, response: tp.response, iResponse: tp.iResponse ?? null,
        })),
        bestResponse: e.bestResponse, iBestResponse: e.iBestResponse ?? null, progression: rel(e.progressionDate, start),
        window: e.pendingConfirmation ? [rel(e.pendingConfirmation.iupdDate, start), rel(e.pendingConfirmation.from, start), rel(e.pendingConfirmation.to, start)] : null,
        nextDue: rel(e.nextDue, start), hyperprogression: e.hyperprogression.map((h) => [h.definition, h.computable, h.met]),
      };
    }),
  }));
}

describe("deidentify: pseudonyms, shifted dates, no free text", () => {
  it("pseudonyms are stable for a seed, differ between seeds and are valid bare patient ids", () => {
    assert.strictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("a", "PT-0042"));
    assert.notStrictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("b", "PT-0042"));
    assert.notStrictEqual(pseudonymFor("a", "PT-0042"), pseudonymFor("a", "PT-0043"));
    assert.match(pseudonymFor("a", "PT-0042"), /^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it("shifts a patient's dates by one offset of 30 to 730 days, never 0", () => {
    for (let i = 0; i < 200; i++) {
      const shift = dateShiftFor(String(i), "PT-0042");
      assert.ok(Math.abs(shift) >= MIN_SHIFT_DAYS && Math.abs(shift) <= MAX_SHIFT_DAYS, String(shift));
    }
  });

  it("replaces the id, moves every date and keeps every interval (R8, R10, R13 windows rest on intervals)", () => {
    const out = deidentified(MELANOMA);
    const result = deidentify(MELANOMA, OPTIONS);
    assert.ok(result.ok);
    const [patient] = result.patients;
    assert.strictEqual(patient.id, "PT-0042");
    assert.ok(!out.includes("PT-0042"));
    assert.ok(out.includes(`patient ${patient.pseudonym} {`));
    for (const date of MELANOMA.match(/\d{4}-\d{2}-\d{2}/g) ?? []) assert.ok(!out.includes(date), `${date} is still there`);
    assert.deepStrictEqual(intervals(out), intervals(MELANOMA));
    const shifted = buildModel(parseText(out).file).patients[0];
    assert.strictEqual(shifted.assessments[1].day - (parseDay("2025-01-02") as number), patient.shiftDays);
  });

  it("removes comments, notes and lesion descriptions, blanks decision and biopsy text, and still parses", () => {
    const text = `# Smith, John, 1961-02-03
patient "Smith J" { # record 4711
  note "referred by Dr Who"
  baseline 2025-01-02 CT {
    T1 target liver "segment VII, Smith"  42 mm   # measured by JS
    note "patient anxious"
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
  biopsy 2025-03-10 liver "Smith: adenocarcinoma"
  decision 2025-03-12 "call John on 555-0101"
}
`;
    const out = deidentified(text);
    for (const secret of ["Smith", "John", "4711", "Dr Who", "anxious", "JS", "555", "1961", "#"]) assert.ok(!out.includes(secret), `${secret} in\n${out}`);
    assert.deepStrictEqual(parseText(out).diagnostics, []);
    assert.match(out, /T1 target liver 42 mm\n/);
    assert.ok(out.startsWith("patient "), "a comment line goes with its line break");
    assert.match(out, /biopsy \d{4}-\d{2}-\d{2} liver "\[removed\]"/);
    assert.match(out, /decision \d{4}-\d{2}-\d{2} "\[removed\]"/);
  });

  it("keeps strings with keep.text, never comments, and still replaces ids and dates", () => {
    const out = deidentified(MELANOMA, { seed: "s", keep: { text: true } });
    assert.ok(out.includes('"segment VII metastasis"') && out.includes("PD-L1 TPS 40%"));
    assert.ok(!out.includes("#"), "comments are always removed");
    assert.ok(!out.includes("PT-0042") && !out.includes("2025-01-02"));
  });

  it("keeps CRLF line ends and a byte-order mark", () => {
    const crlf = deidentified(`\uFEFF${MELANOMA.replace(/\n/g, "\r\n")}`);
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.ok(crlf.startsWith("\uFEFFpatient "));
  });

  it("refuses a file with invalid dates, pointing at them (they cannot be shifted)", () => {
    const text = "patient P {\n  baseline 2025-02-30 CT {\n    T1 target liver 12 mm\n  }\n}\n";
    const result = deidentify(text, OPTIONS);
    assert.ok(!result.ok);
    assert.strictEqual(result.problems.length, 1);
    assert.strictEqual(result.problems[0].start, text.indexOf("2025-02-30"), "points at the date");
    assert.match(result.problems[0].message, /February 2025 has 28 days/);
  });

  it("gives the same responses, sums and windows before and after, for every example (R3-R13)", () => {
    const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir") && f !== "mistakes.nadir");
    assert.ok(files.length >= 4);
    for (const file of files) {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), "utf8");
      const before = analyze(text);
      const after = analyze(deidentified(text));
      assert.ok(before.assessment.patients.some((p) => p.episodes.some((e) => e.timepoints.length > 0)), `${file}: the engine assessed no time point`);
      assert.deepStrictEqual(dateFree(after.assessment), dateFree(before.assessment), file);
      // A one-line biopsy's free text is removed by design, and with it what `biopsy-unstructured` read from it (R31).
      const codes = (a: typeof before) => a.diagnostics.map((d) => d.code).filter((c) => c !== "biopsy-unstructured");
      assert.deepStrictEqual(codes(after), codes(before), file);
      assert.ok(after.diagnostics.every((d) => d.code !== "biopsy-unstructured"), `${file}: no free text left to read values from`);
    }
  });

  it("keeps several criteria (P3) and two diameters (P1): same readings under every criterion; an unknown name stays unknown", () => {
    const text = `patient PT-77 {
  criteria iRECIST irRC imRECIST WHO
  therapy pembrolizumab from 2025-01-06 immunotherapy
  baseline 2025-01-02 CT {
    T1 target liver 30 x 20 mm
    N1 target node 25 × 17 mm
  }
  scan 2025-03-03 CT {
    T1 split 12 x 10 mm + 8 x 6 mm
    N1 1.2 x 0.8 cm
    NL1 new lung 12 x 10 mm
  }
}
`;
    const out = deidentified(text);
    assert.match(out, /criteria iRECIST irRC imRECIST unknown-criteria\n/);
    assert.match(out, /T1 target liver 30 x 20 mm/);
    assert.match(out, /T1 +split 12 x 10 mm \+ 8 x 6 mm/);
    assert.match(out, /N1 +1\.2 x 0\.8 cm/);
    const readings = (t: string) => analyze(t).assessment.patients.map((p) => [p.criteriaRead, p.episodes.map((e) => Object.entries(e.readings ?? {}).map(([id, r]) => [id, r?.timepoints.map((tp) => [tp.burden, tp.response, tp.confirmation])]))]);
    assert.deepStrictEqual(readings(out), readings(text));
    assert.deepStrictEqual(analyze(out).diagnostics.map((d) => d.code), analyze(text).diagnostics.map((d) => d.code));
  });

  /** Completeness of each patient and episode, with the codes that make it so. */
  const completeness = (text: string) => analyze(text).assessment.patients.map((p) => ({
    complete: p.complete, because: p.incompleteBecause.map((d) => d.code), episodes: p.episodes.map((e) => [e.complete, e.incompleteBecause.map((d) => d.code)]),
  }));

  it("writes broken lines and headers as placeholder lines in the same place: never copied, same errors, same completeness", () => {
    const text = `Smith John 1961-02-03 at file level
patient PT-1 {
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
    T2 target lung "Smith" 4,2 cm
    Smith was anxious
  }
  scan 2025-03-01 CT {
    T1 30 mm
    T2 20 mm
  the Smith family, 42 Elm Way
  scan 2025-04-01 CT {
    T1 28 mm
  therapy nivolumab from 2025-1-5 immunotherapy
  scan 2025-05-1 CT Smith {
    T1 27 mm
  }
}
patient "John Smith" Elm {
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
  }
} Smith trailing
patient PT-3 {
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
  }
`;
    const result = deidentify(text, OPTIONS);
    if (!result.ok) return assert.fail(result.problems.map((p) => p.message).join("; "));
    for (const secret of ["Smith", "John", "1961", "Elm", "anxious", "4,2", "2025-1-5", "2025-05-1 "]) assert.ok(!result.text.includes(secret), `${secret} in\n${result.text}`);
    const before = parseText(text).diagnostics.map((d) => d.code);
    assert.deepStrictEqual(parseText(result.text).diagnostics.map((d) => d.code), before);
    assert.ok(before.length >= 7);
    assert.deepStrictEqual(completeness(result.text), completeness(text));
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    assert.deepStrictEqual(result.brokenLines.map(lineOf), [1, 5, 6, 11, 14, 15, 19, 23]);
    // Lesion-shaped lines (lines 5, 6, 11) keep what can be read and lose their value (issue 10); the rest lose the line.
    assert.strictEqual(result.text.match(/\[line removed by nadir deidentify: it did not parse\]/g)?.length, 5);
    assert.strictEqual(result.text.match(/\[value removed by nadir deidentify: it did not parse\]/g)?.length, 3);
    assert.match(result.text, /^ {4}T2 target lung \[value removed by nadir deidentify: it did not parse\]$/m);
  });

  it("rebuilds the recovered forms (issue 10) without copying what did not parse: lesion lines with an unreadable value, a scan header broken after its date, blocks under a broken header", () => {
    const text = `patient PT-1 {
  criteria iRECIST
  baseline 2025-01-02 CT {
    T1 target liver "Smith" 4,2 cm
    T2 target lung 30 mm
    NT1 non-target bone Smith 1961
  }
  scan 2025-03-01 CT Smith {
    T1 30 mm
    T2 28 mm
    NT1 present
  }
  scna 2025-04-01 CT Elm Way {
    T1 28 mm
  }
  scan 2025-05-01 CT {
    T1 27 mm
    T2 4711 Smith
    NL1 new liver "John" 1961-02-03
  ctdna 2025-05-02 Smith {
    T1 26 mm
  }
  scan 2025-06-01 {
    T1 25 mm
    T2 20 mm
    NT1 present
  }
}
`;
    const result = deidentify(text, OPTIONS);
    if (!result.ok) return assert.fail(result.problems.map((p) => p.message).join("; "));
    for (const secret of ["Smith", "John", "1961", "Elm", "4711", "4,2"]) assert.ok(!result.text.includes(secret), `${secret} in\n${result.text}`);
    assert.deepStrictEqual(parseText(result.text).diagnostics.map((d) => d.code), parseText(text).diagnostics.map((d) => d.code));
    assert.deepStrictEqual(analyze(result.text).diagnostics.map((d) => d.code), analyze(text).diagnostics.map((d) => d.code));
    assert.deepStrictEqual(dateFree(analyze(result.text).assessment), dateFree(analyze(text).assessment));
    assert.deepStrictEqual(completeness(result.text), completeness(text));
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    assert.deepStrictEqual(result.brokenLines.map(lineOf), [4, 6, 8, 13, 18, 19, 20]);
    // The declarations and the scan's date survive: T1 stays a target, NL1 a new lesion, the scan of line 8 is assessed.
    assert.match(result.text, /^ {4}T1 target liver \[value removed by nadir deidentify: it did not parse\]$/m);
    assert.match(result.text, /^ {4}NL1 new liver \[value removed by nadir deidentify: it did not parse\]$/m);
    assert.match(result.text, /^ {2}scan \d{4}-\d{2}-\d{2} \[line removed by nadir deidentify: it did not parse\] \{$/m);
    assert.match(result.text, /^ {2}as of \[line removed by nadir deidentify: it did not parse\] \{$/m);
  });

  it("keeps the assessment and completeness of examples/mistakes.nadir (broken lines and all), once its dates are real", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "mistakes.nadir"), "utf8").replace("2025-02-30", "2025-02-28").replace("2025-04-31", "2025-04-30");
    const out = deidentified(text);
    assert.deepStrictEqual(dateFree(analyze(out).assessment), dateFree(analyze(text).assessment));
    assert.deepStrictEqual(analyze(out).diagnostics.map((d) => d.code), analyze(text).diagnostics.map((d) => d.code));
    assert.deepStrictEqual(completeness(out), completeness(text));
  });

  const CASE = (body: string, criteria = "RECIST 1.1") => `patient PT-9 {\n  criteria ${criteria}\n${body}\n}\n`;

  it("gives lesion ids of other shapes the conventional shape of their kind, consistently (merged into too)", () => {
    const out = deidentified(CASE(`  baseline 2025-01-02 CT {
    Smith1 target liver 40 mm
    T1 target lung 20 mm
    axilla target node 17 mm
    bones non-target bone present
  }
  scan 2025-03-01 CT {
    Smith1 merged into T1
    T1 30 mm
    axilla 9 mm
    bones present
    Elm new liver 12 mm
    ghost 5 mm
  }`)).replace(/ +/g, " ");
    assert.match(out, /T2 target liver 40 mm/);
    assert.match(out, /T1 target lung 20 mm/);
    assert.match(out, /N1 target node 17 mm/);
    assert.match(out, /NT1 non-target bone present/);
    assert.match(out, /T2 merged into T1/);
    assert.match(out, /NL1 new liver 12 mm/);
    assert.match(out, /L1 5 mm/, "an id never declared keeps its unknown-lesion error under a neutral id");
    assert.ok(!/Smith|axilla|bones|Elm|ghost/.test(out), out);
  });

  it("replaces unknown organs by other-a, other-b, ... per organ, so organ counts stay (R1, iRECIST new-lesion targets per organ)", () => {
    const text = CASE(`  therapy pembrolizumab from 2025-01-06 immunotherapy
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
    T2 target smithgland 20 mm
    T3 target smithgland 20 mm
    T4 target elmduct 20 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
    T2 20 mm
    T3 20 mm
    T4 20 mm
    NL1 new smithgland 12 mm
    NL2 new smithgland 11 mm
    NL3 new elmduct 13 mm
    NL4 new kidnee 14 mm
  }
  scan 2025-04-01 CT {
    T1 40 mm
    T2 20 mm
    T3 20 mm
    T4 20 mm
    NL1 15 mm
    NL2 14 mm
    NL3 16 mm
    NL4 17 mm
  }
  biopsy 2025-03-10 smithgland "x"`, "iRECIST");
    const out = deidentified(text).replace(/ +/g, " ");
    assert.match(out, /T2 target other-a/);
    assert.match(out, /T4 target other-b/);
    assert.match(out, /NL4 new other-c/);
    assert.match(out, /biopsy \S+ other-a /);
    assert.ok(!/smith|elm|kidnee/.test(out), out);
    assert.deepStrictEqual(dateFree(analyze(out).assessment), dateFree(analyze(text).assessment));
    assert.deepStrictEqual(analyze(out).diagnostics.map((d) => d.code), analyze(text).diagnostics.map((d) => d.code));
  });

  it("keeps listed therapies and their combinations; any other name, and any quoted name with another word, becomes THERAPY-n", () => {
    const out = deidentified(CASE(`  therapy carboplatin+Paclitaxel from 2025-01-06 chemotherapy
  therapy "nivolumab + ipilimumab" from 2025-03-06 immunotherapy
  therapy "nivolumab (Dr Smith, 42 Elm Way)" from 2025-05-06 immunotherapy
  therapy SmithTrial-7 from 2025-07-06 trial
  therapy "nivolumab (Dr Smith, 42 Elm Way)" from 2025-09-06 immunotherapy
  therapy FOLFOX from 2025-10-06`));
    assert.match(out, /therapy carboplatin\+Paclitaxel from/);
    assert.match(out, /therapy "nivolumab \+ ipilimumab" from/);
    assert.deepStrictEqual(out.match(/THERAPY-\d/g), ["THERAPY-1", "THERAPY-2", "THERAPY-1"], "the same name gets the same placeholder");
    assert.match(out, /therapy FOLFOX from/);
    assert.ok(!/Smith|Elm|42/.test(out), out);
  });

  it("keeps listed markers and units whatever their case; others become MARKER-n per name (series stay apart, R5) and UNIT", () => {
    const text = CASE(`  baseline 2025-01-02 CT {
    NT1 non-target liver present
  }
  scan 2025-03-01 CT {
    NT1 absent
  }
  marker 2025-01-02 ca-125 410 u/ml uln 35
  marker 2025-01-02 Smith1 4 SmithUnits uln 5
  marker 2025-02-20 Smith1 4 SmithUnits uln 5
  marker 2025-02-20 Elm2 40 mmol/L uln 5
  marker 2025-02-21 CA19-9 12 U/mL`);
    const out = deidentified(text);
    assert.match(out, /ca-125 410 u\/ml uln 35/);
    assert.match(out, /MARKER-1 4 UNIT uln 5[\s\S]*MARKER-1 4 UNIT uln 5[\s\S]*MARKER-2 40 mmol\/L/);
    assert.match(out, /CA19-9 12 U\/mL/);
    assert.ok(!/Smith|Elm/.test(out), out);
    assert.deepStrictEqual(dateFree(analyze(out).assessment), dateFree(analyze(text).assessment));
  });

  it("keeps exactly the classes named by keep, each on its own", () => {
    const text = CASE(`  therapy SmithDrug from 2025-01-06
  baseline 2025-01-02 CT {
    Smith1 target smithorgan "Smith's liver" 40 mm
  }
  marker 2025-01-02 SmithMarker 4 SmithUnit
  note "Smith note"`);
    const words = { text: "Smith's liver", therapyNames: "SmithDrug", organs: "smithorgan", markers: "SmithMarker", lesionIds: "Smith1" };
    for (const kept of Object.keys(NO_KEEP) as Array<keyof typeof NO_KEEP>) {
      const out = deidentified(text, { seed: "s", keep: { [kept]: true } });
      for (const [cls, word] of Object.entries(words)) assert.strictEqual(out.includes(word), cls === kept, `keep ${kept}: ${word}\n${out}`);
      if (kept === "markers") assert.ok(out.includes("SmithUnit"));
      if (kept === "text") assert.ok(out.includes('note "Smith note"'));
    }
    assert.ok(!/smith/i.test(deidentified(text)));
  });

  it("refuses what it cannot rebuild: an unknown statement, or a field the rebuild would lose", () => {
    const text = CASE("  therapy nivolumab from 2025-01-06");
    const file = parseText(text).file;
    const withUnknown = { ...file, items: [...file.items, { type: "Genome", start: 0, end: 5 }] } as unknown as FileNode;
    assert.deepStrictEqual(rebuild(withUnknown, "s", NO_KEEP).unknown.map((u) => u.what), ["a statement of kind 'Genome'"]);
    const out = deidentified(text);
    const replaced = rebuild(file, OPTIONS.seed, NO_KEEP).replaced;
    assert.strictEqual(treeDifference(file, parseText(out).file, replaced, false), null);
    const patient = file.items[0] as unknown as { items: Array<Record<string, unknown>> };
    const therapy = patient.items.find((i) => i.type === "Therapy")!;
    therapy.stopped = { type: "Word", value: "toxicity", start: 0, end: 1 };
    const difference = treeDifference(file, parseText(out).file, replaced, false);
    assert.match(difference?.path ?? "", /Therapy\.stopped$/);
  });
});

describe("deidentify: docs/deidentify.md lists exactly the allow-lists of the code", () => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "deidentify.md"), "utf8");
  const listed = (name: string) => {
    const m = new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)\\n<!-- /${name} -->`).exec(doc);
    assert.ok(m, `docs/deidentify.md has no ${name} list`);
    return [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
  };
  it("therapies, marker names and marker units", () => {
    assert.deepStrictEqual(listed("therapy-words"), THERAPY_WORDS);
    assert.deepStrictEqual(listed("marker-names"), MARKER_NAMES);
    assert.deepStrictEqual(listed("marker-units"), MARKER_UNITS);
  });

  it("genes, PD-L1 assays and cancer types (language 1.1)", () => {
    assert.deepStrictEqual(listed("gene-symbols"), GENE_SYMBOLS);
    assert.deepStrictEqual(listed("pdl1-assays"), PDL1_ASSAYS);
    assert.deepStrictEqual(listed("cancer-types"), CANCER_TYPES);
  });
});
