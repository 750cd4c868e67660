// Status-bar item: the response at the scan under the cursor.
import * as vscode from "vscode";
import { assessmentAt, CursorAssessment, displayedResponse, findPatient, formatSigned, incompleteLabel } from "./assessmentLookup";
import { AssessmentSource } from "./assessmentSource";
import { assessmentBlockAt, patientIdAt } from "./documentOutline";
import { debounce } from "./debounce";

export class ResponseStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("nadir.response", vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly scheduleUpdate = debounce(() => void this.update(), 150);

  constructor(private readonly source: AssessmentSource) {
    this.item.name = "Nadir Response";
    this.item.command = "nadir.showTimeline";
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorSelection(() => this.scheduleUpdate()),
      vscode.workspace.onDidChangeTextDocument(() => this.scheduleUpdate()),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleUpdate()),
    );
    this.scheduleUpdate();
  }

  refresh(): void {
    this.scheduleUpdate();
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "nadir") {
      this.item.hide();
      return;
    }
    const { document } = editor;
    const line = editor.selection.active.line;
    const lines = document.getText().split(/\r\n|\r|\n/);
    const assessment = await this.source.get(document);
    if (editor !== vscode.window.activeTextEditor || document.isClosed) return;
    const patient = findPatient(assessment, patientIdAt(lines, line));
    const atCursor = patient ? assessmentAt(patient, assessmentBlockAt(lines, line)) : undefined;
    if (!patient || !atCursor) {
      this.item.hide();
      return;
    }
    this.show(patient.id, atCursor, incompleteLabel(patient, atCursor));
  }

  private show(patientId: string, at: CursorAssessment, incomplete: string | null): void {
    const tooltip = new vscode.MarkdownString(undefined, true);
    if (incomplete) tooltip.appendMarkdown(`$(warning) **${incomplete}**: these results rest on partial data; see the Problems view.\n\n`);
    if (at.kind === "pre-treatment") {
      this.item.text = `$(history) ${patientId}: pre-treatment scan`;
      tooltip.appendMarkdown(`Scan of ${at.date} precedes the baseline: used for growth kinetics only.`);
    } else if (at.kind === "baseline") {
      const sum = at.episode.baseline?.sum;
      this.item.text = `$(pulse) ${patientId}: baseline${sum === null || sum === undefined ? "" : ` ${sum} mm`}`;
      tooltip.appendMarkdown(`**Baseline** ${at.episode.baseline?.date ?? ""}, sum of diameters ${sum ?? "n/a"} mm`);
    } else {
      const tp = at.timepoint;
      const response = displayedResponse(tp);
      this.item.text = `$(pulse) ${patientId}: ${response}${tp.changeFromBaselinePct === null ? "" : ` (${formatSigned(tp.changeFromBaselinePct, " %")})`}`;
      tooltip.appendMarkdown(
        [
          `**${response}** at the scan of ${tp.date}`,
          "",
          `| | |`,
          `|---|---|`,
          `| Sum | ${tp.sum ?? "n/a"} mm |`,
          `| Nadir | ${tp.nadir ?? "n/a"} mm |`,
          `| From baseline | ${formatSigned(tp.changeFromBaselinePct, " %")} |`,
          `| From nadir | ${formatSigned(tp.changeFromNadirPct, " %")}, ${formatSigned(tp.changeFromNadirMm, " mm")} |`,
          `| Target / non-target / new | ${tp.target ?? "\u2013"} / ${tp.nonTarget ?? "\u2013"} / ${tp.newLesions} |`,
          `| RECIST 1.1 | ${tp.response} |`,
          "",
          "Click to show the response timeline.",
        ].join("\n"),
      );
    }
    // Results that rest on partial data say so where they are shown (issue 10).
    if (incomplete) this.item.text = `${this.item.text.replace("$(pulse)", "$(warning)")} · ${incomplete}`;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.scheduleUpdate.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
