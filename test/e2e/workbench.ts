// What a user does in the VS Code workbench, expressed with playwright-core:
// the command palette, quick open, go to line, the Problems panel, hovers,
// quick fixes and completion. Every step waits on a selector, never a sleep.
import { FrameLocator, Locator, Page } from "playwright-core";

const timeout = 30_000;

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator(".monaco-workbench").waitFor({ timeout: 90_000 });
    await this.page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 90_000 });
  }

  /** Runs a command by its palette title, e.g. "Nadir: Show Response Timeline". */
  async runCommand(title: string): Promise<void> {
    await this.startCommand(title);
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout });
  }

  /** Picks a command in the palette without waiting for the palette to close (it may open a dialog). */
  async startCommand(title: string): Promise<void> {
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ timeout });
    await input.fill(`>${title}`);
    await this.pickFocusedRow(title);
  }

  async openFile(name: string): Promise<Locator> {
    await this.page.keyboard.press("Control+P");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ timeout });
    await input.fill(name);
    await this.pickFocusedRow(name);
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout });
    const editor = this.activeEditor();
    await editor.locator(".view-lines .view-line").first().waitFor({ timeout });
    return editor;
  }

  /**
   * code-server's file dialog is a quick input holding a path: types `filePath` and accepts it.
   * While the dialog lists its folder it may rewrite the value it was given, and Enter is then
   * taken for the folder: so the value is checked before Enter, and the whole step is repeated
   * (at most four times) until the dialog closes, with what it showed in the error otherwise.
   */
  async acceptPathInFileDialog(title: string, filePath: string): Promise<void> {
    const widget = this.page.locator(".quick-input-widget");
    await widget.locator(".quick-input-title", { hasText: title }).waitFor({ timeout });
    const input = widget.locator(".quick-input-box input");
    let seen = "";
    for (let attempt = 1; attempt <= 4; attempt++) {
      await input.fill(filePath);
      const selector = JSON.stringify(".quick-input-widget .quick-input-box input");
      await this.page.waitForFunction(`document.querySelector(${selector})?.value === ${JSON.stringify(filePath)}`, undefined, { timeout: 5_000 }).catch(() => undefined);
      if ((await input.inputValue()) !== filePath) continue;
      await this.page.keyboard.press("Enter");
      try {
        await widget.waitFor({ state: "hidden", timeout: 10_000 });
        return;
      } catch {
        seen = `value ${JSON.stringify(await input.inputValue().catch(() => "?"))}, message ${JSON.stringify(await widget.locator(".quick-input-message").innerText().catch(() => ""))}`;
      }
    }
    throw new Error(`the file dialog "${title}" did not accept ${filePath} after four attempts (${seen || "the value kept changing"})`);
  }

  /** The text of the first notification toast matching `text`, with every toast's text if none comes. */
  async toast(text: RegExp): Promise<string> {
    const toasts = this.page.locator(".notifications-toasts .notification-toast");
    try {
      const toast = toasts.filter({ hasText: text }).first();
      await toast.waitFor({ timeout });
      return await toast.innerText();
    } catch (error) {
      const all = await toasts.allInnerTexts().catch(() => []);
      throw new Error(`no notification matching ${text} (${all.length ? `shown: ${all.map((t) => JSON.stringify(t)).join("; ")}` : "none shown"}): ${String(error)}`);
    }
  }

  /** Accepts the quick-input row once the filtered list has focused it (keyboard only, so no stray hovers). */
  private async pickFocusedRow(text: string): Promise<void> {
    await this.page.locator(".quick-input-list .monaco-list-row.focused", { hasText: text }).first().waitFor({ timeout });
    await this.page.keyboard.press("Enter");
  }

  activeEditor(): Locator {
    return this.page.locator(".editor-group-container.active .monaco-editor").first();
  }

  /** Moves the cursor with "Go to Line/Column" (1-based line and column). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.runCommand("View: Focus Active Editor Group");
    await this.page.keyboard.press("Control+G");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ timeout });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout });
    await this.page.locator(".editor-group-container.active .current-line").first().waitFor({ timeout });
  }

  /**
   * The Problems panel's rows as text ("message nadir(code) [Ln 31, Col 3]"),
   * narrowed by the panel's filter box (the list renders visible rows only).
   */
  async problems(expectedText: string | RegExp, filter: string): Promise<string[]> {
    await this.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const filterBox = this.page.locator(".markers-panel-action-filter .monaco-inputbox input, .viewpane-filter .monaco-inputbox input").first();
    await filterBox.fill(filter);
    const rows = this.page.locator(".markers-panel .monaco-list-row");
    await rows.filter({ hasText: expectedText }).first().waitFor({ timeout });
    return rows.allInnerTexts();
  }

  async hoverAtCursor(expectedText: string | RegExp): Promise<string> {
    await this.runCommand("Show or Focus Hover");
    const hover = this.page.locator(".monaco-hover:not(.hidden) .monaco-hover-content").filter({ hasText: expectedText }).first();
    await hover.waitFor({ timeout });
    return hover.innerText();
  }

  async applyQuickFix(titlePrefix: string): Promise<void> {
    await this.page.keyboard.press("Control+.");
    const item = this.page.locator(".action-widget .monaco-list-row.action", { hasText: titlePrefix }).first();
    await item.waitFor({ timeout });
    await item.click();
    await this.page.locator(".tabs-container .tab.active.dirty").waitFor({ timeout });
    await this.parkMouse();
  }

  /** Types `prefix`, opens completion and returns the suggested labels. */
  async completionLabels(prefix: string, expectedLabel: string): Promise<string[]> {
    await this.page.keyboard.type(prefix);
    await this.page.keyboard.press("Control+Space");
    const rows = this.page.locator(".suggest-widget.visible .monaco-list-row");
    await rows.filter({ hasText: expectedLabel }).first().waitFor({ timeout });
    const labels = await this.page.locator(".suggest-widget.visible .monaco-list-row .label-name").allInnerTexts();
    await this.page.keyboard.press("Escape");
    return labels;
  }

  /** Drops unsaved edits of the active editor. */
  async revert(): Promise<void> {
    await this.runCommand("File: Revert File");
    await this.page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached", timeout });
  }

  /** Parks the mouse where it opens no hover, for clean screenshots. */
  async parkMouse(): Promise<void> {
    const box = await this.page.locator(".part.titlebar").boundingBox({ timeout });
    if (box) await this.page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  }

  async save(): Promise<void> {
    await this.page.keyboard.press("Control+S");
    await this.page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached", timeout });
  }

  /** The content frame of the visible webview (VS Code nests it in two iframes). */
  webview(): FrameLocator {
    return this.page.frameLocator("iframe.webview.ready").last().frameLocator("iframe#active-frame");
  }

  async closeNotifications(): Promise<void> {
    await this.runCommand("Notifications: Clear All Notifications");
  }
}
