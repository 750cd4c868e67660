// Settings for `nadir check` / `nadir assess`: nadir.config.json found upwards from the case file,
// flags winning over it.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSettingsFor } from "../../server/src/cli/config";
import { DEFAULT_SETTINGS } from "../../server/src/core/settings";

describe("cli: settings from nadir.config.json", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nadir-config-"));
    fs.writeFileSync(path.join(dir, "nadir.config.json"), JSON.stringify({ criteria: "iRECIST", minStableDiseaseDays: 56 }));
    fs.mkdirSync(path.join(dir, "cohort", "2025"), { recursive: true });
  });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it("finds the config above the case file and keeps defaults for what it omits", () => {
    const settings = loadSettingsFor(path.join(dir, "cohort", "2025", "a.nadir"), {});
    assert.equal(settings.criteria, "iRECIST");
    assert.equal(settings.minStableDiseaseDays, 56);
    assert.equal(settings.followUpGraceDays, DEFAULT_SETTINGS.followUpGraceDays);
  });

  it("lets flags win over the config", () => {
    const settings = loadSettingsFor(path.join(dir, "a.nadir"), { criteria: "RECIST1.1", asOfDate: "2025-06-01" });
    assert.equal(settings.criteria, "RECIST1.1");
    assert.equal(settings.asOfDate, "2025-06-01");
    assert.equal(settings.minStableDiseaseDays, 56);
  });

  it("searches from the working directory for standard input", () => {
    assert.equal(loadSettingsFor(null, {}, path.join(dir, "cohort")).criteria, "iRECIST");
  });
});
