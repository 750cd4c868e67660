// The user stories the e2e run checks, in order, in one workbench.
import * as fs from "fs";
import * as path from "path";
import { CaseFile, countLines, lineOf } from "./caseFiles";
import { assert, Scenario } from "./runner";
import { Workbench } from "./workbench";
import { buildSr, cm, mm, SCT } from "../helpers/srBuilder";

export interface ScenarioContext {
  workbench: Workbench;
  workspace: string;
  files: CaseFile[];
  artifactsDir: string;
}

/** PT-0042: iRECIST, an iUPD at the scan of 2025-04-26 with new lesions. */
const melanoma = "PT-0042.nadir";
/** NSCLC-0311 in it: an iUPD on 2025-05-05 awaiting its confirmation scan. */
const pseudoprogression = "irecist-pseudoprogression.nadir";

export function scenarios(ctx: ScenarioContext): Scenario[] {
  const { workbench, artifactsDir } = ctx;
  const page = workbench.page;
  const shot = async (name: string) => {
    await workbench.parkMouse();
    await page.screenshot({ path: path.join(artifactsDir, name) });
  };
  const file = (name: string) => {
    const found = ctx.files.find((f) => f.name === name);
    if (!found) throw new Error(`${name} is not among the example files`);
    return found;
  };
  const diskText = (name: string) => fs.readFileSync(path.join(ctx.workspace, name), "utf8");

  return [
    {
      name: "opening a case file activates the extension and lists its problems with message and line",
      run: async () => {
        const { text } = file(melanoma);
        await workbench.openFile(melanoma);
        const iupdLine = lineOf(text, /^\s*scan 2025-04-26\b/);
        // A row reads "message\nnadir\ncode\n[Ln 31, Col 8]" (the parentheses are CSS).
        const progressionRow = new RegExp(`nadir\\s*progression\\s*\\[Ln ${iupdLine},`);
        const rows = await workbench.problems(progressionRow, "**/PT-0042.nadir");
        const row = rows.find((r) => progressionRow.test(r)) ?? "";
        assert(/nadir/i.test(row), `the progression problem should give the nadir: ${row}`);
        await shot("problems.png");
      },
    },
    {
      name: "hovering a scan header shows the sum and nadir arithmetic",
      run: async () => {
        const iupdLine = lineOf(file(melanoma).text, /^\s*scan 2025-04-26\b/);
        await workbench.goTo(iupdLine, 4);
        const hover = await workbench.hoverAtCursor(/Sum/);
        assert(/nadir/i.test(hover), `the hover should name the nadir: ${hover}`);
        await shot("hover.png");
        await page.keyboard.press("Escape");
      },
    },
    {
      name: "the status bar shows the response at the scan under the cursor",
      run: async () => {
        await page.locator(".statusbar-item", { hasText: "PT-0042:" }).first().waitFor({ timeout: 30_000 });
        const text = await page.locator(".statusbar-item", { hasText: "PT-0042:" }).first().innerText();
        assert(/iUPD|PD/.test(text), `the status bar should show the iUPD: ${text}`);
      },
    },
    {
      name: "a rule id in a hover opens the rules installed with the extension, at that rule (docs/rules.md)",
      run: async () => {
        const { text } = file(melanoma);
        const line = lineOf(text, /^\s*T2\s+too small/);
        await workbench.goTo(line, text.split("\n")[line - 1].indexOf("too small") + 2);
        await workbench.hoverAtCursor(/too small/);
        await page.locator(".monaco-hover:not(.hidden) .monaco-hover-content a", { hasText: /^R2$/ }).first().click();
        await page.locator('.tabs-container .tab.active[aria-label^="rules.md"]').waitFor({ timeout: 30_000 });
        await workbench.activeEditor().locator(".view-line", { hasText: "## R2 Sum of diameters" }).first().waitFor({ timeout: 30_000 });
        await shot("hover-rule-link.png");
        await workbench.openFile(melanoma);
      },
    },
    {
      name: "completion inside a scan offers the declared lesion ids it still lacks",
      run: async () => {
        // Blank out "N1  9 mm" at the first follow-up, then ask for completion on "N".
        const n1Line = lineOf(file(melanoma).text, /^\s*N1\s+9 mm/);
        await workbench.goTo(n1Line, 1);
        await page.keyboard.press("End");
        await page.keyboard.press("Shift+Home");
        const labels = await workbench.completionLabels("N", "N1");
        assert(labels.includes("N1"), `completion should offer N1: ${labels.join(", ")}`);
        await workbench.revert();
      },
    },
    {
      name: "the quick fix inserts the confirmation scan",
      run: async () => {
        const before = diskText(pseudoprogression);
        const iupdLine = lineOf(before, /^\s*scan 2025-05-05\b/);
        await workbench.openFile(pseudoprogression);
        await workbench.problems(new RegExp(`confirmation-due\\s*\\[Ln ${iupdLine},`), "confirmation-due");
        await workbench.goTo(iupdLine, 4);
        await workbench.applyQuickFix("Insert confirmation scan");
        await shot("quick-fix.png");
        await workbench.save();
        const after = diskText(pseudoprogression);
        assert(
          countLines(after, /^\s*scan \d{4}-\d{2}-\d{2}/) === countLines(before, /^\s*scan \d{4}-\d{2}-\d{2}/) + 1,
          `a scan should have been inserted:\n${after}`,
        );
      },
    },
    {
      name: "Import DICOM SR... appends the report's scan to the patient as an undoable edit and shows the summary",
      run: async () => {
        // A viewer's follow-up report for PT-0042, written into the workspace as a user would save it.
        const sr = path.join(ctx.workspace, "PT-0042-followup.dcm");
        fs.writeFileSync(sr, buildSr({
          patientId: "PT-0042", studyDate: "20250620", procedure: ["77477000", "SCT", "Computed Tomography"],
          groups: [
            { trackingId: "T1", site: SCT.liver, measurements: [cm(SCT.longAxis, 4.6)] },
            { trackingId: "N1", site: SCT.node, measurements: [mm(SCT.shortAxis, 14)] },
            { trackingId: "area", site: SCT.lung, measurements: [mm(SCT.area, 80)] },
          ],
        }));
        await workbench.openFile(melanoma);
        await workbench.goTo(lineOf(diskText(melanoma), /^\s*scan 2025-03-01\b/), 4);
        await workbench.startCommand("Nadir: Import DICOM SR");
        await workbench.acceptPathInFileDialog("Import DICOM SR measurement reports", sr);
        // An error ("Nothing imported", "Cannot read") fails here with its text.
        const message = await workbench.toast(/Imported:|Nothing imported|Cannot read|not running/);
        assert(/PT-0042 scan 2025-06-20 .*matched 2 .*1 group skipped/s.test(message), `the summary should say what was matched and skipped: ${message}`);
        const editor = workbench.activeEditor();
        await page.locator(".tabs-container .tab.active.dirty").waitFor({ timeout: 30_000 });
        // The new block follows the scan of 2025-04-26 (a blank line between): scroll there.
        const lines = diskText(melanoma).split(/\r?\n/);
        const lastScan = lines.findIndex((l) => /^\s*scan 2025-04-26\b/.test(l));
        const closing = lines.findIndex((l, i) => i > lastScan && /^\s*\}\s*$/.test(l));
        await workbench.goTo(closing + 3, 1);
        await editor.locator(".view-line", { hasText: "scan 2025-06-20 CT" }).first().waitFor({ timeout: 30_000 });
        assert(!/2025-06-20/.test(diskText(melanoma)), "the import edits the open document, not the file on disk");
        await shot("import-sr.png");
        await workbench.runCommand("View: Focus Active Editor Group");
        await page.keyboard.press("Control+Z");
        await editor.locator(".view-line", { hasText: "scan 2025-06-20 CT" }).first().waitFor({ state: "detached", timeout: 30_000 });
        await workbench.closeNotifications();
      },
    },
    {
      name: "Show Response Timeline charts the patient in a webview and follows edits",
      run: async () => {
        await workbench.openFile(melanoma);
        const iupdLine = lineOf(diskText(melanoma), /^\s*scan 2025-04-26\b/);
        await workbench.goTo(iupdLine, 4);
        await workbench.runCommand("Nadir: Show Response Timeline");
        const view = workbench.webview();
        const chart = view.locator("svg.timeline-chart");
        await chart.waitFor({ timeout: 30_000 });
        const labels = await chart.locator("text.response-label").allTextContents();
        assert(labels.includes("iUPD"), `the chart should label the iUPD: ${labels.join(", ")}`);
        await view.locator("text.ref-pd").first().waitFor();
        await view.locator("text.ref-pr").first().waitFor();
        // Room for the chart: hide the side bar and the panel for the picture.
        await workbench.runCommand("View: Close Primary Side Bar");
        await workbench.runCommand("View: Hide Panel");
        await shot("timeline.png");

        // Live: a smaller T1 at the first follow-up lowers that scan's sum in the chart's table.
        const firstScan = lineOf(diskText(melanoma), /^\s*scan 2025-03-01\b/);
        const sumCell = view.locator("table.numbers tr", { hasText: "2025-03-01" }).locator("td").nth(1);
        const sumBefore = await sumCell.innerText();
        await workbench.goTo(firstScan + 1, 1);
        await page.keyboard.press("End");
        await page.keyboard.press("Shift+Home");
        await page.keyboard.type("T1 20 mm");
        await view.locator("table.numbers tr", { hasText: "2025-03-01" }).locator("td").nth(1)
          .filter({ hasNotText: new RegExp(`^${sumBefore}$`) }).waitFor({ timeout: 30_000 });
      },
    },
    {
      name: "Open Report Preview to the Side shows the report of the scan under the cursor and follows cursor and edits",
      run: async () => {
        // After the timeline scenario: drop its edit and close its webview (side bar and panel are hidden already).
        await workbench.revert();
        await workbench.runCommand("View: Close All Editor Groups");
        await workbench.openFile(melanoma);
        const iupdLine = lineOf(diskText(melanoma), /^\s*scan 2025-04-26\b/);
        await workbench.goTo(iupdLine, 4);
        await workbench.runCommand("Nadir: Open Report Preview to the Side");
        const view = workbench.webview();
        const report = view.locator("article.report");
        await view.locator('article.report[data-scan="2025-04-26"]').waitFor({ timeout: 30_000 });
        const impression = await report.locator("section.impression").innerText();
        assert(/Unconfirmed progression \(iUPD, iRECIST\)/.test(impression), `the impression should name the iUPD: ${impression}`);
        assert(/Confirmation|window/.test(impression), `the impression should say what is pending: ${impression}`);
        await view.locator("svg.timeline-chart").first().waitFor();
        await shot("report-preview.png");

        // The cursor on the first follow-up: the preview follows it.
        const firstScan = lineOf(diskText(melanoma), /^\s*scan 2025-03-01\b/);
        await workbench.goTo(firstScan, 4);
        await view.locator('article.report[data-scan="2025-03-01"]').waitFor({ timeout: 30_000 });
        // Typing a smaller T1 changes the sum the report gives.
        const sumOf = () => view.locator("dl.facts dt", { hasText: /^Sum of target diameters$/ }).locator("xpath=following-sibling::dd[1]").innerText();
        const before = await sumOf();
        assert(before === "44 mm", `the first follow-up's sum should be 44 mm: ${before}`);
        await workbench.goTo(firstScan + 1, 1);
        await page.keyboard.press("End");
        await page.keyboard.press("Shift+Home");
        await page.keyboard.type("T1 20 mm");
        await view.locator("dl.facts dd", { hasText: /^34 mm$/ }).first().waitFor({ timeout: 30_000 });
        await workbench.revert();

        // Copy Report as Text: the plain-text report of the scan under the cursor goes to the clipboard.
        await workbench.goTo(iupdLine, 4);
        await workbench.runCommand("Nadir: Copy Report as Text");
        await page.locator(".notifications-toasts .notification-toast", { hasText: "Report of PT-0042, 2025-04-26 copied as text." }).first().waitFor({ timeout: 30_000 });
        await workbench.closeNotifications();
      },
    },
    {
      name: "several criteria on the criteria line: the hover shows the scan under each, the timeline switches criterion (P3, R25)",
      run: async () => {
        await workbench.runCommand("View: Close All Editor Groups");
        await workbench.openFile(melanoma);
        const criteriaLine = lineOf(diskText(melanoma), /^\s*criteria iRECIST\s*$/);
        await workbench.goTo(criteriaLine, 1);
        await page.keyboard.press("End");
        await page.keyboard.type(" irRC imRECIST");
        const iupdLine = lineOf(diskText(melanoma), /^\s*scan 2025-04-26\b/);
        await workbench.goTo(iupdLine, 4);
        const hover = await workbench.hoverAtCursor(/under each criterion/);
        assert(/irRC/.test(hover) && /imRECIST/.test(hover), `the hover should have a row per criterion: ${hover}`);
        assert(/PD \(unconfirmed\)/.test(hover), `imRECIST's pending PD should show in the hover: ${hover}`);
        await shot("hover-criteria.png");
        await page.keyboard.press("Escape");

        await workbench.runCommand("Nadir: Show Response Timeline");
        const view = workbench.webview();
        const select = view.locator("select.criterion-select");
        await select.waitFor({ timeout: 30_000 });
        const options = await select.locator("option").allTextContents();
        assert(options.join("|") === "iRECIST (primary)|irRC|imRECIST", `one option per criterion, the primary first: ${options.join("|")}`);
        await view.locator('.criterion-view[data-criterion="iRECIST"]:not([hidden]) text.ref-pd').first().waitFor();
        await select.selectOption("imRECIST");
        const shown = view.locator('.criterion-view[data-criterion="imRECIST"]:not([hidden])');
        await shown.locator("text.axis-title", { hasText: "Sum with new lesions (mm)" }).first().waitFor({ timeout: 30_000 });
        await shown.locator("text.ref-pd").first().waitFor();
        assert(await view.locator('.criterion-view[data-criterion="iRECIST"][hidden]').count() === 1, "the primary's view should be hidden once imRECIST is chosen");
        await shot("timeline-criteria.png");
        await workbench.goTo(criteriaLine, 1);
        await workbench.revert();
      },
    },
  ];
}
