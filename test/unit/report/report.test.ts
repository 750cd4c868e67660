import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { HtmlValidate } from "html-validate";
import { analyze, Analysis } from "../../../server/src/core/analyze";
import { assessmentJson } from "../../../server/src/core/engine/json";
import { buildReports, BuiltReport, renderHtmlArticle, renderReports, selectReports } from "../../../server/src/core/report";
import { round1 } from "../../../server/src/core/util/numbers";
import { parseDay } from "../../../server/src/core/util/dates";
import { chartModelOf } from "../../../server/src/core/chart/views";
import { TEXT_WIDTH } from "../../../server/src/core/report/text";
import { ALL_CASES } from "../service/cases";
import { CHEMO, MELANOMA } from "../export/handAssessed";
import { EXAMPLES_DIR, REPO_ROOT } from "../../helpers/paths";
import { fhirProblems } from "../../helpers/fhirSchema";
import { checkTextAgainstJson } from "./numbers";
import { UNREADABLE_BASELINE_CASE, UNREADABLE_FOLLOW_UP } from "../../helpers/issue10";

const TODAY = parseDay("2025-08-01") as number;
const GOLDEN = path.join(REPO_ROOT, "test", "fixtures", "reports");

interface Input { path: string; analysis: Analysis }

/** Every example and every test case text of the suite. */
function inputs(): Input[] {
  const examples = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".nadir")).sort()
    .map((f) => ({ path: `examples/${f}`, text: fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8") }));
  const cases = [...Object.entries(ALL_CASES), ["MELANOMA", MELANOMA], ["CHEMO", CHEMO], ["UNREADABLE_BASELINE", UNREADABLE_BASELINE_CASE], ["UNREADABLE_FOLLOW_UP", UNREADABLE_FOLLOW_UP]].map(([name, text]) => ({ path: `cases/${name}`, text }));
  return [...examples, ...cases].map((i) => ({ path: i.path, analysis: analyze(i.text, { today: TODAY }) }));
}

function allReports(input: Input): BuiltReport[] {
  return buildReports(selectReports([input], { allScans: true }).targets);
}

describe("report: every number is the engine's (nadir assess --format json)", () => {
  const all = inputs();

  it("walks every scan of every example and test case", () => {
    const count = all.reduce((n, i) => n + allReports(i).length, 0);
    assert.ok(count > 150, `${count} reports`);
  });

  for (const input of all) {
    it(`${input.path}: the model holds the JSON values and the text prints them`, () => {
      const json = assessmentJson(input.analysis, input.path);
      for (const built of allReports(input)) {
        const { report, target } = built;
        const where = `${input.path} ${report.patientId} ${report.scan.date}`;
        const jsonPatient = json.patients[input.analysis.assessment.patients.indexOf(target.patient)];
        const jsonEpisode = jsonPatient.episodes[target.episodeIndex];
        assert.deepEqual(report.json.episode, jsonEpisode, where);
        const jsonTp = target.scan === "baseline" ? null : jsonEpisode.timepoints[target.scan];
        assert.deepEqual(report.json.timepoint, jsonTp, where);
        if (jsonTp) assert.equal(jsonTp.date, report.scan.date);
        // Sums: the JSON's, and mm from baseline as the exact difference of the JSON's sums.
        const sum = jsonTp ? jsonTp.sum : jsonEpisode.baseline?.sum ?? null;
        assert.equal(report.sums.current, sum, where);
        assert.equal(report.sums.baseline, jsonEpisode.baseline?.sum ?? null, where);
        if (jsonTp) {
          assert.equal(report.sums.nadir, jsonTp.nadir, where);
          assert.equal(report.sums.changeFromBaselinePct, jsonTp.changeFromBaselinePct, where);
          assert.equal(report.sums.changeFromNadirPct, jsonTp.changeFromNadirPct, where);
          assert.equal(report.sums.changeFromNadirMm, jsonTp.changeFromNadirMm, where);
          const base = jsonEpisode.baseline?.sum ?? null;
          assert.equal(report.sums.changeFromBaselineMm, sum === null || base === null ? null : round1(sum - base), where);
        }
        // The lesion table adds up to the JSON's sums (R2: what each lesion counts as), unless a target's
        // baseline value could not be read: then every sum of the episode is unknown (issue 10, R4).
        const noSums = report.unreadable.some((u) => u.atBaseline);
        const column = (pick: (t: (typeof report.targets)[number]) => { mm: number | null } | null) => {
          const cells = report.targets.map(pick);
          return !noSums && cells.every((c) => c !== null && c.mm !== null) ? round1(cells.reduce((a, c) => a + (c as { mm: number }).mm, 0)) : null;
        };
        if (report.targets.length > 0) {
          assert.equal(column((t) => t.baseline), jsonEpisode.baseline?.sum ?? null, `${where}: baseline column`);
          assert.equal(column((t) => t.current), sum, `${where}: current column`);
          if (jsonTp && jsonTp.nadir !== null) assert.equal(column((t) => t.nadir), jsonTp.nadir, `${where}: nadir column`);
          const previous = target.scan === "baseline" || target.scan === 0 ? jsonEpisode.baseline?.sum ?? null : jsonEpisode.timepoints[target.scan - 1].sum;
          if (jsonTp) assert.equal(column((t) => t.previous), previous, `${where}: previous column`);
        }
        checkTextAgainstJson(renderReports([built], "text"), jsonEpisode, jsonTp, where);
      }
    });
  }
});

describe("report: formats", () => {
  const all = inputs();
  const examples = all.filter((i) => i.path.startsWith("examples/"));

  it("text: every line within 100 columns, and no Markdown syntax, for every scan of every input", () => {
    for (const input of all) {
      const text = renderReports(allReports(input), "text");
      text.split("\n").forEach((line, i) => {
        const where = `${input.path} line ${i + 1}: ${line}`;
        assert.ok(line.length <= TEXT_WIDTH, `${where} is ${line.length} columns`);
        assert.ok(!/[`*_|#[\]<>]/.test(line), `${where} has a Markdown character`);
        assert.ok(!/^\s*([-+] |\d+[.)] |={3,}\s*$|-{3,}\s*$)/.test(line), `${where} reads as Markdown`);
      });
    }
  });

  it("md: one heading per report and per section, tables with a header row", () => {
    const [built] = buildReports(selectReports([examples.find((i) => i.path.endsWith("PT-0042.nadir"))!], {}).targets);
    const md = renderReports([built], "md");
    assert.match(md, /^# Tumour response report: PT-0042, 2025-04-26\n/);
    for (const title of ["Examination", "Comparison", "Findings", "Impression"]) assert.match(md, new RegExp(`^## ${title}$`, "m"));
    assert.match(md, /^\| ID \| Site \| Baseline \| Nadir \| Previous \| Current \| Change \| Status \|$/m);
    assert.match(md, /^\| --- \| --- \| ---: \| ---: \| ---: \| ---: \| ---: \| --- \|$/m);
  });

  it("html: valid (html-validate), self-contained (no http: or https: anywhere, no script), MRRT sections and coded content", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    for (const input of examples) {
      const html = renderReports(allReports(input), "html");
      const report = await validator.validateString(html, `${input.path}.html`);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
      assert.deepEqual(problems, [], input.path);
      assert.ok(!/https?:/i.test(html), `${input.path}: a http(s) reference`);
      assert.ok(!/<script/i.test(html) && !/\son[a-z]+=/i.test(html), `${input.path}: no script`);
      assert.ok(!/<(img|link|iframe|object|embed)\b/i.test(html), `${input.path}: no external resource element`);
      for (const name of ["Procedure Information", "Comparison", "Findings", "Impression", "Coded Content"]) assert.ok(html.includes(`data-section-name="${name}"`), `${input.path}: section ${name}`);
      assert.match(html, /@media print/);
      assert.match(html, /<caption>Target lesions/);
      assert.match(html, /<th scope="col"/);
    }
    const pt42 = renderReports(buildReports(selectReports([examples.find((i) => i.path.endsWith("PT-0042.nadir"))!], {}).targets), "html");
    assert.match(pt42, /<tr data-origtxt="lesion-T1" data-scheme="RADLEX" data-code="RID58" data-meaning="liver">/);
    assert.match(pt42, /data-origtxt="examination" data-scheme="RADLEX" data-code="RID10321"/);
    assert.match(pt42, /data-origtxt="impression" data-scheme="LOINC" data-code="19005-8"/);
    assert.match(pt42, /<svg class="timeline-chart"[^>]*role="img"/);
    assert.match(pt42, /class="ref ref-pd"/);
  });

  it("fhir: an R4 Bundle whose every resource validates and every reference resolves; the DiagnosticReport points to TumorSize, disease status and response", () => {
    for (const input of examples) {
      for (const built of allReports(input)) {
        const bundle = JSON.parse(renderReports([built], "fhir"));
        const where = `${input.path} ${built.report.patientId} ${built.report.scan.date}`;
        assert.deepEqual(fhirProblems(bundle), [], where);
        const urls = new Set<string>(bundle.entry.map((e: { fullUrl: string }) => e.fullUrl));
        assert.equal(urls.size, bundle.entry.length, `${where}: unique entries`);
        for (const e of bundle.entry) {
          assert.deepEqual(fhirProblems(e.resource), [], `${where} ${e.resource.resourceType}`);
          const refs: string[] = [];
          JSON.stringify(e.resource, (k, v) => (k === "reference" && typeof v === "string" ? (refs.push(v), v) : v));
          for (const r of refs) assert.ok(urls.has(r), `${where}: ${r} resolves`);
        }
        const byUrl = new Map(bundle.entry.map((e: { fullUrl: string; resource: unknown }) => [e.fullUrl, e.resource]));
        const reports = bundle.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === "DiagnosticReport");
        assert.equal(reports.length, 1, where);
        const dr = reports[0].resource;
        assert.equal(dr.status, built.report.completeness.complete ? "final" : "partial", where);
        assert.equal(dr.code.coding[0].code, "18748-4");
        assert.equal(dr.effectiveDateTime, built.report.scan.date);
        const results = (dr.result ?? []).map((r: { reference: string }) => byUrl.get(r.reference) as { resourceType: string; code: { coding: Array<{ code: string }> }; meta?: { profile: string[] } });
        assert.ok(results.every((r: { resourceType: string }) => r.resourceType === "Observation"), where);
        const coded = (code: string) => results.filter((r: { code: { coding: Array<{ code: string }> } }) => r.code.coding.some((c) => c.code === code));
        const sized = built.report.targets.some((t) => t.current.mm !== null);
        if (sized) assert.ok(coded("21889-1").length > 0, `${where}: TumorSize results`);
        if (!built.report.scan.isBaseline) {
          assert.equal(results.filter((r: { meta?: { profile: string[] } }) => r.meta?.profile.some((p) => p.endsWith("mcode-cancer-disease-status"))).length, 1, `${where}: one CancerDiseaseStatus`);
          assert.equal(coded("97509-4").length, 2, `${where}: disease status and response`);
        }
        assert.equal(Buffer.from(dr.presentedForm[0].data, "base64").toString("utf8"), renderReports([built], "text"));
      }
    }
  });

  it("an incomplete patient's report says so at the top and in the impression, with codes and lines, in every format", () => {
    const mistakes = examples.find((i) => i.path.endsWith("mistakes.nadir"))!;
    const built = buildReports(selectReports([mistakes], { patient: "ERR-0001" }).targets);
    const text = renderReports(built, "text");
    const top = text.slice(0, text.indexOf("Patient:"));
    assert.match(top, /INCOMPLETE: errors in the case file \(invalid-date at line 8, invalid-value at line 18/);
    assert.match(text.slice(text.indexOf("\nIMPRESSION\n")), /^INCOMPLETE: errors in the case file/m);
    assert.match(renderReports(built, "md"), /^> \*\*INCOMPLETE: errors in the case file/m);
    assert.match(renderReports(built, "html"), /<p class="alert" role="alert">INCOMPLETE: errors in the case file/);
    assert.match(renderHtmlArticle(built[0]), /<article class="report incomplete"/);
    const bundle = JSON.parse(renderReports(built, "fhir"));
    const dr = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "DiagnosticReport").resource;
    assert.equal(dr.status, "partial");
    assert.match(dr.conclusion, /^INCOMPLETE/);
  });

  it("a value that cannot be read is shown as unreadable, never as a number, a present lesion or a reason it is not (issue 10, R4)", () => {
    const text = (input: string, scan: string) => {
      const [built] = buildReports(selectReports([{ path: "u.nadir", analysis: analyze(input, { today: TODAY }) }], { scan }).targets);
      return renderReports([built], "text").replace(/\n\s+/g, " ");
    };
    const baseline = text(UNREADABLE_BASELINE_CASE, "2025-03-01");
    assert.match(baseline, /T1 +liver, seg 6 +unreadable/);
    assert.match(baseline, /Sum of target diameters: not computable \(a value could not be read, R4\)/);
    assert.match(baseline, /Could not be read in the case file: T1 at the baseline \(line 3\)\. An unreadable value is unknown: no sum and no response of this line of therapy is computed/);
    assert.doesNotMatch(baseline, /4,2|a target (lesion was )?not evaluated/);
    // After the PD of 2025-03-01 the unreadable scan stays PD, and the report says why.
    const after = text(UNREADABLE_FOLLOW_UP, "2025-05-01");
    assert.match(after, /Overall response \(RECIST 1\.1, R7\): PD/);
    assert.match(after, /unreadable \(line 15\)/);
    assert.match(after, /this scan's sum and its own response are not computed from the values that were read \(R4\)\. The progression established at an earlier scan stands \(PD\)\./);
    // An unreadable new lesion is not reported as a present new lesion.
    const last = text(UNREADABLE_FOLLOW_UP, "2025-07-01");
    assert.match(last, /New lesions: not evaluable \(a value could not be read\)\./);
    assert.doesNotMatch(last, /New lesion: NL1/);
    assert.match(last, /Could not be read in the case file: NT1 \(line 22\), NL1 \(line 23\)\. An unreadable value is unknown: this scan's own response is not computed/);
  });

  it("iRECIST: the state, the confirmation window and what is pending come from the episode (R10)", () => {
    const pending = all.find((i) => i.path === "cases/IUPD_PENDING")!;
    const [built] = buildReports(selectReports([pending], {}).targets);
    const window = built.target.patient.episodes[0].pendingConfirmation!;
    assert.ok(window);
    const text = renderReports([built], "text");
    assert.match(text, /^Unconfirmed progression \(iUPD, iRECIST\)\./m);
    assert.ok(text.replace(/\n\s+/g, " ").includes(`Confirmation scan due between ${window.from} and ${window.to} (iUPD of ${window.iupdDate}, R10).`), text);
  });

  for (const [name, file, selection] of [
    ["PT-0042 (iRECIST)", "PT-0042.nadir", {}],
    ["CRC-0117 (RECIST 1.1)", "recist-chemotherapy.nadir", { patient: "CRC-0117", scan: "2025-07-28" }],
  ] as const) {
    it(`golden: ${name} in every format (UPDATE_SNAPSHOTS=1 rewrites)`, () => {
      const input = examples.find((i) => i.path.endsWith(file))!;
      const built = buildReports(selectReports([input], selection).targets);
      for (const format of ["text", "md", "html", "fhir"] as const) {
        const out = renderReports(built, format);
        const golden = path.join(GOLDEN, `${name.split(" ")[0]}.${format === "text" ? "txt" : format === "fhir" ? "fhir.json" : format}`);
        if (process.env.UPDATE_SNAPSHOTS === "1") fs.writeFileSync(golden, out);
        assert.equal(out, fs.readFileSync(golden, "utf8"), `${golden} (UPDATE_SNAPSHOTS=1 rewrites it)`);
      }
    });
  }
});

describe("chart: one definition for the webview, nadir plot and the report", () => {
  it("the chart's PR and PD thresholds are the engine's (R3), for every episode of the examples", () => {
    for (const input of inputs().filter((i) => i.path.startsWith("examples/"))) {
      for (const patient of input.analysis.assessment.patients) {
        const model = chartModelOf(patient, input.analysis.text);
        patient.episodes.filter((e) => e.baseline).forEach((episode, e) => {
          const chart = model.episodes[e];
          episode.timepoints.forEach((tp, i) => {
            const point = chart.points[i + 1];
            assert.equal(point.date, tp.date);
            assert.equal(point.pdThreshold, tp.pdThreshold === null ? null : tp.pdThreshold / 10, `${patient.id} ${tp.date} PD threshold`);
            if (tp.prThreshold !== null) assert.equal(chart.prThreshold, tp.prThreshold / 10, `${patient.id} PR threshold`);
            assert.equal(point.label, patient.criteria === "iRECIST" ? tp.iResponse : tp.response);
          });
          assert.equal(chart.complete, episode.complete);
        });
      }
    }
  });
});
